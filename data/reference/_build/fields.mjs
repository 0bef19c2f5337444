import { src, t, findLine } from './lib.mjs';
const ISC = {
 '011':['Білім беру','Образование','Education'],
 '021':['Өнер','Искусство','Arts'], '022':['Гуманитарлық ғылымдар (тілдерден басқа)','Гуманитарные науки (кроме языков)','Humanities (except languages)'], '023':['Тілдер','Языки','Languages'],
 '031':['Әлеуметтік және мінез-құлық ғылымдары','Социальные и поведенческие науки','Social and behavioural sciences'], '032':['Журналистика және ақпарат','Журналистика и информация','Journalism and information'],
 '041':['Бизнес және әкімшілік басқару','Бизнес и администрирование','Business and administration'], '042':['Құқық','Право','Law'],
 '051':['Биологиялық және сабақтас ғылымдар','Биологические и смежные науки','Biological and related sciences'], '052':['Қоршаған орта','Окружающая среда','Environment'], '053':['Физикалық ғылымдар','Физические науки','Physical sciences'], '054':['Математика және статистика','Математика и статистика','Mathematics and statistics'],
 '061':['Ақпараттық-коммуникациялық технологиялар','Информационно-коммуникационные технологии','Information and Communication Technologies (ICTs)'],
 '071':['Инженерия және инженерлік кәсіптер','Инженерное дело и инженерные профессии','Engineering and engineering trades'], '072':['Өндіру және өңдеу','Производство и переработка','Manufacturing and processing'], '073':['Сәулет және құрылыс','Архитектура и строительство','Architecture and construction'],
 '081':['Ауыл шаруашылығы','Сельское хозяйство','Agriculture'], '082':['Орман шаруашылығы','Лесное хозяйство','Forestry'], '083':['Балық шаруашылығы','Рыбное хозяйство','Fisheries'], '084':['Ветеринария','Ветеринария','Veterinary'],
 '091':['Денсаулық сақтау','Здравоохранение','Health'], '092':['Әлеуметтік қамсыздандыру','Социальное обеспечение','Welfare'],
 '101':['Жеке қызметтер','Персональные услуги','Personal services'], '102':['Гигиена және еңбекті қорғау қызметтері','Услуги в области гигиены и охраны труда','Hygiene and occupational health services'], '103':['Қауіпсіздік қызметтері','Услуги в сфере безопасности','Security services'], '104':['Көлік қызметтері','Транспортные услуги','Transport services'],
};
// code, kk, ru, en(seed), aliases, isced narrow codes, directions
const F = [
 ['01','Педагогикалық ғылымдар','Педагогические науки','Pedagogical Sciences',['Education','Education Sciences'],['011'],[
   ['011','Педагогика және психология','Педагогика и психология','Pedagogy and psychology'],
   ['012','Мектепке дейінгі тәрбие және оқыту педагогикасы','Педагогика дошкольного воспитания и обучения','Pedagogy of preschool education and training'],
   ['013','Пәндік мамандандырусыз педагогтерді даярлау','Подготовка педагогов без предметной специализации','Teacher training without subject specialization'],
   ['014','Жалпы дамытушы пәндік мамандандырумен педагогтерді даярлау','Подготовка педагогов с предметной специализацией общего развития','Teacher training with general-development subject specialization'],
   ['015','Жаратылыстану пәндері бойынша педагогтерді даярлау','Подготовка педагогов по естественнонаучным предметам','Teacher training in natural science subjects'],
   ['016','Гуманитарлық пәндер бойынша педагогтерді даярлау','Подготовка педагогов по гуманитарным предметам','Teacher training in humanities subjects'],
   ['017','Тілдер және әдебиет бойынша педагогтерді даярлау','Подготовка педагогов по языкам и литературе','Teacher training in languages and literature'],
   ['018','Әлеуметтік педагогика және өзін-өзі тану бойынша мамандар даярлау','Подготовка специалистов по социальной педагогике и самопознанию','Training of specialists in social pedagogy and self-knowledge'],
   ['019','Арнайы педагогика','Специальная педагогика','Special pedagogy', [2036, 2048, '6B01901']],
 ]],
 ['02','Өнер және гуманитарлық ғылымдар','Искусство и гуманитарные науки','Arts and Humanities',['Humanities and Arts'],['021','022','023'],[
   ['021','Өнер','Искусство','Arts'], ['022','Гуманитарлық ғылымдар','Гуманитарные науки','Humanities'], ['023','Тілдер және әдебиет','Языки и литература','Languages and literature'],
 ]],
 ['03','Әлеуметтік ғылымдар, журналистика және ақпарат','Социальные науки, журналистика и информация','Social Sciences, Journalism and Information',['Social Sciences'],['031','032'],[
   ['031','Әлеуметтік ғылымдар','Социальные науки','Social sciences'], ['032','Журналистика және ақпарат','Журналистика и информация','Journalism and information'],
 ]],
 ['04','Бизнес, басқару және құқық','Бизнес, управление и право','Business, Management and Law',[],['041','042'],[
   ['041','Бизнес және басқару','Бизнес и управление','Business and management'],
   ['042','Құқық','Право','Law', [2397, 2413, '6B04203']],
 ]],
 ['05','Жаратылыстану ғылымдары, математика және статистика','Естественные науки, математика и статистика','Natural Sciences, Mathematics and Statistics',['Natural Sciences'],['051','052','053','054'],[
   ['051','Биологиялық және сабақтас ғылымдар','Биологические и смежные науки','Biological and related sciences'], ['052','Қоршаған орта','Окружающая среда','Environment'],
   ['053','Физикалық және химиялық ғылымдар','Физические и химические науки','Physical and chemical sciences', [1776, 1778, '6B05301 Chemistry']],
   ['054','Математика және статистика','Математика и статистика','Mathematics and statistics'],
 ]],
 ['06','Ақпараттық-коммуникациялық технологиялар','Информационно-коммуникационные технологии','Information and Communication Technologies',['ICT'],['061'],[
   ['061','Ақпараттық-коммуникациялық технологиялар','Информационно-коммуникационные технологии','Information and communication technologies', [2126, 2126, 'ICT, Telecommunications, and Information Security']],
   ['062','Телекоммуникациялар','Телекоммуникации','Telecommunications', [2126, 2126, 'Telecommunications']],
   ['063','Ақпараттық қауіпсіздік','Информационная безопасность','Information security', [2126, 2126, 'Information Security']],
 ]],
 ['07','Инженерлік, өңдеу және құрылыс салалары','Инженерные, обрабатывающие и строительные отрасли','Engineering, Manufacturing and Construction',[],['071','072','073'],[
   ['071','Инженерия және инженерлік іс','Инженерия и инженерное дело','Engineering and engineering sciences', [2103, 2123, 'Engineering and Engineering Sciences']],
   ['072','Өндірістік және өңдеу салалары','Производственные и обрабатывающие отрасли','Manufacturing and processing industries', [2103, 2123, 'Manufacturing and Processing Industries']],
   ['073','Сәулет және құрылыс','Архитектура и строительство','Architecture and construction', [2103, 2123, 'Architecture and Construction']],
   ['074','Су шаруашылығы','Водное хозяйство','Water management', [2103, 2123, 'Water Management']],
   ['075','Стандарттау, сертификаттау және метрология (салалар бойынша)','Стандартизация, сертификация и метрология (по отраслям)','Standardization, certification and metrology (by industry)', [2103, 2123, 'Standardization and Metrology']],
 ]],
 ['08','Ауыл шаруашылығы және биоресурстар','Сельское хозяйство и биоресурсы','Agriculture and Bioresources',['Agriculture','Agricultural Sciences'],['081','082','083'],[
   ['081','Агрономия','Агрономия','Agronomy'], ['082','Мал шаруашылығы','Животноводство','Livestock farming'], ['083','Орман шаруашылығы','Лесное хозяйство','Forestry'], ['084','Балық шаруашылығы','Рыбное хозяйство','Fisheries'],
   ['085','Жерге орналастыру','Землеустройство','Land management', [2128, 2130, 'Land Management']], ['086','Су ресурстары және суды пайдалану','Водные ресурсы и водопользование','Water resources and water use', [2128, 2132, 'Water Resources']], ['087','Агроинженерия','Агроинженерия','Agroengineering', [2128, 2134, 'Agroengineering']],
 ]],
 ['09','Ветеринария','Ветеринария','Veterinary Science',['Veterinary','Veterinary Sciences'],['084'],[
   ['091','Ветеринария','Ветеринария','Veterinary science'],
 ]],
 ['10','Денсаулық сақтау және әлеуметтік қамтамасыз ету (медицина)','Здравоохранение и социальное обеспечение (медицина)','Health Care and Social Welfare (Medicine)',['Healthcare','Health and Welfare (Medicine)','Health and Social Welfare'],['091','092'],[
   ['101','Денсаулық сақтау','Здравоохранение','Health care'], ['102','Әлеуметтік қамсыздандыру','Социальное обеспечение','Social welfare'],
 ]],
 ['11','Қызмет көрсету','Услуги','Services',['Service sphere'],['101','102','104'],[
   ['111','Қызмет көрсету саласы','Сфера обслуживания','Service sector'], ['112','Өндірістегі гигиена және еңбекті қорғау','Гигиена и охрана труда на производстве','Occupational hygiene and safety'], ['113','Көлік қызметтері','Транспортные услуги','Transport services'],
 ]],
 ['12','Ұлттық қауіпсіздік және әскери іс','Национальная безопасность и военное дело','National Security and Military Affairs',['National Security','Public Security'],['103'],[
   ['121','Ұлттық қауіпсіздік','Национальная безопасность','National security'], ['122','Әскери іс','Военное дело','Military affairs'],
   ['123','Құқық қорғау қызметі','Правоохранительная деятельность','Law enforcement', [1631, 1631, '7M12301 Law Enforcement']],
 ]],
];
const ISCED_OF = { '011':'011','012':'011','013':'011','014':'011','015':'011','016':'011','017':'011','018':'011','019':'011',
  '021':'021','022':'022','023':'023','031':'031','032':'032','041':'041','042':'042','051':'051','052':'052','053':'053','054':'054',
  '061':'061','062':'061','063':'061','071':'071','072':'072','073':'073','074':'073','075':'071',
  '081':'081','082':'081','083':'082','084':'083','085':null,'086':null,'087':'071','091':'084','101':'091','102':'092',
  '111':'101','112':'102','113':'104','121':'103','122':'103','123':'103' };
export function fields() {
  const tab = findLine('s003', 'Table 2.1.1. Classification of Fields of Education');
  const codeList = findLine('s003', '- 01 | Education 197 stud.');
  return F.map(([code, kk, ru, en, aliases, isced, dirs], i) => {
    const row = tab + 2 + Math.floor(i / 3);
    const seedName = en === 'Health Care and Social Welfare (Medicine)' ? 'Healthcare' : en === 'Information and Communication Technologies' ? 'Information and Communi' : en;
    const rec = {
      code,
      name: t(kk, ru, en),
      aliases,
      iscedNarrowFields: isced.map((c) => ({ code: c, name: t(...ISC[c]), scheme: 'ISCED-F 2013' })),
      narrowFields: dirs.map(([dc, dkk, dru, den, s]) => {
        const d = { code: dc, name: t(dkk, dru, den), iscedF: ISCED_OF[dc] ?? null };
        if (s) { d.basis = 'seed'; d.source = src('s003', s[0], s[1], s[2]); if (['061','062','063','085','086','087'].includes(dc) || code === '07') d.source.note = 'Direction named in the seed; its 3-digit code is from the classifier.'; }
        else if (code === '12') { d.basis = 'brief'; d.source = { document: 'classifier', lines: null, note: 'Code and name follow the suggestion in the data brief; not found in the seeds and not verified against the classifier.' }; }
        else { d.basis = 'classifier'; d.source = { document: 'classifier', lines: null, note: 'From the Classifier of Fields of Training (MES Order No. 569 of 13 Oct 2018, as amended), recalled, not in the seeds; verify before production.' }; }
        d.source.translated = ['kk', 'ru'];
        return d;
      }),
      source: src('s003', row, row, seedName),
      citations: [src('s003', 1538, 1538, 'Classifier of Fields of Training')],
      translated: ['kk', 'ru'],
    };
    if (code !== '12') {
      const cands = [`${code} |`, `${code}** |`].map((n) => { try { return findLine('s003', n, codeList - 1); } catch { return 1e9; } });
      const l = Math.min(...cands);
      if (l > codeList + 15) throw new Error('field code line too far ' + code);
      rec.citations.push(src('s003', l, l, code));
    } else {
      rec.citations.push(src('s003', 1631, 1631, '7M12301'));
      rec.note = 'Code 12 is not printed with the field in the seeds; it is inferred from the programme code 7M12301 "Law Enforcement" (L1631). Narrow field: ISCED-F 103 "Security services" (detailed 1031 Military and defence, 1032 Protection of persons and property). Narrow fields (directions) 121/122 follow the naming suggested in the brief ("121 National security", "122 Military affairs") and are not verified; 123 "Law enforcement" is supported by 7M12301.';
    }
    if (code === '10') rec.citations.push(src('s004', 2818, 2818, 'health care and social welfare (medicine)'));
    if (code === '09') rec.note = 'ISCED-F puts Veterinary (084) inside broad field 08; the Kazakh classifier makes it a separate field 09, so KZ fields 09-12 are shifted against ISCED-F broad fields 08-10.';
    if (['08','10','11'].includes(code)) rec.noteNarrowFields = 'Direction (narrow field) codes for this field are recalled from the classifier with low confidence.';
    return rec;
  });
}

// Groups of educational programmes. None of these codes appears in the seeds.
const NOTE = 'from the official classifier, not in the seeds';
const G = [
 // code, level, field, narrow(direction), kk, ru, en, confidence
 ['B001','B','01','011','Педагогика және психология','Педагогика и психология','Pedagogy and psychology','high'],
 ['B002','B','01','012','Мектепке дейінгі оқыту және тәрбиелеу','Дошкольное обучение и воспитание','Preschool education and upbringing','high'],
 ['B003','B','01','013','Бастауыш оқытудың педагогикасы мен әдістемесі','Педагогика и методика начального обучения','Pedagogy and methods of primary education','high'],
 ['B008','B','01','014','Құқық және экономика негіздері мұғалімдерін даярлау','Подготовка учителей основы права и экономики','Training of teachers of the foundations of law and economics','medium'],
 ['B009','B','01','015','Математика мұғалімдерін даярлау','Подготовка учителей математики','Training of mathematics teachers','high'],
 ['B010','B','01','015','Физика мұғалімдерін даярлау','Подготовка учителей физики','Training of physics teachers','high'],
 ['B011','B','01','015','Информатика мұғалімдерін даярлау','Подготовка учителей информатики','Training of computer science teachers','high'],
 ['B012','B','01','015','Химия мұғалімдерін даярлау','Подготовка учителей химии','Training of chemistry teachers','high'],
 ['B013','B','01','015','Биология мұғалімдерін даярлау','Подготовка учителей биологии','Training of biology teachers','high'],
 ['B014','B','01','015','География мұғалімдерін даярлау','Подготовка учителей географии','Training of geography teachers','high'],
 ['B015','B','01','016','Гуманитарлық пәндер мұғалімдерін даярлау','Подготовка учителей по гуманитарным предметам','Training of teachers of humanities subjects','high'],
 ['B016','B','01','017','Қазақ тілі мен әдебиеті мұғалімдерін даярлау','Подготовка учителей казахского языка и литературы','Training of teachers of Kazakh language and literature','high'],
 ['B017','B','01','017','Орыс тілі мен әдебиеті мұғалімдерін даярлау','Подготовка учителей русского языка и литературы','Training of teachers of Russian language and literature','high'],
 ['B018','B','01','017','Шет тілі мұғалімдерін даярлау','Подготовка учителей иностранного языка','Training of foreign language teachers','high'],
 ['B019','B','01','018','Әлеуметтік педагогика және өзін-өзі тану мамандарын даярлау','Подготовка специалистов по социальной педагогике и самопознанию','Training of specialists in social pedagogy and self-knowledge','high'],
 ['B020','B','01','019','Арнайы педагогика','Специальная педагогика','Special pedagogy','high'],
 ['B029','B','02','021','Аудиовизуалды құралдар және медиа өндіріс','Аудиовизуальные средства и медиапроизводство','Audiovisual techniques and media production','medium'],
 ['B030','B','02','021','Бейнелеу өнері','Изобразительное искусство','Fine arts','medium'],
 ['B031','B','02','021','Сән, дизайн','Мода, дизайн','Fashion, design','medium'],
 ['B036','B','02','023','Аударма ісі','Переводческое дело','Translation studies','medium'],
 ['B042','B','03','032','Журналистика және репортерлік іс','Журналистика и репортерское дело','Journalism and reporting','high'],
 ['B043','B','03','032','Кітапхана ісі, ақпаратты өңдеу және мұрағат ісі','Библиотечное дело, обработка информации и архивное дело','Librarianship, information processing and archiving','medium'],
 ['B044','B','04','041','Менеджмент және басқару','Менеджмент и управление','Management and administration','high'],
 ['B045','B','04','041','Аудит және салық салу','Аудит и налогообложение','Audit and taxation','high'],
 ['B046','B','04','041','Қаржы, экономика, банк және сақтандыру ісі','Финансы, экономика, банковское и страховое дело','Finance, economics, banking and insurance','high'],
 ['B047','B','04','041','Маркетинг және жарнама','Маркетинг и реклама','Marketing and advertising','high'],
 ['B049','B','04','042','Құқық','Право','Law','high'],
 ['B050','B','05','051','Биологиялық және сабақтас ғылымдар','Биологические и смежные науки','Biological and related sciences','medium'],
 ['B051','B','05','052','Қоршаған орта','Окружающая среда','Environment','medium'],
 ['B052','B','05','053','Жер туралы ғылым','Наука о земле','Earth sciences','medium'],
 ['B053','B','05','053','Химия','Химия','Chemistry','medium'],
 ['B054','B','05','053','Физика','Физика','Physics','medium'],
 ['B055','B','05','054','Математика және статистика','Математика и статистика','Mathematics and statistics','medium'],
 ['B057','B','06','061','Ақпараттық технологиялар','Информационные технологии','Information technologies','high'],
 ['B058','B','06','063','Ақпараттық қауіпсіздік','Информационная безопасность','Information security','high'],
 ['B059','B','06','062','Коммуникациялар және коммуникациялық технологиялар','Коммуникации и коммуникационные технологии','Communications and communication technologies','high'],
 ['B062','B','07','071','Электр техникасы және энергетика','Электротехника и энергетика','Electrical engineering and power engineering','high'],
 ['B063','B','07','071','Электр техникасы және автоматтандыру','Электротехника и автоматизация','Electrical engineering and automation','high'],
 ['B064','B','07','071','Механика және металл өңдеу','Механика и металлообработка','Mechanics and metalworking','high'],
 ['B071','B','07','072','Тау-кен ісі және пайдалы қазбаларды өндіру','Горное дело и добыча полезных ископаемых','Mining and extraction of minerals','medium'],
 ['B073','B','07','073','Сәулет','Архитектура','Architecture','high'],
 ['B074','B','07','073','Қала құрылысы, құрылыс жұмыстары және азаматтық құрылыс','Градостроительство, строительные работы и гражданское строительство','Urban planning, construction works and civil engineering','high'],
 ['B077','B','08','081','Өсімдік шаруашылығы','Растениеводство','Crop production','low'],
 ['B078','B','08','082','Мал шаруашылығы','Животноводство','Livestock farming','low'],
 ['B083','B','09','091','Ветеринария','Ветеринария','Veterinary medicine','low'],
 ['B084','B','10','101','Мейірбике ісі','Сестринское дело','Nursing','high'],
 ['B085','B','10','101','Фармация','Фармация','Pharmacy','high'],
 ['B086','B','10','101','Жалпы медицина','Общая медицина','General medicine','high'],
 ['B091','B','11','111','Туризм','Туризм','Tourism','high'],
 ['B093','B','11','111','Мейрамхана ісі және қонақ үй бизнесі','Ресторанное дело и гостиничный бизнес','Restaurant and hotel business','high'],
 ['M001','M','01','011','Педагогика және психология','Педагогика и психология','Pedagogy and psychology','medium'],
 ['M072','M','04','041','Менеджмент және басқару','Менеджмент и управление','Management and administration','high'],
 ['M094','M','06','061','Ақпараттық технологиялар','Информационные технологии','Information technologies','high'],
 ['M095','M','06','063','Ақпараттық қауіпсіздік','Информационная безопасность','Information security','high'],
 ['M096','M','06','062','Коммуникациялар және коммуникациялық технологиялар','Коммуникации и коммуникационные технологии','Communications and communication technologies','high'],
 ['D001','D','01','011','Педагогика және психология','Педагогика и психология','Pedagogy and psychology','medium'],
 ['D094','D','06','061','Ақпараттық технологиялар','Информационные технологии','Information technologies','medium'],
];
export function programmeGroups() {
  return G.map(([code, level, fieldCode, narrowFieldCode, kk, ru, en, confidence]) => ({
    code, level, fieldCode, narrowFieldCode,
    name: t(kk, ru, en),
    confidence,
    source: { document: 'classifier', lines: null, note: NOTE + (confidence === 'high' ? ' (code and name corroborated in public secondary sources)' : confidence === 'medium' ? '; code/name recalled with medium confidence — verify' : '; code recalled with low confidence — verify before use'), translated: ['kk', 'en'] },
  }));
}
