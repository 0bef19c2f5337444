// The words of the national and agency reports, in kk, ru and en (chapter titles follow the
// National Report's structure, seed 003).
import type { LangMap } from '../platform/db/schema.ts';

export const REPORT_WORDS = {
  nationalTitle: { kk: 'Жоғары және жоғары оқу орнынан кейінгі білім беру сапасы туралы ұлттық баяндама', ru: 'Национальный доклад о качестве высшего и послевузовского образования', en: 'National report on the quality of higher and postgraduate education' },
  agencyTitle: { kk: 'Аккредиттеу органының жылдық қызметі туралы есеп', ru: 'Отчёт о годовой деятельности аккредитационного органа', en: 'Yearly activity report of an accreditation body' },
  year: { kk: 'Жыл', ru: 'Год', en: 'Year' },
  asOf: { kk: 'Деректер күні', ru: 'Данные на дату', en: 'Data as of' },
  dataVersion: { kk: 'Деректер нұсқасы', ru: 'Версия данных', en: 'Data version' },
  contents: { kk: 'Мазмұны', ru: 'Содержание', en: 'Contents' },
  figure: { kk: 'Сурет', ru: 'Рисунок', en: 'Figure' },
  table: { kk: 'Кесте', ru: 'Таблица', en: 'Table' },
  indicator: { kk: 'Көрсеткіш', ru: 'Показатель', en: 'Indicator' },
  sources: { kk: 'Дереккөздер', ru: 'Источники', en: 'Sources' },
  group: { kk: 'Топ', ru: 'Группа', en: 'Group' },
  sapa: { kk: 'Sapa мәні', ru: 'Значение Sapa', en: 'Sapa value' },
  published: { kk: 'Жарияланған мән', ru: 'Опубликованное значение', en: 'Published value' },
  difference: { kk: 'Айырма', ru: 'Разница', en: 'Difference' },
  total: { kk: 'Барлығы', ru: 'Итого', en: 'Total' },
  annex: { kk: 'Қосымша. Көрсеткіштердің анықтамалары', ru: 'Приложение. Определения показателей', en: 'Annex. Definitions of the indicators' },
  formula: { kk: 'Формула', ru: 'Формула', en: 'Formula' },
  noData: { kk: 'Деректер жоқ', ru: 'Нет данных', en: 'No data' },
  leftOut: { kk: 'Деректері жоқ көрсеткіштер (баяндамаға енбеді)', ru: 'Показатели без данных (не вошли в доклад)', en: 'Indicators without data (left out of the report)' },
  synthetic: { kk: 'Демонстрациялық (синтетикалық) жазбалар есептелмеген.', ru: 'Демонстрационные (синтетические) записи не учитывались.', en: 'Demonstration (synthetic) records are not counted.' },
  registerInput: { kk: 'тізілім деректері', ru: 'данные реестра', en: 'register data' },
  datasetInput: { kk: 'импортталған статистика', ru: 'импортированная статистика', en: 'imported statistics' },
  lines: { kk: 'жолдар', ru: 'строки', en: 'lines' },
  body: { kk: 'Аккредиттеу органы', ru: 'Аккредитационный орган', en: 'Accreditation body' },
} satisfies Record<string, LangMap>;

export const CHAPTER_TITLES = {
  network: { kk: 'Жоғары оқу орындарының желісі', ru: 'Сеть организаций высшего образования', en: 'The network of higher education institutions' },
  programmes: { kk: 'Білім беру бағдарламалары', ru: 'Образовательные программы', en: 'Educational programmes' },
  quality: { kk: 'Сапаны қамтамасыз ету және аккредиттеу', ru: 'Обеспечение качества и аккредитация', en: 'Quality assurance and accreditation' },
  students: { kk: 'Білім алушылар және мемлекеттік гранттар', ru: 'Обучающиеся и государственные гранты', en: 'Students and state grants' },
  faculty: { kk: 'Профессорлық-оқытушылық құрам', ru: 'Профессорско-преподавательский состав', en: 'Faculty' },
  credentials: { kk: 'Цифрлық құжаттар мен микро-біліктіліктер', ru: 'Цифровые документы и микроквалификации', en: 'Credentials and micro-credentials' },
  activity: { kk: 'Жыл бойынша қызмет', ru: 'Деятельность по годам', en: 'Activity per year' },
  decisions: { kk: 'Шешімдер және олардың мерзімдері', ru: 'Решения и их сроки', en: 'Decisions and their validity' },
} satisfies Record<string, LangMap>;
export type ChapterId = keyof typeof CHAPTER_TITLES;
