// Occupational standards: matched by code; occupations with their labour functions, skills and
// knowledge as one JSON cell. Written through the frameworks module's service (its classifier,
// SQF and level checks apply).
import { occupationalStandardByCode, occupationalStandardsPage } from '../../frameworks/frameworks.api.ts';
import { type OccupationalStandard, type OccupationalStandardInput, occupationalStandardInputSchema } from '../../frameworks/occupational-standard.schema.ts';
import { createOccupationalStandard, updateOccupationalStandard } from '../../frameworks/occupational-standard.service.ts';
import type { Column } from '../import-columns.ts';
import type { ImportDescriptor } from '../import-descriptor.ts';
import { cellsOf, label, patchOf } from './shared.ts';

const OCCUPATIONS_EXAMPLE = JSON.stringify([
  {
    code: '2512-1',
    name: { kk: 'Бағдарламашы', ru: 'Программист', en: 'Software developer' },
    nqfLevel: 6,
    labourFunctions: [{ code: 'ТФ1', name: { kk: 'Бағдарламалық қамтуды әзірлеу', ru: 'Разработка программного обеспечения', en: 'Software development' } }],
  },
]);

const COLUMNS: readonly Column[] = [
  {
    key: 'code',
    required: true,
    label: label('Стандарт коды', 'Код стандарта', 'Standard code'),
    path: 'code',
    kind: 'text',
    natural: true,
    example: 'PS-IT-001',
  },
  {
    key: 'nameKk',
    label: label('Атауы (қазақша)', 'Название (на казахском)', 'Name (Kazakh)'),
    path: 'name.kk',
    kind: 'text',
    example: 'Бағдарламалық қамтуды әзірлеу',
  },
  {
    key: 'nameRu',
    label: label('Атауы (орысша)', 'Название (на русском)', 'Name (Russian)'),
    path: 'name.ru',
    kind: 'text',
    example: 'Разработка программного обеспечения',
  },
  {
    key: 'nameEn',
    label: label('Атауы (ағылшынша)', 'Название (на английском)', 'Name (English)'),
    path: 'name.en',
    kind: 'text',
    example: 'Software development',
  },
  {
    key: 'sectorKk',
    label: label('Сала (қазақша)', 'Отрасль (на казахском)', 'Sector (Kazakh)'),
    path: 'sector.kk',
    kind: 'text',
    example: 'Ақпараттық технологиялар',
  },
  {
    key: 'sectorRu',
    label: label('Сала (орысша)', 'Отрасль (на русском)', 'Sector (Russian)'),
    path: 'sector.ru',
    kind: 'text',
    example: 'Информационные технологии',
  },
  {
    key: 'sectorEn',
    label: label('Сала (ағылшынша)', 'Отрасль (на английском)', 'Sector (English)'),
    path: 'sector.en',
    kind: 'text',
    example: 'Information technology',
  },
  { key: 'developer', label: label('Әзірлеуші', 'Разработчик', 'Developer'), path: 'developer', kind: 'text', example: 'Ассоциация IT-компаний' },
  { key: 'approvedOn', label: label('Бекітілген күні', 'Дата утверждения', 'Approved on'), path: 'approvedOn', kind: 'day', example: '01.09.2023' },
  { key: 'edition', label: label('Басылым', 'Редакция', 'Edition'), path: 'edition', kind: 'text', example: '1' },
  { key: 'status', label: label('Мәртебесі', 'Статус', 'Status'), path: 'status', kind: 'text', example: 'active' },
  {
    key: 'occupations',
    label: label('Кәсіптер (JSON)', 'Профессии (JSON)', 'Occupations (JSON)'),
    path: 'occupations',
    kind: 'json',
    example: OCCUPATIONS_EXAMPLE,
  },
];

export const occupationalStandardsDescriptor: ImportDescriptor<OccupationalStandardInput, OccupationalStandard> = {
  register: 'occupational-standards',
  permission: 'occupational-standard.manage',
  columns: COLUMNS,
  schema: occupationalStandardInputSchema,
  resolve: async () => [],
  find: (ctx, input) => occupationalStandardByCode(ctx.db, input.code),
  create: (ctx, input) => createOccupationalStandard(ctx, input),
  update: (ctx, current, input, present) => updateOccupationalStandard(ctx, current.id, patchOf(COLUMNS, present, input, [])),
  async cells(_ctx, records) {
    return records.map((s) => cellsOf(COLUMNS, s));
  },
  page: (ctx, options) => occupationalStandardsPage(ctx.db, options),
};
