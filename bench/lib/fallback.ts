// Codes the generator falls back on when the reference data (data/reference/*.json) has not been
// seeded: the same shapes as the real classifiers, so the benchmarks still run.
import type { LangMap } from '../../src/platform/db/schema.ts';

export type CodeEntry = {
  code: string;
  parentCode: string | null;
  name: LangMap;
  attributes: Record<string, unknown>;
};

const e = (code: string, kk: string, ru: string, en: string, parentCode: string | null = null, attributes: Record<string, unknown> = {}): CodeEntry => ({
  code,
  parentCode,
  name: { kk, ru, en },
  attributes,
});

const region = (code: string, kk: string, ru: string, en: string, kind: 'region' | 'city', centre: [string, string, string]) =>
  e(code, kk, ru, en, null, {
    kind,
    centre: { kk: centre[0], ru: centre[1], en: centre[2] },
  });

export const FALLBACK_REGIONS: CodeEntry[] = [
  region('KZ-10', 'Абай облысы', 'Абайская область', 'Abai Region', 'region', ['Семей', 'Семей', 'Semey']),
  region('KZ-11', 'Ақмола облысы', 'Акмолинская область', 'Akmola Region', 'region', ['Көкшетау', 'Кокшетау', 'Kokshetau']),
  region('KZ-15', 'Ақтөбе облысы', 'Актюбинская область', 'Aktobe Region', 'region', ['Ақтөбе', 'Актобе', 'Aktobe']),
  region('KZ-19', 'Алматы облысы', 'Алматинская область', 'Almaty Region', 'region', ['Қонаев', 'Конаев', 'Konaev']),
  region('KZ-23', 'Атырау облысы', 'Атырауская область', 'Atyrau Region', 'region', ['Атырау', 'Атырау', 'Atyrau']),
  region('KZ-27', 'Батыс Қазақстан облысы', 'Западно-Казахстанская область', 'West Kazakhstan Region', 'region', ['Орал', 'Уральск', 'Oral']),
  region('KZ-31', 'Жамбыл облысы', 'Жамбылская область', 'Zhambyl Region', 'region', ['Тараз', 'Тараз', 'Taraz']),
  region('KZ-33', 'Жетісу облысы', 'Область Жетісу', 'Zhetysu Region', 'region', ['Талдықорған', 'Талдыкорган', 'Taldykorgan']),
  region('KZ-35', 'Қарағанды облысы', 'Карагандинская область', 'Karaganda Region', 'region', ['Қарағанды', 'Караганда', 'Karaganda']),
  region('KZ-39', 'Қостанай облысы', 'Костанайская область', 'Kostanay Region', 'region', ['Қостанай', 'Костанай', 'Kostanay']),
  region('KZ-43', 'Қызылорда облысы', 'Кызылординская область', 'Kyzylorda Region', 'region', ['Қызылорда', 'Кызылорда', 'Kyzylorda']),
  region('KZ-47', 'Маңғыстау облысы', 'Мангистауская область', 'Mangystau Region', 'region', ['Ақтау', 'Актау', 'Aktau']),
  region('KZ-55', 'Павлодар облысы', 'Павлодарская область', 'Pavlodar Region', 'region', ['Павлодар', 'Павлодар', 'Pavlodar']),
  region('KZ-59', 'Солтүстік Қазақстан облысы', 'Северо-Казахстанская область', 'North Kazakhstan Region', 'region', [
    'Петропавл',
    'Петропавловск',
    'Petropavl',
  ]),
  region('KZ-61', 'Түркістан облысы', 'Туркестанская область', 'Turkistan Region', 'region', ['Түркістан', 'Туркестан', 'Turkistan']),
  region('KZ-62', 'Ұлытау облысы', 'Область Улытау', 'Ulytau Region', 'region', ['Жезқазған', 'Жезказган', 'Zhezkazgan']),
  region('KZ-63', 'Шығыс Қазақстан облысы', 'Восточно-Казахстанская область', 'East Kazakhstan Region', 'region', ['Өскемен', 'Усть-Каменогорск', 'Oskemen']),
  region('KZ-71', 'Астана қаласы', 'город Астана', 'Astana', 'city', ['Астана', 'Астана', 'Astana']),
  region('KZ-75', 'Алматы қаласы', 'город Алматы', 'Almaty', 'city', ['Алматы', 'Алматы', 'Almaty']),
  region('KZ-79', 'Шымкент қаласы', 'город Шымкент', 'Shymkent', 'city', ['Шымкент', 'Шымкент', 'Shymkent']),
];

/** The Kazakh classifier of fields of education (ISCED-F based, with its own 09–12). */
export const FALLBACK_FIELDS: CodeEntry[] = [
  e('01', 'Педагогикалық ғылымдар', 'Педагогические науки', 'Pedagogical sciences'),
  e('02', 'Өнер және гуманитарлық ғылымдар', 'Искусство и гуманитарные науки', 'Arts and humanities'),
  e('03', 'Әлеуметтік ғылымдар, журналистика және ақпарат', 'Социальные науки, журналистика и информация', 'Social sciences, journalism and information'),
  e('04', 'Бизнес, басқару және құқық', 'Бизнес, управление и право', 'Business, management and law'),
  e('05', 'Жаратылыстану ғылымдары, математика және статистика', 'Естественные науки, математика и статистика', 'Natural sciences, mathematics and statistics'),
  e('06', 'Ақпараттық-коммуникациялық технологиялар', 'Информационно-коммуникационные технологии', 'Information and communication technologies'),
  e('07', 'Инженерлік, өңдеу және құрылыс салалары', 'Инженерные, обрабатывающие и строительные отрасли', 'Engineering, manufacturing and construction'),
  e('08', 'Ауыл шаруашылығы және биоресурстар', 'Сельское хозяйство и биоресурсы', 'Agriculture and bioresources'),
  e('09', 'Ветеринария', 'Ветеринария', 'Veterinary science'),
  e(
    '10',
    'Денсаулық сақтау және әлеуметтік қамтамасыз ету (медицина)',
    'Здравоохранение и социальное обеспечение (медицина)',
    'Health care and social welfare (medicine)',
  ),
  e('11', 'Қызмет көрсету', 'Услуги', 'Services'),
];

export const FALLBACK_DIRECTIONS: CodeEntry[] = [
  e('011', 'Педагогика және психология', 'Педагогика и психология', 'Pedagogy and psychology', '01'),
  e('012', 'Мектепке дейінгі оқыту және тәрбиелеу', 'Дошкольное обучение и воспитание', 'Pre-school education', '01'),
  e('014', 'Пәндік мамандандырылған мұғалімдерді даярлау', 'Подготовка педагогов с предметной специализацией', 'Subject teacher training', '01'),
  e('021', 'Өнер', 'Искусство', 'Arts', '02'),
  e('022', 'Гуманитарлық ғылымдар', 'Гуманитарные науки', 'Humanities', '02'),
  e('023', 'Тілдер және әдебиет', 'Языки и литература', 'Languages and literature', '02'),
  e('031', 'Әлеуметтік ғылымдар', 'Социальные науки', 'Social sciences', '03'),
  e('032', 'Журналистика және ақпарат', 'Журналистика и информация', 'Journalism and information', '03'),
  e('041', 'Бизнес және басқару', 'Бизнес и управление', 'Business and management', '04'),
  e('042', 'Құқық', 'Право', 'Law', '04'),
  e('051', 'Биологиялық және сабақтас ғылымдар', 'Биологические и смежные науки', 'Biological and related sciences', '05'),
  e('052', 'Қоршаған орта', 'Окружающая среда', 'Environment', '05'),
  e('053', 'Физикалық және химиялық ғылымдар', 'Физические и химические науки', 'Physical and chemical sciences', '05'),
  e('054', 'Математика және статистика', 'Математика и статистика', 'Mathematics and statistics', '05'),
  e('061', 'Ақпараттық-коммуникациялық технологиялар', 'Информационно-коммуникационные технологии', 'Information and communication technologies', '06'),
  e('071', 'Инженерия және инженерлік іс', 'Инженерия и инженерное дело', 'Engineering and engineering trades', '07'),
  e('072', 'Өндірістік және өңдеу салалары', 'Производственные и обрабатывающие отрасли', 'Manufacturing and processing', '07'),
  e('073', 'Сәулет және құрылыс', 'Архитектура и строительство', 'Architecture and construction', '07'),
  e('081', 'Агрономия', 'Агрономия', 'Agronomy', '08'),
  e('082', 'Мал шаруашылығы', 'Животноводство', 'Animal husbandry', '08'),
  e('083', 'Орман шаруашылығы', 'Лесное хозяйство', 'Forestry', '08'),
  e('091', 'Ветеринария', 'Ветеринария', 'Veterinary science', '09'),
  e('101', 'Денсаулық сақтау', 'Здравоохранение', 'Health care', '10'),
  e('111', 'Қызмет көрсету саласы', 'Сфера обслуживания', 'Personal services', '11'),
];

export const FALLBACK_LANGUAGES = ['kk', 'ru', 'en'];
export const FALLBACK_STUDY_FORMS = ['full-time', 'part-time', 'evening', 'distance'];
export const FALLBACK_ORGANIZATION_KINDS = {
  university: 'university',
  college: 'college',
};

/** Minimal NQF rows so programmes and qualifications (foreign keys on nqf_levels) can be inserted. */
export function fallbackNqfLevel(level: number) {
  const text = {
    kk: `${level}-деңгей`,
    ru: `Уровень ${level}`,
    en: `Level ${level}`,
  };
  return {
    level,
    eqf_level: level,
    qf_ehea: level >= 6 ? String(level - 5) : null,
    isced: [] as string[],
    descriptors: JSON.stringify({
      knowledge: text,
      skills: text,
      competences: text,
      achievement: text,
    }),
    education: JSON.stringify(text),
    typical_qualification: JSON.stringify(text),
    source: JSON.stringify({
      document: 'bench fallback',
      lines: null,
      note: 'reference data was missing when the benchmark data set was generated',
    }),
  };
}
