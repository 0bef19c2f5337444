import { src, t, findLine, findSpan, lines, D } from './lib.mjs';
import { GUIDELINE_CRITERIA } from './guidelines-criteria.mjs';
// The first line (from..to) where `needle` starts, allowing it to run over the next few lines.
function lineOf002(needle, from, to) {
  const L = lines(D.s002);
  const norm = (s) => s.toLowerCase().replace(/\s+/g, ' ');
  const n = norm(needle);
  for (let i = from - 1; i < to; i++) {
    if (norm(L.slice(i, i + 4).join(' ')).includes(n) && !norm(L.slice(i + 1, i + 4).join(' ')).includes(n)) return i + 1;
  }
  throw new Error(`criterion needle "${needle}" not found in s002 L${from}-${to}`);
}
function criteriaOf(setKey, code, from, to) {
  return (GUIDELINE_CRITERIA[setKey] ?? []).filter((r) => r[0] === code).map(([, c, needle, kk, ru, en, interpreted]) => {
    const l = lineOf002(needle, from, to);
    const source = { ...src('s002', l, l + 3, needle), translated: ['kk', 'ru'] };
    return { code: c, title: t(kk, ru, en), source: interpreted ? { ...source, note: `Interpreted from the machine translation: ${interpreted}` } : source, ...(interpreted ? { interpreted: true } : {}) };
  });
}
// Find "Standard N" heading line within a section of seed 002.
function std002(n, from) { return findLine('s002', `Standard ${n}`, from); }
function guideSet(key, from, to, titleT, items, levelNote) {
  const starts = items.map((_, i) => std002(i + 1, from));
  const standards = items.map(([kk, ru, en, needle], i) => {
    const n = i + 1;
    const l = starts[i];
    if (l > to) throw new Error(`${key} standard ${n} out of range`);
    const end = i + 1 < starts.length ? starts[i + 1] - 1 : to;
    const setKey = key === 'external' ? 'guidelines-external' : `guidelines-internal-${key}`;
    return { code: String(n), title: t(kk, ru, en), criteria: criteriaOf(setKey, String(n), l, end), source: src('s002', l, l + 1, needle) };
  });
  return { owner: 'ministry', title: titleT, version: 'draft 2022', level: levelNote, standards, source: src('s002', from, to, 'Standard 1'), translated: ['kk', 'ru'] };
}
const QP = ['Сапа саласындағы саясат', 'Политика в области качества', 'Quality policy', 'Quality policy'];
const PUB = ['Жұртшылықты ақпараттандыру', 'Информирование общественности', 'Public information', 'Public information'];
const PEQA = ['Сапаны мерзімді сыртқы қамтамасыз ету', 'Периодическое внешнее обеспечение качества', 'Periodic external quality assurance', 'Periodic external quality assurance'];
const STAFF = ['Педагогтер құрамы және персонал', 'Педагогический состав и персонал', 'Teaching staff and staff', 'Teaching staff and staff'];

export function standards() {
  const G = t('Білім беру сапасын қамтамасыз ету жөніндегі басшылық', 'Руководство по обеспечению качества в образовании', 'Guidelines for Quality Assurance in Education');
  const sub = (kk, ru, en) => t(`${G.kk} — ${kk}`, `${G.ru} — ${ru}`, `${G.en} — ${en}`);
  const out = {};
  out['guidelines-internal-preschool'] = guideSet('preschool', 565, 745, sub('мектепке дейінгі тәрбие мен оқытудың ішкі сапа стандарттары', 'стандарты внутреннего обеспечения качества дошкольного воспитания и обучения', 'internal QA standards, preschool education and training'), [
    QP,
    ['Балалардың қауіпсіздігі мен денсаулығы', 'Безопасность и здоровье детей', 'Safety and health of children', 'Safety and health of children'],
    ['Мектепке дейінгі тәрбие мен оқытудың жалпы білім беретін оқу бағдарламаларын әзірлеу және бекіту', 'Разработка и утверждение общеобразовательных учебных программ дошкольного воспитания и обучения', 'Development and approval of general education curricula for preschool education and training', 'Development and approval of general education curricula'],
    ['Тәрбиелеу, оқыту және баланың дамуындағы ілгерілеуді бағалау', 'Воспитание, обучение и оценка прогресса в развитии ребёнка', 'Upbringing, training and assessment of progress in the development of the child', 'assessment of progress in the development'],
    STAFF,
    ['Өзара іс-қимыл және қарым-қатынас: педагог, тәрбиеші, ата-ана және бала', 'Взаимодействие и взаимоотношения: педагог, воспитатель, родитель и ребёнок', 'Interaction and relationships: teacher, educator, parent and child', 'Interaction and relationships'],
    ['Дамытушы орта', 'Развивающая среда', 'Developing environment', 'Developing environment'],
    PUB, PEQA,
  ], 'preschool');
  out['guidelines-internal-secondary'] = guideSet('secondary', 1040, 1199, sub('орта білім берудің ішкі сапа стандарттары', 'стандарты внутреннего обеспечения качества среднего образования', 'internal QA standards, secondary education'), [
    QP,
    ['Орта білім берудің жалпы білім беретін оқу бағдарламаларын әзірлеу және бекіту', 'Разработка и утверждение общеобразовательных учебных программ среднего образования', 'Development and approval of general education curricula (secondary education programmes)', 'Development and approval of general education'],
    ['Оқыту және бағалау: әдіснама, технологиялар, әдістер және бағалау жүйесі', 'Обучение и оценивание: методология, технологии, методы и система оценивания', 'Training and assessment: methodology, technologies, methods and assessment system', 'Training and assessment'],
    ['Тәрбие процесі және оның оқытумен байланысы', 'Воспитательный процесс и его взаимосвязь с обучением', 'Educational (upbringing) process and its relationship with learning', 'Educational process and its relationship with learning'],
    ['Білім алушылардың жетістіктері, дамудағы ілгерілеу, оқыту нәтижелерін тану', 'Достижения обучающихся, прогресс в развитии, признание результатов обучения', 'Student achievement, progress in development, recognition of learning outcomes', 'Student achievement'],
    STAFF,
    ['Өзара іс-қимыл және қарым-қатынас: тәрбиеші, мұғалім, ата-ана және бала', 'Взаимодействие и взаимоотношения: воспитатель, учитель, родитель и ребёнок', 'Interaction and relationships: educator, teacher, parent and child', 'Interaction and relationships'],
    ['Оқу және материалдық ресурстар, педагогтер мен білім алушылардың басқаруға қатысуы', 'Учебные и материальные ресурсы и участие педагогов и обучающихся в управлении', 'Educational and material resources and participation of teachers and students in management', 'Educational and material resources'],
    PUB, PEQA,
  ], 'secondary');
  out['guidelines-internal-tvet'] = guideSet('tvet', 1702, 1860, sub('техникалық және кәсіптік, орта білімнен кейінгі білім берудің ішкі сапа стандарттары', 'стандарты внутреннего обеспечения качества технического и профессионального, послесреднего образования', 'internal QA standards, technical and vocational / post-secondary education'), [
    QP,
    ['ТжКБ мамандықтары бойынша білім беру бағдарламаларын әзірлеу', 'Разработка образовательных программ по специальностям ТиПО', 'Development of educational programmes in TVET specialties', 'Development of educational programs in the specialties of TVET'],
    ['Оқу мен оқытудың нысандары, әдістері және технологиялары', 'Формы, методы и технологии обучения и преподавания', 'Forms, methods and technologies of learning and teaching', 'Forms, methods and technologies'],
    ['Білім алушыларды қабылдау, үлгерім, біліктілік беру', 'Приём обучающихся, успеваемость, присвоение квалификаций', 'Admission of students, academic performance, assignment of qualifications', 'Admission of students, academic performance'],
    ['Оқытушылар және өндірістен тәлімгерлер', 'Преподаватели и наставники от производства', 'Teachers and mentors from production', 'Teachers and mentors from production'],
    ['Тәрбие процесі және білім алушыларды басқаруға тарту', 'Воспитательный процесс и вовлечение обучающихся в управление', 'Educational process and involvement of students in management', 'involvement of students in management'],
    ['Оқу және материалдық ресурстар', 'Учебные и материальные ресурсы', 'Educational and material resources', 'Educational and material resources'],
    PUB,
    ['Білім беру сапасын мерзімді қамтамасыз ету', 'Периодическое обеспечение качества образования', 'Periodic quality assurance in education', 'Periodic quality assurance in education'],
  ], 'tvet');
  out['guidelines-internal-higher'] = guideSet('higher', 2187, 2302, sub('жоғары және жоғары оқу орнынан кейінгі білім берудің ішкі сапа стандарттары', 'стандарты внутреннего обеспечения качества высшего и послевузовского образования', 'internal QA standards, higher and postgraduate education'), [
    ['Сапаны қамтамасыз ету саясаты', 'Политика обеспечения качества', 'Quality policy', 'Quality policy'],
    ['Білім беру бағдарламаларын әзірлеу және бекіту', 'Разработка и утверждение образовательных программ', 'Development and approval of educational programmes', 'Development and approval of educational programs'],
    ['Студентке бағдарланған оқу, оқыту және бағалау', 'Студентоцентрированное обучение, преподавание и оценивание', 'Student-centred learning, teaching and assessment', 'Student-centered learning'],
    ['Білім алушыларды қабылдау, үлгерім, тану және сертификаттау', 'Приём обучающихся, успеваемость, признание и сертификация', 'Student admission, academic performance, recognition and certification', 'Student Admission'],
    ['Профессор-оқытушылар құрамы', 'Профессорско-преподавательский состав', 'Teaching staff', 'Teaching staff'],
    ['Оқу ресурстары және білім алушыларды қолдау жүйесі', 'Учебные ресурсы и система поддержки обучающихся', 'Learning resources and student support system', 'Learning resources and student support system'],
    ['Ақпаратты басқару', 'Управление информацией', 'Information management', 'Information Management'],
    PUB,
    ['Бағдарламаларды үздіксіз мониторингтеу және мерзімді бағалау', 'Постоянный мониторинг и периодическая оценка программ', 'Continuous monitoring and periodic evaluation of programmes', 'Continuous monitoring and periodic evaluation'],
    PEQA,
  ], 'higher');
  out['guidelines-internal-additional'] = guideSet('additional', 2734, 2821, sub('қосымша білім берудің ішкі сапа стандарттары', 'стандарты внутреннего обеспечения качества дополнительного образования', 'internal QA standards, additional (continuing) education'), [
    QP,
    ['Қосымша білім беру бағдарламаларын әзірлеу, бекіту және іске асыру', 'Разработка, утверждение и реализация программ дополнительного образования', 'Development, approval and implementation of additional education programmes', 'Development, approval and implementation of additional'],
    ['Білім алушыға бағдарланған оқыту және бағалау', 'Студентоцентрированное обучение и оценивание', 'Student-centred learning and assessment', 'Student-centered learning and assessment'],
    ['Бағдарламаларға қабылдау, қосымша білім беру нәтижелерін тану және сертификаттау', 'Приём на программы, признание и сертификация результатов дополнительного образования', 'Admission to programmes, recognition and certification of the results of additional education', 'Admission to programs, recognition and certification'],
    ['Оқытушы персонал', 'Обучающий персонал', 'Training staff', 'Training staff'],
    ['Қосымша білім беруді ресурстық қамтамасыз ету', 'Ресурсное обеспечение дополнительного образования', 'Resource provision of additional education', 'Resource provision of additional education'],
    ['Ақпараттық саясат', 'Информационная политика', 'Information policy', 'Information policy'],
    ['Сапаны мерзімді ішкі және сыртқы қамтамасыз ету', 'Периодическое внутреннее и внешнее обеспечение качества', 'Periodic internal and external quality assurance', 'Periodic internal and external quality assurance'],
  ], 'additional');
  out['guidelines-internal-teacher'] = guideSet('teacher', 2905, 3249, sub('педагогикалық білім берудің ішкі сапа стандарттары', 'стандарты внутреннего обеспечения качества педагогического образования', 'internal QA standards, teacher education'), [
    ['Педагогтерді даярлаудың білім беру бағдарламаларының мазмұны және педагогикалық білім', 'Содержание образовательных программ подготовки педагогов и педагогические знания', 'Content of educational programmes for teacher training and pedagogical knowledge', 'Content of educational programs for teacher training'],
    ['Педагогикалық практика базасы және түлектерді сүйемелдеу (тәлімгерлік)', 'База педагогической практики и сопровождение (наставничество) выпускников', 'Base of teaching practice and support (mentoring) of graduates', 'Base of teaching practice'],
    ['Білім алушыларды қабылдау', 'Приём обучающихся', 'Admission (acceptance) of students', 'Acceptance of students'],
    ['Білім алушыларды академиялық қолдау', 'Академическая поддержка обучающихся', 'Academic support for students', 'Academic support for students'],
    ['Кері байланыс және үздіксіз жетілдіру', 'Обратная связь и непрерывное совершенствование', 'Feedback and continuous improvement', 'Feedback and continuous improvement'],
    ['Профессор-оқытушылар құрамы', 'Профессорско-преподавательский состав', 'Teaching staff', 'Teaching staff'],
    ['Ресурстар', 'Ресурсы', 'Resources', 'Resource'],
    ['Педагогикалық зерттеулер', 'Педагогические исследования', 'Pedagogical research', 'Pedagogical research'],
  ], 'teacher education');
  out['guidelines-external'] = guideSet('external', 2505, 2614, sub('сапаны сыртқы қамтамасыз ету стандарттары (аккредиттеу органдары үшін міндетті)', 'стандарты внешнего обеспечения качества (обязательны для аккредитационных органов)', 'external QA standards (binding on accreditation bodies)'), [
    ['Сапаны ішкі қамтамасыз ету деректерін ескеру', 'Учёт данных внутреннего обеспечения качества', 'Accounting for internal quality assurance data', 'Accounting for internal quality assurance data'],
    ['Қойылған мақсаттарға сай әдіснаманы әзірлеу', 'Разработка методологии, соответствующей поставленным целям', 'Development of a methodology that meets the goals set', 'Development of a methodology'],
    ['Процестерді іске асыру', 'Реализация процессов', 'Process implementation', 'Process Implementation'],
    ['Тартылатын сарапшылар', 'Привлекаемые эксперты', 'Involved experts', 'Involved experts'],
    ['Нәтижелер критерийлері', 'Критерии результатов', 'Outcome criteria', 'Outcome criteria'],
    ['Есептілік', 'Отчётность', 'Reporting', 'Reporting'],
    ['Шағымдар мен апелляциялар', 'Жалобы и апелляции', 'Complaints and appeals', 'Complaints and Appeals'],
  ], 'higher (external)');

  // KAZSEE: titles and criterion IDs from Annex IV (seed 004 L4206-4516); criterion wording is not in the seeds.
  const annex = [findLine('s004', 'Annex IV. Compliance with KAZSEE'), findLine('s004', 'THE PROCEDURE FOR ACCREDITATION OF EDUCATIONAL') - 1];
  const rng = (p, a, b) => Array.from({ length: b - a + 1 }, (_, i) => `${p}.${a + i}`);
  const INST = {
    '1.1': ['1.2.1','1.2.2','1.2.3','1.2.4','1.2.5','1.2.9', '2.2.1','2.2.3','2.2.4','2.2.5','2.2.6', ...rng('2.2', 9, 18), '2.2.22','2.2.23'],
    '1.2': ['2.2.21','3.2.1','3.2.2','3.2.3','3.2.6','3.2.14'],
    '1.3': ['2.2.20','3.2.4','3.2.5','3.2.9','3.2.10','3.2.11','3.2.12', ...rng('3.2', 15, 24), '5.2.1','5.2.4','5.2.5','5.2.7','5.2.9','5.2.10'],
    '1.4': ['5.2.2','5.2.3','5.2.6','5.2.8','5.2.13','5.2.14','6.2.2','6.2.3','6.2.5'],
    '1.5': ['2.2.8','2.2.19', ...rng('4.2', 1, 10), '4.2.12','4.2.13','4.2.15','4.2.16','4.2.18','4.2.19','6.2.5','8.2.13'],
    '1.6': ['2.2.2','2.2.7', ...rng('7.2', 1, 4), '8.2.1', ...rng('8.2', 6, 12)],
    '1.7': ['3.2.13','5.2.1','5.2.11','5.2.12','5.2.15','5.2.16','5.2.17'],
    '1.8': rng('8.2', 14, 17),
    '1.9': rng('3.2', 1, 24),
    '1.10': ['1.2.7','1.2.8'],
  };
  const PROG = {
    '1.1': ['1.2.4','1.2.5','3.2.5','4.2.14','8.2.6','8.2.7'],
    '1.2': ['1.2.3','2.2.1','2.4','2.5','2.6','2.8','3.2.7'],
    '1.3': ['2.8.2','2.8.3','3.2.3','3.2.5','3.2.6', ...rng('3.2', 8, 14), '4.2.12'],
    '1.4': ['3.2.1','3.2.2','3.2.4','2.9', ...rng('5.2', 1, 14), '9.2.6'],
    '1.5': ['2.3', ...rng('4.2', 1, 11), '4.2.17','8.2.3','8.2.11','7.2.7'],
    '1.6': rng('6.2', 1, 15).concat(['8.2.1','8.2.2','8.2.4','8.2.5']),
    '1.7': ['7.2.3','7.2.4','7.2.5'],
    '1.8': ['7.2.7','7.2.8','9.2.3'],
    '1.9': ['1.2.1','1.2.2','8.2.8','9.2.2','9.2.5'],
    '1.10': ['3.2.5','8.2.2','9.2.1'],
  };
  const vcmp = (a, b) => { const x = a.split('.').map(Number), y = b.split('.').map(Number); for (let i = 0; i < Math.max(x.length, y.length); i++) { const d = (x[i] ?? -1) - (y[i] ?? -1); if (d) return d; } return 0; };
  function criteriaFor(map, stdNo) {
    const m = new Map();
    for (const [esg, ids] of Object.entries(map)) for (const id of ids) if (id.split('.')[0] === String(stdNo)) { if (!m.has(id)) m.set(id, new Set()); m.get(id).add(esg); }
    return [...m.keys()].sort(vcmp).map((code) => ({ code, esg: [...m.get(code)].sort(vcmp) }));
  }
  function kazseeSet(title, items, map, which) {
    return {
      owner: 'kazsee',
      title,
      version: '2021-06-18',
      approvedBy: 'KAZSEE Accreditation Council, 18 June 2021 (revision of the 2018 standards)',
      standards: items.map(([kk, ru, en, needle], i) => {
        const l = findSpan('s004', `Standard ${i + 1}. ${en}`, annex[0]);
        return { code: String(i + 1), title: t(kk, ru, en), criteria: [], criterionRefs: criteriaFor(map, i + 1), source: src('s004', l, l + 3, `Standard ${i + 1}. ${en}`) };
      }),
      source: src('s004', annex[0], annex[1], 'Criteria'),
      citations: [src('s004', findLine('s004', 'Annex III. Types of accreditation'), annex[0] - 1, which)],
      translated: ['kk', 'ru'],
      note: 'Standard titles and the criterion numbers are taken from Annex IV (the ESG Part 1 map). The criterion wording is not in the seeds, so "criteria" is empty; the cited criterion numbers are in "criterionRefs", each with the ESG Part 1 items ("esg") it is mapped to. Criterion numbers never cited in Annex IV are absent.',
    };
  }
  out['kazsee-institutional'] = kazseeSet(t('KAZSEE жоғары оқу орындарын институционалдық аккредиттеу стандарттары', 'Стандарты институциональной аккредитации высших учебных заведений KAZSEE', 'KAZSEE Standards for Institutional Accreditation of Higher Education Institutions'), [
    ['ЖОО миссиясы мен стратегиясы', 'Миссия и стратегия вуза', 'Mission and strategy of the HEI', 'Mission'],
    ['Басшылық және менеджмент', 'Руководство и менеджмент', 'Leadership and management', 'Leadership'],
    ['Білім беру бағдарламалары', 'Образовательные программы', 'Educational programs', 'Educational'],
    ['Профессор-оқытушылар құрамы және оқыту тиімділігі', 'Профессорско-преподавательский состав и эффективность преподавания', 'Teaching staff and teaching effectiveness', 'Teaching Staff and Teaching'],
    ['Білім алушылар және студентке бағдарланған оқыту', 'Обучающиеся и студентоцентрированное обучение', 'Students and student-centered learning', 'Students'],
    ['Ғылыми-зерттеу жұмысы', 'Научно-исследовательская работа', 'Research work', 'Research'],
    ['Қаржы', 'Финансы', 'Finance', 'Finance:'],
    ['Ресурстар: материалдық-техникалық және ақпараттық', 'Ресурсы: материально-технические и информационные', 'Resources: material and technical and information', 'Resources:'],
  ], INST, 'Standards for Institutional');
  out['kazsee-programme'] = kazseeSet(t('KAZSEE мамандандырылған (бағдарламалық) аккредиттеу стандарттары', 'Стандарты специализированной (программной) аккредитации KAZSEE', 'KAZSEE Standards for Specialized (Programme) Accreditation'), [
    ['Білім беру бағдарламасының мақсаттары', 'Цели образовательной программы', 'Objectives of the educational program', 'Objectives of'],
    ['Бағдарлама мазмұны', 'Содержание программы', 'Content of the program', 'Content of'],
    ['Білім алушылар және оқу процесі', 'Обучающиеся и учебный процесс', 'Students and learning process', 'Students and'],
    ['Профессор-оқытушылар құрамы', 'Профессорско-преподавательский состав', 'Teaching staff', 'Teaching'],
    ['Кәсіби қызметке дайындау', 'Подготовка к профессиональной деятельности', 'Preparation for professional activity', 'Preparation'],
    ['Материалдық-техникалық ресурстар', 'Материально-технические ресурсы', 'Material and technical resources', 'Material and'],
    ['Ақпараттық қамтамасыз ету', 'Информационное обеспечение', 'Information support', 'Information'],
    ['Қаржы және басқару', 'Финансы и управление', 'Finance and management', 'Finance and'],
    ['Түлектер', 'Выпускники', 'Graduates', 'Graduates:'],
  ], PROG, 'Standards for Specialized');

  // ESG 2015 Part 1 headings, the key of the Annex IV map.
  const ESG1 = [
    ['1.1','Сапаны қамтамасыз ету саясаты','Политика обеспечения качества','Policy for quality assurance'],
    ['1.2','Бағдарламаларды әзірлеу және бекіту','Разработка и утверждение программ','Design and approval of programmes'],
    ['1.3','Студентке бағдарланған оқу, оқыту және бағалау','Студентоцентрированное обучение, преподавание и оценивание','Student-centred learning, teaching and assessment'],
    ['1.4','Студенттерді қабылдау, үлгерім, тану және сертификаттау','Приём студентов, успеваемость, признание и сертификация','Student admission, progression, recognition and certification'],
    ['1.5','Оқытушылар құрамы','Преподавательский состав','Teaching staff'],
    ['1.6','Оқу ресурстары және студенттерді қолдау','Учебные ресурсы и поддержка студентов','Learning resources and student support'],
    ['1.7','Ақпаратты басқару','Управление информацией','Information management'],
    ['1.8','Жұртшылықты ақпараттандыру','Информирование общественности','Public information'],
    ['1.9','Бағдарламаларды тұрақты мониторингтеу және мерзімді қайта қарау','Постоянный мониторинг и периодический пересмотр программ','On-going monitoring and periodic review of programmes'],
    ['1.10','Сапаны циклдік сыртқы қамтамасыз ету','Цикличное внешнее обеспечение качества','Cyclical external quality assurance'],
  ];
  out['esg-2015-part1'] = {
    owner: 'ENQA',
    title: t('ЕЖБК-да сапаны қамтамасыз ету стандарттары мен нұсқаулары (ESG 2015), 1-бөлім: сапаны ішкі қамтамасыз ету', 'Стандарты и рекомендации для обеспечения качества в ЕПВО (ESG 2015), часть 1: внутреннее обеспечение качества', 'Standards and Guidelines for Quality Assurance in the EHEA (ESG 2015), Part 1: internal quality assurance'),
    version: '2015',
    standards: ESG1.map(([code, kk, ru, en]) => {
      const needle = (code === '1.4' ? '1.4. ' : code + ' ') + en.split(' ')[0].split('-')[0];
      const l = findSpan('s004', needle, annex[0], 5);
      return { code, title: t(kk, ru, en), criteria: [], source: src('s004', l, l + 4, needle) };
    }),
    source: src('s004', annex[0], annex[1], '1.1 Policy'),
    translated: ['kk', 'ru'],
    note: 'Included because KAZSEE criteria are mapped to these items (see "esg" on each KAZSEE criterion). Owner key "ENQA" refers to international-networks.json (ESG are adopted by the EHEA ministers; ENQA is a co-author).',
  };
  return out;
}
