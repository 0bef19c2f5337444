import { src, t, findLine } from './lib.mjs';
const K = {
 1: ['Қоршаған әлем туралы қарапайым базалық білім. Құбылыстар арасындағы қарапайым байланыстарды түсіну.', 'Элементарные базовые знания об окружающем мире. Понимание простых связей между явлениями.', 'Elementary basic knowledge about the surrounding world. Understanding simple connections between phenomena.'],
 2: ['Негізгі іргелі білім, кәсіби бағдар.', 'Базовые основополагающие знания, профессиональная ориентация.', 'Basic foundational knowledge, professional orientation.'],
 3: ['Кәсіби саладағы базалық жалпы білім беретін және практикаға бағытталған білім.', 'Базовые общеобразовательные и практико-ориентированные знания в профессиональной области.', 'Basic general education and practice-oriented knowledge in a professional field.'],
 4: ['Кәсіби (теориялық және практикалық) білім мен тәжірибе.', 'Профессиональные (теоретические и практические) знания и опыт.', 'Professional (theoretical and practical) knowledge and experience.'],
 5: ['Кәсіби саладағы кең ауқымды теориялық және практикалық білім.', 'Широкий спектр теоретических и практических знаний в профессиональной области.', 'A broad range of theoretical and practical knowledge in a professional field.'],
 6: ['Кәсіби саладағы кең ауқымды теориялық және практикалық білім.', 'Широкий спектр теоретических и практических знаний в профессиональной области.', 'A broad range of theoretical and practical knowledge in a professional field.'],
 7: ['Ғылым мен кәсіби қызмет саласындағы тұжырымдамалық білім. Кәсіби салада жаңа қолданбалы білім жасау.', 'Концептуальные знания в области науки и профессиональной деятельности. Создание нового прикладного знания в профессиональной области.', 'Conceptual knowledge in science and professional activity. Creation of new applied knowledge in a professional field.'],
 8: ['Инновациялық кәсіби қызмет саласындағы әдіснамалық білім.', 'Методологические знания в области инновационной профессиональной деятельности.', 'Methodological knowledge in the field of innovative professional activity.'],
};
const S = {
 1: ['Белгілі үлгі бойынша қарапайым тапсырмаларды орындау.', 'Выполнение элементарных заданий по известному образцу.', 'Performing elementary tasks according to a known pattern.'],
 2: ['Берілген іс-әрекет алгоритмі бойынша тапсырмаларды орындау және оны жұмыс жағдайларына сәйкес түзету.', 'Выполнение заданий по заданному алгоритму действий и его корректировка в соответствии с условиями работы.', 'Performing tasks according to a given algorithm of actions and adjusting it in accordance with working conditions.'],
 3: ['Стандартты жағдайларда үлгілік кәсіби міндеттерді шешу.', 'Решение типовых профессиональных задач в стандартных условиях.', 'Solving typical professional tasks in standard conditions.'],
 4: ['Болжамды жағдайларда оқу және жұмыс жағдаяттарын өз бетінше талдауды, ықтимал өзгерістер мен салдарды бағалауды талап ететін кең ауқымды үлгілік кәсіби міндеттерді шешу.', 'Решение широкого круга типовых профессиональных задач в предсказуемых условиях, требующих самостоятельного анализа учебных и рабочих ситуаций, оценки возможных изменений и последствий.', 'Solving typical professional tasks of a wide range in predictable conditions, requiring independent analysis of educational and work situations, and assessment of possible changes and consequences.'],
 5: ['Теориялық және практикалық білімді қолдана отырып, кәсіби міндеттерді шешудің әртүрлі нұсқаларын өз бетінше әзірлеу және ұсыну.', 'Самостоятельная разработка и выдвижение различных вариантов решения профессиональных задач с применением теоретических и практических знаний.', 'Independent development and advancement of various options for solving professional tasks using theoretical and practical knowledge.'],
 6: ['Теориялық және практикалық білімді қолдана отырып, кәсіби міндеттерді, соның ішінде болжанбайтын міндеттерді шешудің әртүрлі нұсқаларын өз бетінше әзірлеу және ұсыну.', 'Самостоятельная разработка и выдвижение различных вариантов решения профессиональных задач, в том числе непредсказуемых, с применением теоретических и практических знаний.', 'Independent development and advancement of various options for solving professional tasks, including unpredictable ones, using theoretical and practical knowledge.'],
 7: ['Кәсіби және зерттеу қызметінде жаңа идеяларды ұсыну және оларды іске асырудың тиісті әдістері мен құралдарын таңдау қабілеті; жаңа білім алу үшін инновациялық зерттеулер жүргізу.', 'Способность генерировать новые идеи в профессиональной и исследовательской деятельности и выбирать соответствующие методы и средства их реализации; проведение инновационных исследований для получения нового знания.', 'Ability to generate new ideas in professional and research activities and select appropriate methods and tools for their implementation; conducting innovative research to obtain new knowledge.'],
 8: ['Идеяларды ұсыну, ауқымды инновациялық қызмет нәтижелеріне қол жеткізу, әлеуметтік-экономикалық, өндірістік және ғылыми процестерді кешенді кәсіби деңгейде басқару.', 'Генерирование идей, получение масштабных результатов инновационной деятельности, управление социально-экономическими, производственными и научными процессами на комплексном профессиональном уровне.', 'Generating ideas, producing results of innovative activities of large scale, managing socio-economic, production, and scientific processes at a complex and professional level.'],
};
// Supplied (not in the seeds): personal and professional competences (autonomy and responsibility).
const C = {
 1: ['Тікелей басшылықпен жұмыс істеу; нұсқаулық бойынша қарапайым тапсырмаларды орындағаны үшін жауапкершілік.', 'Работа под непосредственным руководством; ответственность за выполнение элементарных заданий по инструкции.', 'Works under direct supervision; responsible for carrying out elementary tasks according to instructions.'],
 2: ['Тапсырмаларды орындауда дербестік элементтері бар басшылықпен жұмыс істеу; өз жұмысының нәтижесі үшін жауапкершілік.', 'Работа под руководством с элементами самостоятельности при выполнении заданий; ответственность за результат своей работы.', 'Works under supervision with some independence in carrying out tasks; responsible for the results of own work.'],
 3: ['Жалпы басшылықпен стандартты тапсырмаларды өз бетінше орындау; өз жұмысын жоспарлау; тапсырмалардың нәтижесі үшін жауапкершілік.', 'Самостоятельное выполнение стандартных заданий под общим руководством; планирование собственной работы; ответственность за результат выполнения заданий.', 'Carries out standard tasks independently under general supervision; plans own work; responsible for the results of assigned tasks.'],
 4: ['Шектеулі басшылықпен жұмыс процесі шеңберінде дербес қызмет; өз жұмысын және шағын топтың жұмысын ұйымдастыру; жұмыстың сапасы мен нәтижесі үшін жауапкершілік.', 'Самостоятельная деятельность в рамках рабочего процесса при ограниченном руководстве; организация собственной работы и работы небольшой группы; ответственность за качество и результат работы.', 'Works independently within a work process with limited guidance; organises own work and the work of a small team; responsible for the quality and results of the work.'],
 5: ['Жұмыс немесе оқу саласындағы қызметті дербес басқару; басқалардың жұмысын қадағалау; құрылымдық бөлімшенің нәтижелері және қызметкерлерді дамыту үшін жауапкершілік.', 'Самостоятельное управление деятельностью в рабочей или учебной области; контроль работы других; ответственность за результаты структурного подразделения и развитие сотрудников.', 'Manages activities in a work or study area independently; supervises the work of others; responsible for the results of a unit and for developing staff.'],
 6: ['Жұмыс немесе оқу контекстіндегі процестерді басқару және бақылау; болжанбайтын жағдайларда дербес шешім қабылдау; ұйымның құрылымдық бөлімшелерінің нәтижелері және жеке адамдар мен топтардың кәсіби дамуы үшін жауапкершілік.', 'Управление и контроль процессов в рабочем или учебном контексте; самостоятельное принятие решений в непредсказуемых ситуациях; ответственность за результаты структурных подразделений организации и профессиональное развитие отдельных лиц и групп.', 'Manages and controls processes in work or study contexts; takes decisions independently in unpredictable situations; responsible for the results of organisational units and for the professional development of individuals and groups.'],
 7: ['Ұйымдар мен олардың бөлімшелерінің кәсіби қызметін стратегиялық басқару; күрделі қызметтің нәтижелері, кәсіби білімді дамыту мен беру және стратегиялық шешімдер үшін жауапкершілік.', 'Стратегическое управление профессиональной деятельностью организаций и их подразделений; ответственность за результаты сложной деятельности, развитие и передачу профессиональных знаний и стратегические решения.', 'Provides strategic management of the professional activity of organisations and their units; responsible for the results of complex activity, for developing and transferring professional knowledge and for strategic decisions.'],
 8: ['Салалық, ұлттық немесе халықаралық деңгейде ғылымдағы, экономика мен қоғамдағы ұйымдар мен ауқымды процестерге жетекшілік ету; стратегиялық шешімдер мен жаңа білім жасау үшін толық жауапкершілік.', 'Руководство организациями и масштабными процессами в науке, экономике и обществе на отраслевом, национальном или международном уровне; полная ответственность за стратегические решения и создание нового знания.', 'Leads organisations and large-scale processes in science, the economy and society at sectoral, national or international level; fully responsible for strategic decisions and for creating new knowledge.'],
};
// Ways of achievement: education path from Figure 1.1.1 (seed) + practical/non-formal experience (seed 000 L81).
const A = {
 1: ['Жұмыс орнында қысқа мерзімді оқыту және практикалық тәжірибе.', 'Краткосрочное обучение на рабочем месте и практический опыт.', 'Short-term workplace training and practical experience.'],
 2: ['Білім беру ұйымдарындағы қысқа мерзімді курстар немесе кәсіпорында оқыту; практикалық тәжірибе.', 'Краткосрочные курсы в организациях образования или обучение на предприятии; практический опыт.', 'Short-term courses in educational organizations or enterprise-based training; practical experience.'],
 3: ['Жалпы орта білім және кәсіптік даярлау, соның ішінде кәсіпорында оқыту; практикалық тәжірибе.', 'Общее среднее образование и профессиональная подготовка, в том числе на предприятии; практический опыт.', 'General secondary education and vocational training, including enterprise-based training; practical experience.'],
 4: ['Техникалық және кәсіптік білім беру бағдарламалары; практикалық жұмыс тәжірибесі; бейресми оқыту нәтижелерін тану.', 'Программы технического и профессионального образования; практический опыт работы; признание результатов неформального обучения.', 'Technical and vocational education (TVET) programmes; practical work experience; recognition of non-formal learning.'],
 5: ['Орта білімнен кейінгі білім беру бағдарламалары (қолданбалы бакалавриат); практикалық жұмыс тәжірибесі.', 'Программы послесреднего образования (прикладной бакалавриат); практический опыт работы.', 'Post-secondary education programmes (applied bachelor\'s degree); practical work experience.'],
 6: ['Жоғары білім беру бағдарламалары (бакалавриат); практикалық жұмыс тәжірибесі.', 'Программы высшего образования (бакалавриат); практический опыт работы.', 'Higher education programmes (bachelor\'s degree); practical work experience.'],
 7: ['Жоғары оқу орнынан кейінгі білім беру бағдарламалары (магистратура, резидентура); кәсіби тәжірибе.', 'Программы послевузовского образования (магистратура, резидентура); профессиональный опыт.', 'Postgraduate programmes (master\'s degree, residency); professional experience.'],
 8: ['Докторантура (PhD, бейіні бойынша доктор); кәсіби және зерттеу тәжірибесі.', 'Докторантура (PhD, доктор по профилю); профессиональный и исследовательский опыт.', 'Doctoral studies (PhD, doctor by profile); professional and research experience.'],
};
const E = {
 8: ['Докторантура (PhD), PhD докторы дәрежесі', 'Докторантура (PhD), степень доктора PhD', 'Doctoral studies (PhD), doctoral degree PhD'],
 7: ['Магистратура, резидентура', 'Магистратура, резидентура', "Master's degree, residency"],
 6: ['Жоғары білім', 'Высшее образование', 'Higher education'],
 5: ['Орта білімнен кейінгі білім, қолданбалы бакалавриат', 'Послесреднее образование, прикладной бакалавриат', "Post-secondary education, applied bachelor's degree"],
 4: ['Техникалық және кәсіптік білім (ТжКБ)', 'Техническое и профессиональное образование (ТиПО)', 'TVET (Technical and Vocational Education and Training)'],
 3: ['Жалпы орта білім және кәсіптік даярлау (кәсіпорында оқыту)', 'Общее среднее образование и профессиональная подготовка (обучение на предприятии)', 'General secondary education and vocational training (enterprise-based training)'],
 2: ['Білім беру ұйымдарындағы қысқа мерзімді курстар немесе кәсіпорында оқыту', 'Краткосрочные курсы в организациях образования или обучение на предприятии', 'Short-term courses in educational organizations or enterprise-based training'],
 1: ['Жұмыс орнында қысқа мерзімді оқыту', 'Краткосрочное обучение на рабочем месте', 'Short-term workplace training'],
};
const Q = {
 8: ['Зерттеуші', 'Исследователь', 'Researcher'],
 7: ['Менеджер (басшы)', 'Менеджер (руководитель)', 'Manager'],
 6: ['Маман / инженер', 'Специалист / инженер', 'Specialist / Engineer'],
 5: ['Кіші маман / инженер', 'Младший специалист / инженер', 'Junior Specialist / Engineer'],
 4: ['Техник', 'Техник', 'Technician'],
 3: ['Білікті жұмысшы', 'Квалифицированный рабочий', 'Skilled Worker'],
 2: ['Білікті жұмысшы', 'Квалифицированный рабочий', 'Skilled Worker'],
 1: ['Жұмысшы', 'Рабочий', 'Worker'],
};
const EHEA = { 5: 'short', 6: 'first', 7: 'second', 8: 'third' };
const ISCED = { 1: ['1'], 2: ['2'], 3: ['3'], 4: ['3', '4'], 5: ['4', '5'], 6: ['6'], 7: ['7'], 8: ['8'] };
export function nqf() {
  const fig = findLine('s003', 'Figure 1.1.1.');
  const tab = findLine('s003', 'Description of the Nature of Knowledge by Levels');
  return [1, 2, 3, 4, 5, 6, 7, 8].map((n) => {
    const figLine = findLine('s003', `${n} Level\t`, fig);
    const tabLine = findLine('s003', `${n}\t`, tab);
    const rec = {
      level: n,
      eqfLevel: n,
      qfEhea: EHEA[n] ?? null,
      isced: ISCED[n],
      descriptors: {
        knowledge: t(...K[n]),
        skills: t(...S[n]),
        competences: t(...C[n]),
        achievement: t(...A[n]),
      },
      education: t(...E[n]),
      typicalQualification: t(...Q[n]),
      source: src('s003', fig, tabLine, K[n][2].split('.')[0]),
      citations: [
        src('s003', figLine, figLine, E[n][2].split(' (')[0]),
        src('s003', tabLine, tabLine, S[n][2].split(' ').slice(0, 4).join(' ')),
        src('s003', 771, 771, 'eight-level model of the European Qualifications Framework'),
        src('s000', 95, 95, 'ways of achievement'),
      ],
      translated: ['kk', 'ru'],
      supplied: ['descriptors.competences', 'descriptors.achievement', 'isced'],
    };
    if (n >= 5) rec.citations.push(src('s003', findLine('s003', 'TVET institutions (ISCED-5)'), findLine('s003', 'TVET institutions (ISCED-5)'), 'ISCED 6–8'));
    if (n === 5) rec.citations.push(src('s000', 99, 99, 'Applied Bachelor'), src('s000', 119, 119, 'do not always conform to the short-cycle'));
    if (n >= 4 && n <= 5) rec.citations.push(src('s003', 2209, 2209, 'Levels 4–5'));
    const notes = [];
    if (n === 3) { notes.push(`Figure 1.1.1 leaves the typical qualification blank for level 3 (seed 003 L${figLine}). We read the "Skilled Worker" label printed on the level-2 row as a merged cell spanning levels 1-3 and apply it to level 3; supplied, check against the figure.`); rec.supplied.push('typicalQualification'); }
    if (n === 1) { notes.push(`Figure 1.1.1 leaves the typical qualification blank for level 1 (seed 003 L${figLine}). "Worker" is supplied by us (short-term workplace training, below "Skilled Worker"); check against the official NQF.`); rec.supplied.push('typicalQualification'); }
    if (n === 5) notes.push('qfEhea "short": the applied bachelor sits at level 5, but seed 000 L119 notes that applied bachelor programmes do not always conform to the Bologna short cycle.');
    if (n === 6) notes.push('Seed 000 L99: the applied bachelor (level 5) currently has descriptors identical to level 6.');
    notes.push('competences and achievement are not given per level in the seeds (seed 000 L95 names these descriptor columns only); they are written by us in the style of the 2016 NQF and must be checked against the official text. isced: levels 5-8 follow seed 003 L3210 (TVET = ISCED 5, HE = ISCED 6-8); levels 1-4 are an editorial alignment.');
    rec.notes = notes;
    return rec;
  });
}
