// Words for the values of each dimension, in three languages: from the reference data where it
// has them (regions, fields, legal forms, kinds, languages), else here.
import type { LangMap } from '../platform/db/schema.ts';
import { readReference } from '../platform/reference/reference-files.ts';
import type { DimensionId } from './catalogue.ts';

export const NOT_STATED: LangMap = { kk: 'Көрсетілмеген', ru: 'Не указано', en: 'Not stated' };

const LEVELS: Record<string, LangMap> = {
  '5': { kk: 'Қолданбалы бакалавриат', ru: 'Прикладной бакалавриат', en: 'Applied bachelor' },
  '6': { kk: 'Бакалавриат', ru: 'Бакалавриат', en: 'Bachelor' },
  '7': { kk: 'Магистратура, резидентура', ru: 'Магистратура, резидентура', en: 'Master, residency' },
  '8': { kk: 'Докторантура', ru: 'Докторантура', en: 'Doctoral' },
};
const TYPES: Record<string, LangMap> = {
  existing: { kk: 'Қолданыстағы', ru: 'Действующая', en: 'Existing' },
  new: { kk: 'Жаңа', ru: 'Новая', en: 'New' },
  innovative: { kk: 'Инновациялық', ru: 'Инновационная', en: 'Innovative' },
};
const MEASURES: Record<string, LangMap> = {
  institutional: { kk: 'Институционалдық аккредиттеу', ru: 'Институциональная аккредитация', en: 'Institutional accreditation' },
  programme: { kk: 'Бағдарламалық аккредиттеу', ru: 'Программная аккредитация', en: 'Programme accreditation' },
  crossBorder: { kk: 'Шетелдік аккредиттеу', ru: 'Зарубежная аккредитация', en: 'Cross-border accreditation' },
  eurAce: { kk: 'EUR-ACE® белгісі', ru: 'Знак EUR-ACE®', en: 'EUR-ACE® label' },
  refused: { kk: 'Бас тарту', ru: 'Отказ', en: 'Refusal' },
};
const GENDERS: Record<string, LangMap> = {
  female: { kk: 'Әйел', ru: 'Женщины', en: 'Female' },
  male: { kk: 'Ер', ru: 'Мужчины', en: 'Male' },
};
const FUNDINGS: Record<string, LangMap> = {
  state: { kk: 'Мемлекеттік грант', ru: 'Государственный грант', en: 'State grant' },
  paid: { kk: 'Ақылы негізде', ru: 'Платная основа', en: 'Fee-paying' },
};
const DEGREES: Record<string, LangMap> = {
  'doctor-of-sciences': { kk: 'Ғылым докторы', ru: 'Доктор наук', en: 'Doctor of Sciences' },
  'candidate-of-sciences': { kk: 'Ғылым кандидаты', ru: 'Кандидат наук', en: 'Candidate of Sciences' },
  phd: { kk: 'PhD докторы', ru: 'Доктор PhD', en: 'PhD' },
  none: { kk: 'Дәрежесі жоқ', ru: 'Без степени', en: 'No degree' },
};
const TITLES: Record<string, LangMap> = {
  professor: { kk: 'Профессор', ru: 'Профессор', en: 'Professor' },
  'associate-professor': { kk: 'Қауымдастырылған профессор (доцент)', ru: 'Ассоциированный профессор (доцент)', en: 'Associate professor' },
  none: { kk: 'Атағы жоқ', ru: 'Без звания', en: 'No title' },
};
const DECISION_KINDS: Record<string, LangMap> = { institutional: MEASURES.institutional as LangMap, programme: MEASURES.programme as LangMap };

export const DIMENSION_NAMES: Record<DimensionId, LangMap> = {
  kind: { kk: 'Ұйым түрі', ru: 'Вид организации', en: 'Kind' },
  legalForm: { kk: 'Ұйымдық-құқықтық нысаны', ru: 'Организационно-правовая форма', en: 'Legal form' },
  region: { kk: 'Өңір', ru: 'Регион', en: 'Region' },
  field: { kk: 'Білім саласы', ru: 'Область образования', en: 'Field of education' },
  level: { kk: 'Деңгей', ru: 'Уровень', en: 'Level' },
  language: { kk: 'Оқыту тілі', ru: 'Язык обучения', en: 'Language of instruction' },
  type: { kk: 'Бағдарлама түрі', ru: 'Тип программы', en: 'Programme type' },
  body: { kk: 'Аккредиттеу органы', ru: 'Аккредитационный орган', en: 'Accreditation body' },
  year: { kk: 'Жыл', ru: 'Год', en: 'Year' },
  measure: { kk: 'Көрсеткіш', ru: 'Показатель', en: 'Measure' },
  decisionKind: { kk: 'Аккредиттеу түрі', ru: 'Вид аккредитации', en: 'Kind of accreditation' },
  gender: { kk: 'Жынысы', ru: 'Пол', en: 'Gender' },
  funding: { kk: 'Қаржыландыру көзі', ru: 'Источник финансирования', en: 'Funding' },
  degree: { kk: 'Ғылыми дәрежесі', ru: 'Учёная степень', en: 'Academic degree' },
  title: { kk: 'Ғылыми атағы', ru: 'Учёное звание', en: 'Academic title' },
};

let fromReference: Partial<Record<DimensionId, Record<string, LangMap>>> | undefined;

function referenceLabels(): Partial<Record<DimensionId, Record<string, LangMap>>> {
  if (fromReference) return fromReference;
  const map = <T>(rows: T[], key: (r: T) => string, name: (r: T) => LangMap) => Object.fromEntries(rows.map((r) => [key(r), name(r)]));
  fromReference = {
    region: map(readReference('regions'), (r) => r.code, (r) => r.name),
    field: map(readReference('fields-of-education'), (r) => r.code, (r) => r.name),
    legalForm: map(readReference('legal-forms'), (r) => r.key, (r) => r.name),
    kind: map(readReference('organization-kinds'), (r) => r.key, (r) => r.name),
    language: map(readReference('languages'), (r) => r.code, (r) => r.name),
    level: LEVELS,
    type: TYPES,
    measure: MEASURES,
    decisionKind: DECISION_KINDS,
    gender: GENDERS,
    funding: FUNDINGS,
    degree: DEGREES,
    title: TITLES,
  };
  return fromReference;
}

/** The words for a value of a dimension; bodies come from `bodies` (their names in the register); a value with no words shows itself. */
export function valueLabel(dim: DimensionId, key: string | null, bodies: ReadonlyMap<string, LangMap> = new Map()): LangMap {
  if (key === null) return NOT_STATED;
  const known = dim === 'body' ? bodies.get(key) : referenceLabels()[dim]?.[key];
  return known ?? { kk: key, ru: key, en: key };
}
