// A valid programme passport (bachelor, information systems) for the tests that file programmes.
export const PROGRAMME_NAME = { kk: 'Ақпараттық жүйелер', ru: 'Информационные системы', en: 'Information systems' };

export const programmePassport = (organizationId: string, over: Record<string, unknown> = {}) => ({
  organizationId,
  code: '6B06101',
  name: PROGRAMME_NAME,
  fieldCode: '06',
  directionCode: '061',
  nqfLevel: 6,
  degree: 'bachelor',
  creditsEcts: 240,
  languages: ['kk', 'ru'],
  outcomes: [
    { code: 'LO1', text: { kk: 'Деректер қорын жобалайды', ru: 'Проектирует базы данных', en: 'Designs databases' } },
    { code: 'LO2', text: { kk: 'Бағдарлама жазады', ru: 'Пишет программы', en: 'Writes programs' } },
  ],
  courses: [{ code: 'DB101', name: { kk: 'Деректер қоры', ru: 'Базы данных', en: 'Databases' }, cycle: 'major', component: 'core', credits: 6, outcomes: ['LO1'] }],
  ...over,
});
