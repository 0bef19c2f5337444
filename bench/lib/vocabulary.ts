// Words for synthetic, trilingual register records: good enough to read like the real thing,
// never copied from a real organization's documents.
import type { LangMap } from '../../src/platform/db/schema.ts';
import type { Course } from '../../src/registry/registry.table.ts';

const m = (kk: string, ru: string, en: string): LangMap => ({ kk, ru, en });

export const UNIVERSITY_TYPES: LangMap[] = [
  m('мемлекеттік университеті', 'Государственный университет', 'State University'),
  m('техникалық университеті', 'Технический университет', 'Technical University'),
  m('педагогикалық университеті', 'Педагогический университет', 'Pedagogical University'),
  m('медициналық университеті', 'Медицинский университет', 'Medical University'),
  m('аграрлық университеті', 'Аграрный университет', 'Agrarian University'),
  m('экономикалық университеті', 'Экономический университет', 'University of Economics'),
  m('гуманитарлық университеті', 'Гуманитарный университет', 'University of the Humanities'),
  m('инженерлік-технологиялық университеті', 'Инженерно-технологический университет', 'University of Engineering and Technology'),
  m('инновациялық университеті', 'Инновационный университет', 'Innovative University'),
  m('халықаралық университеті', 'Международный университет', 'International University'),
  m('өнер академиясы', 'Академия искусств', 'Academy of Arts'),
  m('спорт және туризм академиясы', 'Академия спорта и туризма', 'Academy of Sport and Tourism'),
];

export const COLLEGE_TYPES: LangMap[] = [
  m('политехникалық колледжі', 'Политехнический колледж', 'Polytechnic College'),
  m('жоғары медициналық колледжі', 'Высший медицинский колледж', 'Higher Medical College'),
  m('педагогикалық колледжі', 'Педагогический колледж', 'Pedagogical College'),
  m('аграрлық-техникалық колледжі', 'Аграрно-технический колледж', 'Agro-Technical College'),
  m('құрылыс колледжі', 'Строительный колледж', 'College of Construction'),
  m('көлік және коммуникациялар колледжі', 'Колледж транспорта и коммуникаций', 'College of Transport and Communications'),
  m('бизнес және сервис колледжі', 'Колледж бизнеса и сервиса', 'College of Business and Services'),
  m('индустриялық-технологиялық колледжі', 'Индустриально-технологический колледж', 'Industrial and Technological College'),
  m('өнер колледжі', 'Колледж искусств', 'College of Arts'),
  m('жоғары IT колледжі', 'Высший IT-колледж', 'Higher IT College'),
];

/** Honorific names (people of letters and science), genitive in ru. */
export const NAMED_AFTER: LangMap[] = [
  m('Абай', 'Абая', 'Abai'),
  m('Шоқан Уәлиханов', 'Шокана Уалиханова', 'Shokan Ualikhanov'),
  m('Ыбырай Алтынсарин', 'Ибрая Алтынсарина', 'Ybyrai Altynsarin'),
  m('Әл-Фараби', 'аль-Фараби', 'al-Farabi'),
  m('Мұхтар Әуезов', 'Мухтара Ауэзова', 'Mukhtar Auezov'),
  m('Қаныш Сәтбаев', 'Каныша Сатпаева', 'Kanysh Satbayev'),
  m('Ахмет Байтұрсынұлы', 'Ахмета Байтурсынулы', 'Akhmet Baitursynuly'),
  m('Мағжан Жұмабаев', 'Магжана Жумабаева', 'Magzhan Zhumabayev'),
  m('Жамбыл Жабаев', 'Жамбыла Жабаева', 'Zhambyl Zhabayev'),
  m('Құрманғазы', 'Курмангазы', 'Kurmangazy'),
  m('Әлихан Бөкейхан', 'Алихана Букейхана', 'Alikhan Bokeikhan'),
  m('Сәкен Сейфуллин', 'Сакена Сейфуллина', 'Saken Seifullin'),
];

export const TOPICS: LangMap[] = [
  m('цифрлық технологиялар', 'цифровые технологии', 'digital technologies'),
  m('деректерді талдау', 'анализ данных', 'data analytics'),
  m('жобаларды басқару', 'управление проектами', 'project management'),
  m('тұрақты даму', 'устойчивое развитие', 'sustainable development'),
  m('халықаралық тәжірибе', 'международная практика', 'international practice'),
  m('қолданбалы зерттеулер', 'прикладные исследования', 'applied research'),
  m('өңірлік даму', 'региональное развитие', 'regional development'),
  m('сапа менеджменті', 'менеджмент качества', 'quality management'),
  m('инновациялар', 'инновации', 'innovation'),
  m('өнеркәсіптік тәжірибе', 'производственная практика', 'industrial practice'),
  m('жасанды интеллект', 'искусственный интеллект', 'artificial intelligence'),
  m('білім берудегі технологиялар', 'технологии в образовании', 'educational technology'),
  m('кәсіпкерлік', 'предпринимательство', 'entrepreneurship'),
  m('қауіпсіздік', 'безопасность', 'safety and security'),
  m('экология', 'экология', 'ecology'),
  m('мемлекеттік басқару', 'государственное управление', 'public administration'),
];

export const OUTCOME_VERBS: LangMap[] = [
  m('қолдану', 'применять', 'apply'),
  m('талдау', 'анализировать', 'analyse'),
  m('жобалау', 'проектировать', 'design'),
  m('бағалау', 'оценивать', 'evaluate'),
  m('ұйымдастыру', 'организовывать', 'organize'),
  m('зерттеу', 'исследовать', 'investigate'),
  m('әзірлеу', 'разрабатывать', 'develop'),
  m('түсіндіру', 'объяснять', 'explain'),
];

export const OUTCOME_OBJECTS: LangMap[] = [
  m('кәсіби міндеттерді шешу әдістерін', 'методы решения профессиональных задач', 'methods for solving professional problems'),
  m('ғылыми зерттеу нәтижелерін', 'результаты научных исследований', 'the results of scientific research'),
  m('цифрлық құралдар мен ақпараттық жүйелерді', 'цифровые инструменты и информационные системы', 'digital tools and information systems'),
  m('нормативтік құқықтық актілердің талаптарын', 'требования нормативных правовых актов', 'the requirements of legal and regulatory acts'),
  m('командалық жұмыс пен кәсіби коммуникацияны', 'командную работу и профессиональную коммуникацию', 'teamwork and professional communication'),
  m('экономикалық және әлеуметтік үдерістерді', 'экономические и социальные процессы', 'economic and social processes'),
  m('сапа мен қауіпсіздік стандарттарын', 'стандарты качества и безопасности', 'quality and safety standards'),
  m('инновациялық жобаларды', 'инновационные проекты', 'innovative projects'),
  m(
    'мемлекеттік және шет тілдерінде кәсіби мәтіндерді',
    'профессиональные тексты на государственном и иностранных языках',
    'professional texts in the state and foreign languages',
  ),
  m('әдептілік және академиялық адалдық қағидаттарын', 'принципы этики и академической честности', 'the principles of ethics and academic integrity'),
];

/** Courses every programme has some of (general education and basic disciplines). */
export const GENERAL_COURSES: {
  name: LangMap;
  cycle: Course['cycle'];
  component: 'mandatory' | 'university' | 'core' | 'elective';
}[] = [
  {
    name: m('Қазақстанның қазіргі заманғы тарихы', 'Современная история Казахстана', 'Contemporary History of Kazakhstan'),
    cycle: 'general',
    component: 'mandatory',
  },
  {
    name: m('Философия', 'Философия', 'Philosophy'),
    cycle: 'general',
    component: 'mandatory',
  },
  {
    name: m('Шетел тілі', 'Иностранный язык', 'Foreign Language'),
    cycle: 'general',
    component: 'mandatory',
  },
  {
    name: m('Қазақ (орыс) тілі', 'Казахский (русский) язык', 'Kazakh (Russian) Language'),
    cycle: 'general',
    component: 'mandatory',
  },
  {
    name: m('Ақпараттық-коммуникациялық технологиялар', 'Информационно-коммуникационные технологии', 'Information and Communication Technologies'),
    cycle: 'general',
    component: 'mandatory',
  },
  {
    name: m('Әлеуметтік-саяси білім модулі', 'Модуль социально-политических знаний', 'Social and Political Studies'),
    cycle: 'general',
    component: 'mandatory',
  },
  {
    name: m('Дене шынықтыру', 'Физическая культура', 'Physical Education'),
    cycle: 'general',
    component: 'mandatory',
  },
  {
    name: m('Экология және тіршілік қауіпсіздігі', 'Экология и безопасность жизнедеятельности', 'Ecology and Life Safety'),
    cycle: 'general',
    component: 'elective',
  },
  {
    name: m('Экономика және кәсіпкерлік негіздері', 'Основы экономики и предпринимательства', 'Foundations of Economics and Entrepreneurship'),
    cycle: 'general',
    component: 'elective',
  },
  {
    name: m(
      'Құқық негіздері және сыбайлас жемқорлыққа қарсы мәдениет',
      'Основы права и антикоррупционной культуры',
      'Foundations of Law and Anti-Corruption Culture',
    ),
    cycle: 'general',
    component: 'elective',
  },
  {
    name: m('Математика', 'Математика', 'Mathematics'),
    cycle: 'basic',
    component: 'university',
  },
  {
    name: m('Статистика', 'Статистика', 'Statistics'),
    cycle: 'basic',
    component: 'university',
  },
  {
    name: m('Ғылыми зерттеу әдістері', 'Методы научных исследований', 'Research Methods'),
    cycle: 'basic',
    component: 'university',
  },
  {
    name: m('Академиялық жазылым', 'Академическое письмо', 'Academic Writing'),
    cycle: 'basic',
    component: 'elective',
  },
  {
    name: m('Кәсіби этика', 'Профессиональная этика', 'Professional Ethics'),
    cycle: 'basic',
    component: 'elective',
  },
  {
    name: m('Жобаларды басқару', 'Управление проектами', 'Project Management'),
    cycle: 'basic',
    component: 'elective',
  },
  {
    name: m('Деректерді талдау', 'Анализ данных', 'Data Analysis'),
    cycle: 'basic',
    component: 'elective',
  },
  {
    name: m('Өндірістік практика', 'Производственная практика', 'Industrial Internship'),
    cycle: 'practice',
    component: 'university',
  },
  {
    name: m('Педагогикалық практика', 'Педагогическая практика', 'Teaching Practice'),
    cycle: 'practice',
    component: 'university',
  },
  {
    name: m('Диплом алды практикасы', 'Преддипломная практика', 'Pre-Diploma Internship'),
    cycle: 'practice',
    component: 'university',
  },
];

export const FINAL_ATTESTATION: LangMap = m('Қорытынды аттестаттау', 'Итоговая аттестация', 'Final Attestation');

export const MODULE_KINDS: LangMap[] = [
  m('Кәсіби модуль', 'Профессиональный модуль', 'Professional module'),
  m('Арнайы курс', 'Специальный курс', 'Special course'),
  m('Зертханалық практикум', 'Лабораторный практикум', 'Laboratory practicum'),
  m('Семинар', 'Семинар', 'Seminar'),
];

export const SECTORS: { name: LangMap; oked: string[]; isco: string[] }[] = [
  {
    name: m('Ауыл шаруашылығы', 'Сельское хозяйство', 'Agriculture'),
    oked: ['01', '02'],
    isco: ['6111', '6121', '2132', '3142'],
  },
  {
    name: m('Тау-кен өндірісі', 'Горнодобывающая промышленность', 'Mining'),
    oked: ['05', '07', '08'],
    isco: ['8111', '2146', '3117'],
  },
  {
    name: m('Мұнай-газ саласы', 'Нефтегазовая отрасль', 'Oil and gas'),
    oked: ['06', '09', '19'],
    isco: ['8113', '2145', '3134'],
  },
  {
    name: m('Металлургия', 'Металлургия', 'Metallurgy'),
    oked: ['24'],
    isco: ['8121', '2146', '3135'],
  },
  {
    name: m('Машина жасау', 'Машиностроение', 'Mechanical engineering'),
    oked: ['28', '29'],
    isco: ['7223', '2144', '3115'],
  },
  {
    name: m('Химия өнеркәсібі', 'Химическая промышленность', 'Chemical industry'),
    oked: ['20', '21'],
    isco: ['8131', '2113', '3133'],
  },
  {
    name: m('Электр энергетикасы', 'Электроэнергетика', 'Electric power'),
    oked: ['35'],
    isco: ['7411', '2151', '3131'],
  },
  {
    name: m('Құрылыс', 'Строительство', 'Construction'),
    oked: ['41', '42', '43'],
    isco: ['7112', '2142', '3112'],
  },
  {
    name: m('Көлік және логистика', 'Транспорт и логистика', 'Transport and logistics'),
    oked: ['49', '52'],
    isco: ['8322', '1324', '4323'],
  },
  {
    name: m('Ақпараттық-коммуникациялық технологиялар', 'Информационно-коммуникационные технологии', 'Information and communication technology'),
    oked: ['61', '62', '63'],
    isco: ['2512', '2522', '3512'],
  },
  {
    name: m('Қаржы қызметі', 'Финансовая деятельность', 'Financial services'),
    oked: ['64', '65', '66'],
    isco: ['2412', '3311', '4211'],
  },
  {
    name: m('Денсаулық сақтау', 'Здравоохранение', 'Health care'),
    oked: ['86'],
    isco: ['2211', '2221', '3221'],
  },
  {
    name: m('Білім беру', 'Образование', 'Education'),
    oked: ['85'],
    isco: ['2330', '2341', '2351'],
  },
  {
    name: m('Туризм және қонақжайлылық', 'Туризм и гостеприимство', 'Tourism and hospitality'),
    oked: ['55', '56', '79'],
    isco: ['5113', '1411', '4221'],
  },
  {
    name: m('Мәдениет және өнер', 'Культура и искусство', 'Culture and arts'),
    oked: ['90', '91'],
    isco: ['2652', '2655', '3435'],
  },
  {
    name: m('Сауда', 'Торговля', 'Trade'),
    oked: ['46', '47'],
    isco: ['5223', '1420', '3322'],
  },
  {
    name: m('Тамақ өнеркәсібі', 'Пищевая промышленность', 'Food industry'),
    oked: ['10', '11'],
    isco: ['7512', '2145', '3142'],
  },
  {
    name: m('Жеңіл өнеркәсіп', 'Лёгкая промышленность', 'Light industry'),
    oked: ['13', '14', '15'],
    isco: ['7531', '8153', '3119'],
  },
  {
    name: m('Су шаруашылығы', 'Водное хозяйство', 'Water management'),
    oked: ['36', '37'],
    isco: ['3132', '2142', '7126'],
  },
  {
    name: m('Байланыс және пошта', 'Связь и почта', 'Communications and post'),
    oked: ['53', '60'],
    isco: ['4412', '3522', '2153'],
  },
  {
    name: m('Мемлекеттік қызмет', 'Государственная служба', 'Public service'),
    oked: ['84'],
    isco: ['1112', '2422', '3359'],
  },
  {
    name: m('Әлеуметтік қызмет', 'Социальное обслуживание', 'Social work'),
    oked: ['87', '88'],
    isco: ['2635', '3412', '5322'],
  },
  {
    name: m('Орман шаруашылығы', 'Лесное хозяйство', 'Forestry'),
    oked: ['02'],
    isco: ['6210', '2132', '3143'],
  },
  {
    name: m('Азаматтық авиация', 'Гражданская авиация', 'Civil aviation'),
    oked: ['51'],
    isco: ['3153', '3154', '7232'],
  },
  {
    name: m('Геология', 'Геология', 'Geology'),
    oked: ['71'],
    isco: ['2114', '3111', '8113'],
  },
];

export const OCCUPATION_ROLES: LangMap[] = [
  m('Техник', 'Техник', 'Technician'),
  m('Инженер', 'Инженер', 'Engineer'),
  m('Маман', 'Специалист', 'Specialist'),
  m('Оператор', 'Оператор', 'Operator'),
  m('Менеджер', 'Менеджер', 'Manager'),
  m('Талдаушы', 'Аналитик', 'Analyst'),
  m('Шебер', 'Мастер', 'Foreman'),
  m('Инспектор', 'Инспектор', 'Inspector'),
  m('Зертханашы', 'Лаборант', 'Laboratory assistant'),
  m('Кеңесші', 'Консультант', 'Consultant'),
  m('Жетекші маман', 'Ведущий специалист', 'Lead specialist'),
  m('Бөлім басшысы', 'Начальник отдела', 'Head of department'),
];

export const LABOUR_FUNCTIONS: LangMap[] = [
  m('Жұмысты жоспарлау', 'Планирование работ', 'Planning the work'),
  m('Технологиялық үдерісті жүргізу', 'Ведение технологического процесса', 'Running the technological process'),
  m('Жабдыққа техникалық қызмет көрсету', 'Техническое обслуживание оборудования', 'Maintaining equipment'),
  m('Сапаны бақылау', 'Контроль качества', 'Quality control'),
  m('Құжаттаманы жүргізу', 'Ведение документации', 'Keeping records and documentation'),
  m('Персоналды басқару', 'Управление персоналом', 'Managing staff'),
  m('Тұтынушыларға қызмет көрсету', 'Обслуживание клиентов', 'Serving customers'),
  m('Еңбек қауіпсіздігін қамтамасыз ету', 'Обеспечение безопасности труда', 'Ensuring occupational safety'),
  m('Деректерді жинау және талдау', 'Сбор и анализ данных', 'Collecting and analysing data'),
  m('Жобаларды әзірлеу', 'Разработка проектов', 'Developing projects'),
  m('Нормативтік талаптардың сақталуын бақылау', 'Контроль соблюдения нормативных требований', 'Monitoring compliance with regulations'),
  m('Жаңа қызметкерлерді оқыту', 'Обучение новых сотрудников', 'Training new staff'),
];

export const SKILLS: LangMap[] = [
  m('Техникалық құжаттаманы оқу', 'Читать техническую документацию', 'Read technical documentation'),
  m('Өлшеу құралдарын пайдалану', 'Пользоваться измерительными приборами', 'Use measuring instruments'),
  m('Есептерді дайындау', 'Готовить отчёты', 'Prepare reports'),
  m('Ақауларды анықтау', 'Выявлять неисправности', 'Diagnose faults'),
  m('Кәсіби бағдарламалық жасақтаманы пайдалану', 'Работать с профессиональным программным обеспечением', 'Use professional software'),
  m('Жұмыс кестесін құру', 'Составлять график работ', 'Draw up a work schedule'),
  m('Тәуекелдерді бағалау', 'Оценивать риски', 'Assess risks'),
  m('Әріптестермен өзара әрекеттесу', 'Взаимодействовать с коллегами', 'Work with colleagues'),
];

export const KNOWLEDGE: LangMap[] = [
  m('Еңбек қауіпсіздігі талаптары', 'Требования охраны труда', 'Occupational safety requirements'),
  m('Салалық стандарттар', 'Отраслевые стандарты', 'Sector standards'),
  m('Жабдықтың құрылымы мен жұмыс принциптері', 'Устройство и принципы работы оборудования', 'How the equipment is built and works'),
  m('Сапа менеджменті негіздері', 'Основы менеджмента качества', 'Foundations of quality management'),
  m('Еңбек құқығы негіздері', 'Основы трудового права', 'Foundations of labour law'),
  m('Экологиялық талаптар', 'Экологические требования', 'Environmental requirements'),
  m('Цифрлық құралдар', 'Цифровые инструменты', 'Digital tools'),
];

export const LEVEL_DESCRIPTOR: LangMap = m(
  'Біліктілік деңгейінің сипаттамасы (синтетикалық)',
  'Описание уровня квалификации (синтетическое)',
  'Description of the qualification level (synthetic)',
);
