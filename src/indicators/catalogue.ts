// The catalogue of national indicators (PRODUCT §3.8), as data: what each one means in three
// languages, its formula over named inputs, where the inputs come from, the dimensions it can be
// grouped and filtered by, its unit and how fresh it is. indicators.service.ts computes them.
import type { LangMap } from '../platform/db/schema.ts';

export const DIMENSIONS = ['kind', 'legalForm', 'region', 'field', 'level', 'language', 'type', 'body', 'year', 'measure', 'decisionKind', 'gender', 'funding', 'degree', 'title'] as const;
export type DimensionId = (typeof DIMENSIONS)[number];

export type InputSource =
  | { kind: 'register'; module: 'registry' | 'accreditation' | 'credentials'; api: string }
  | { kind: 'published'; document: string }
  | { kind: 'dataset'; dataset: string };

export type IndicatorDefinition = {
  id: string;
  name: LangMap;
  definition: LangMap;
  /** the formula over the named inputs, as written in the annex of definitions */
  formula: string;
  inputs: { name: string; source: InputSource }[];
  /** grouping and filtering dimensions; the first is the default grouping */
  dimensions: DimensionId[];
  unit: 'count' | 'percent';
  /** how fresh a value is: computed on request from the data version, or as published */
  refresh: 'on-change' | 'as-published';
  /** a thematic page of the dashboards */
  theme: 'network' | 'programmes' | 'quality' | 'credentials' | 'access';
};

const registry = (api: string): InputSource => ({ kind: 'register', module: 'registry', api: `registry/indicator-facts.api.ts#${api}` });
const accreditation = (api: string): InputSource => ({ kind: 'register', module: 'accreditation', api: `accreditation/indicator-facts.api.ts#${api}` });
const credentials = (api: string): InputSource => ({ kind: 'register', module: 'credentials', api: `credentials/indicator-facts.api.ts#${api}` });
const dataset = (name: string): InputSource => ({ kind: 'dataset', dataset: name });
const SEED_003: InputSource = { kind: 'published', document: '003_a6b45dff19754c58.txt' };
const SEED_004: InputSource = { kind: 'published', document: '004_8499ae870ed62df1.txt' };

export const CATALOGUE: readonly IndicatorDefinition[] = [
  {
    id: 'organizations',
    theme: 'network',
    name: { kk: 'Ұйымдар саны', ru: 'Число организаций', en: 'Organizations' },
    definition: {
      kk: 'Тізілімдегі белсенді ұйымдар саны: түрі, ұйымдық-құқықтық нысаны және өңірі бойынша.',
      ru: 'Число действующих организаций в реестре по виду, организационно-правовой форме и региону.',
      en: 'Active organizations in the register, by kind, legal form and region.',
    },
    formula: 'count(organizations where status = active)',
    inputs: [{ name: 'organizations', source: registry('organizationFacts') }],
    dimensions: ['kind', 'legalForm', 'region'],
    unit: 'count',
    refresh: 'on-change',
  },
  {
    id: 'universities-by-legal-form',
    theme: 'network',
    name: { kk: 'ЖОО-лар ұйымдық-құқықтық нысаны бойынша', ru: 'Вузы по организационно-правовой форме', en: 'Universities by legal form' },
    definition: {
      kk: 'Белсенді жоғары оқу орындарының саны ұйымдық-құқықтық нысаны бойынша; 2024 жылғы Ұлттық баяндамадағы көрсеткішпен қатар.',
      ru: 'Число действующих вузов по организационно-правовой форме; рядом — значение Национального доклада 2024 года.',
      en: 'Active universities by legal form, beside the figure the 2024 National Report publishes.',
    },
    formula: 'count(organizations where kind = university and status = active) by legal form',
    inputs: [
      { name: 'organizations', source: registry('organizationFacts') },
      { name: 'published', source: SEED_003 },
    ],
    dimensions: ['legalForm', 'region'],
    unit: 'count',
    refresh: 'on-change',
  },
  {
    id: 'programmes',
    theme: 'programmes',
    name: { kk: 'Тізілімдегі білім беру бағдарламалары', ru: 'Образовательные программы в реестре', en: 'Programmes in the register' },
    definition: {
      kk: 'Тізілімге енгізілген бағдарламалар саны: білім саласы, деңгейі, оқыту тілі, түрі және өңірі бойынша. Бірнеше тілде оқытылатын бағдарлама әр тілде есептеледі.',
      ru: 'Число программ, включённых в реестр, по области образования, уровню, языку обучения, типу и региону. Программа на нескольких языках учитывается в каждом.',
      en: 'Programmes included in the register, by field, level, language of instruction, type and region. A programme taught in several languages counts in each.',
    },
    formula: 'count(programmes where status in (included, update))',
    inputs: [
      { name: 'programmes', source: registry('programmeFacts') },
      { name: 'published', source: SEED_003 },
    ],
    dimensions: ['field', 'level', 'language', 'type', 'region'],
    unit: 'count',
    refresh: 'on-change',
  },
  {
    id: 'programmes-innovative-share',
    theme: 'programmes',
    name: { kk: 'Инновациялық бағдарламалардың үлесі', ru: 'Доля инновационных программ', en: 'Share of innovative programmes' },
    definition: {
      kk: 'Тізілімдегі бағдарламалардың ішіндегі «инновациялық» түріндегі бағдарламалардың пайызы.',
      ru: 'Процент программ типа «инновационная» среди программ реестра.',
      en: 'Per cent of the programmes in the register whose type is innovative.',
    },
    formula: 'count(programmes where type = innovative) / count(programmes) × 100',
    inputs: [
      { name: 'programmes', source: registry('programmeFacts') },
      { name: 'published', source: SEED_003 },
    ],
    dimensions: ['field', 'level', 'region'],
    unit: 'percent',
    refresh: 'on-change',
  },
  {
    id: 'programmes-standard-based-share',
    theme: 'programmes',
    name: { kk: 'Кәсіптік стандарттар негізіндегі бағдарламалардың үлесі', ru: 'Доля программ на основе профессиональных стандартов', en: 'Share of programmes based on occupational standards' },
    definition: {
      kk: 'Кемінде бір кәсіптік стандартқа сүйеніп әзірленген бағдарламалардың пайызы.',
      ru: 'Процент программ, разработанных на основе хотя бы одного профессионального стандарта.',
      en: 'Per cent of the programmes in the register designed on at least one occupational standard.',
    },
    formula: 'count(programmes with occupational standards) / count(programmes) × 100',
    inputs: [
      { name: 'programmes', source: registry('programmeFacts') },
      { name: 'published', source: SEED_003 },
    ],
    dimensions: ['field', 'level'],
    unit: 'percent',
    refresh: 'on-change',
  },
  {
    id: 'programmes-accredited-share',
    theme: 'quality',
    name: { kk: 'Аккредиттелген бағдарламалардың үлесі', ru: 'Доля аккредитованных программ', en: 'Share of programmes accredited' },
    definition: {
      kk: 'Көрсетілген күні күшіндегі оң аккредиттеу шешімі бар тізілім бағдарламаларының пайызы (3-тізілім). Орган бойынша сүзгі тек алымға қолданылады.',
      ru: 'Процент программ реестра, имеющих на указанную дату действующее положительное решение об аккредитации (Реестр 3). Фильтр по органу сужает только числитель.',
      en: 'Per cent of the programmes in the register covered on the day by a positive accreditation decision in force (Register 3). Filtering by body narrows the numerator only.',
    },
    formula: 'count(programmes accredited on asOf) / count(programmes) × 100',
    inputs: [
      { name: 'programmes', source: registry('programmeFacts') },
      { name: 'accredited', source: accreditation('accreditedFactsOn') },
      { name: 'published', source: SEED_003 },
    ],
    dimensions: ['region', 'field', 'level', 'body'],
    unit: 'percent',
    refresh: 'on-change',
  },
  {
    id: 'organizations-accredited-share',
    theme: 'quality',
    name: { kk: 'Институционалдық аккредиттелген ЖОО-лардың үлесі', ru: 'Доля вузов с институциональной аккредитацией', en: 'Share of universities accredited' },
    definition: {
      kk: 'Көрсетілген күні күшіндегі институционалдық аккредиттеуі бар белсенді ЖОО-лардың пайызы (2-тізілім).',
      ru: 'Процент действующих вузов с институциональной аккредитацией, действующей на указанную дату (Реестр 2).',
      en: 'Per cent of active universities with an institutional accreditation in force on the day (Register 2).',
    },
    formula: 'count(universities accredited on asOf) / count(universities) × 100',
    inputs: [
      { name: 'organizations', source: registry('organizationFacts') },
      { name: 'accredited', source: accreditation('accreditedFactsOn') },
    ],
    dimensions: ['region', 'legalForm', 'body'],
    unit: 'percent',
    refresh: 'on-change',
  },
  {
    id: 'accreditations-expiring',
    theme: 'quality',
    name: { kk: 'Алдағы 12 айда мерзімі бітетін аккредиттеулер', ru: 'Аккредитации, истекающие в ближайшие 12 месяцев', en: 'Accreditations expiring in the next 12 months' },
    definition: {
      kk: 'Көрсетілген күні күшінде болып, қолданылу мерзімі келесі 12 айда аяқталатын оң шешімдер саны.',
      ru: 'Число положительных решений, действующих на указанную дату, срок которых истекает в следующие 12 месяцев.',
      en: 'Positive decisions in force on the day whose validity ends within the next 12 months.',
    },
    formula: 'count(decisions in force on asOf where valid_to ≤ asOf + 12 months)',
    inputs: [{ name: 'expiring', source: accreditation('accreditationsExpiring') }],
    dimensions: ['body', 'decisionKind'],
    unit: 'count',
    refresh: 'on-change',
  },
  {
    id: 'agency-activity',
    theme: 'quality',
    name: { kk: 'Аккредиттеу органдарының жылдық қызметі', ru: 'Деятельность аккредитационных органов по годам', en: 'Agency activity per year' },
    definition: {
      kk: 'Жыл сайынғы институционалдық, бағдарламалық, шетелдік аккредиттеулер, EUR-ACE® белгілері және бас тартулар (бағдарламалар бір-бірден есептеледі).',
      ru: 'По годам: институциональные, программные, зарубежные аккредитации, знаки EUR-ACE® и отказы (программы считаются по одной).',
      en: 'Per year: institutional, programme and cross-border accreditations, EUR-ACE® labels and refusals (programmes counted one by one).',
    },
    formula: 'sum(decisions by year of decision, counted per programme covered)',
    inputs: [
      { name: 'activity', source: accreditation('agencyActivity') },
      { name: 'published', source: SEED_004 },
    ],
    dimensions: ['year', 'body', 'measure'],
    unit: 'count',
    refresh: 'on-change',
  },
  {
    id: 'credentials-issued',
    theme: 'credentials',
    name: { kk: 'Берілген цифрлық құжаттар', ru: 'Выданные цифровые документы', en: 'Credentials issued' },
    definition: {
      kk: 'Берілген микро-біліктіліктер мен цифрлық құжаттар саны: сипаттамасының білім саласы, ҰБШ деңгейі және жылы бойынша.',
      ru: 'Число выданных микроквалификаций и цифровых документов по области образования и уровню НРК их спецификации и году.',
      en: 'Micro-credentials and other credentials issued, by their specification’s field and NQF level, and by year.',
    },
    formula: 'count(credentials issued)',
    inputs: [{ name: 'credentials', source: credentials('credentialsIssuedCells') }],
    dimensions: ['field', 'level', 'year'],
    unit: 'count',
    refresh: 'on-change',
  },
  {
    id: 'gross-enrolment-ratio',
    theme: 'access',
    name: { kk: 'Жоғары білімге жалпы қамту коэффициенті', ru: 'Валовой коэффициент охвата высшим образованием', en: 'Gross enrolment ratio' },
    definition: {
      kk: 'ISCED 5–8 деңгейлеріндегі студенттер саны (жасына қарамастан) 18–22 жастағы халық санына бөлінген, пайызбен; импортталған статистикадан ортақ ең соңғы жыл бойынша, жарияланған мәнмен қатар.',
      ru: 'Число обучающихся на уровнях ISCED 5–8 (независимо от возраста), делённое на численность населения 18–22 лет, в процентах; по последнему году, общему для импортированных данных, рядом с опубликованным значением.',
      en: 'Students in ISCED 5–8 regardless of age over the population aged 18–22, per cent, for the newest year both imported datasets cover, beside the published value.',
    },
    formula: 'sum(students, ISCED 5–8) / sum(population, ages 18–22) × 100',
    inputs: [
      { name: 'students', source: dataset('students') },
      { name: 'population', source: dataset('population') },
      { name: 'published', source: SEED_003 },
    ],
    dimensions: ['region', 'gender'],
    unit: 'percent',
    refresh: 'on-change',
  },
  {
    id: 'students',
    theme: 'access',
    name: { kk: 'Білім алушылар саны', ru: 'Численность обучающихся', en: 'Students' },
    definition: {
      kk: 'Жоғары және жоғары оқу орнынан кейінгі білім алушылар саны: деңгейі, өңірі, жынысы және қаржыландыру көзі бойынша; импортталған статистиканың ең соңғы жылы.',
      ru: 'Численность обучающихся в высшем и послевузовском образовании по уровню, региону, полу и источнику финансирования; последний год импортированных данных.',
      en: 'Students in higher and postgraduate education by level, region, gender and funding, for the newest year imported.',
    },
    formula: 'sum(students) by level, region, gender, funding',
    inputs: [{ name: 'students', source: dataset('students') }],
    dimensions: ['level', 'region', 'gender', 'funding'],
    unit: 'count',
    refresh: 'on-change',
  },
  {
    id: 'state-grants',
    theme: 'access',
    name: { kk: 'Мемлекеттік білім беру гранттары', ru: 'Государственные образовательные гранты', en: 'State education grants' },
    definition: {
      kk: 'Оқу жылына бөлінген мемлекеттік гранттар саны деңгей және өңір бойынша; импортталған статистикадан, жарияланған мәнмен қатар.',
      ru: 'Число государственных грантов, выделенных на учебный год, по уровню и региону; из импортированных данных, рядом с опубликованным значением.',
      en: 'State grants allocated for the academic year, by level and region, from the imported dataset, beside the published value.',
    },
    formula: 'sum(grants allocated) by level',
    inputs: [
      { name: 'grants', source: dataset('grants') },
      { name: 'published', source: SEED_003 },
    ],
    dimensions: ['level', 'region'],
    unit: 'count',
    refresh: 'on-change',
  },
  {
    id: 'faculty',
    theme: 'access',
    name: { kk: 'Профессорлық-оқытушылық құрам', ru: 'Профессорско-преподавательский состав', en: 'Faculty' },
    definition: {
      kk: 'Жоғары оқу орындарының оқытушылары: ғылыми дәрежесі, ғылыми атағы, өңірі және жынысы бойынша; импортталған статистиканың ең соңғы жылы.',
      ru: 'Преподаватели вузов по учёной степени, учёному званию, региону и полу; последний год импортированных данных.',
      en: 'University teaching staff by academic degree, academic title, region and gender, for the newest year imported.',
    },
    formula: 'sum(faculty) by degree, title',
    inputs: [{ name: 'faculty', source: dataset('faculty') }],
    dimensions: ['degree', 'title', 'region', 'gender'],
    unit: 'count',
    refresh: 'on-change',
  },
];

export const indicatorById = (id: string): IndicatorDefinition | undefined => CATALOGUE.find((i) => i.id === id);
