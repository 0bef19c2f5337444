// National statistics (students, population, grants, faculty): one row per observation of a
// dataset in a period, matched by the dataset, period and every dimension (a blank one is the
// total over it), with its value and source. Written through the registry's statistics service,
// which keeps each observation's versions; the same file again leaves everything unchanged.
import { observationInputSchema, type Observation, type ObservationInput } from '../../registry/statistics.schema.ts';
import { observationWithKey, observationsPage, recordObservation } from '../../registry/statistics.service.ts';
import type { Column } from '../import-columns.ts';
import type { ImportDescriptor } from '../import-descriptor.ts';
import { cellsOf, label } from './shared.ts';

const COLUMNS: readonly Column[] = [
  { key: 'dataset', required: true, natural: true, label: label('Деректер жиыны', 'Набор данных', 'Dataset'), path: 'dataset', kind: 'text', example: 'students' },
  { key: 'period', required: true, natural: true, label: label('Кезең', 'Период', 'Period'), path: 'period', kind: 'text', example: '2023-2024' },
  { key: 'region', natural: true, label: label('Өңір коды', 'Код региона', 'Region code'), path: 'regionCode', kind: 'text', example: 'KZ-75' },
  { key: 'level', natural: true, label: label('Деңгей', 'Уровень', 'Level'), path: 'level', kind: 'text', example: '6' },
  { key: 'gender', natural: true, label: label('Жынысы', 'Пол', 'Gender'), path: 'gender', kind: 'text', example: 'female' },
  { key: 'funding', natural: true, label: label('Қаржыландыру', 'Финансирование', 'Funding'), path: 'funding', kind: 'text', example: 'state' },
  { key: 'age', natural: true, label: label('Жасы', 'Возраст', 'Age'), path: 'age', kind: 'text', example: '18-22' },
  { key: 'degree', natural: true, label: label('Ғылыми дәрежесі', 'Учёная степень', 'Degree'), path: 'degree', kind: 'text', example: 'phd' },
  { key: 'title', natural: true, label: label('Ғылыми атағы', 'Учёное звание', 'Academic title'), path: 'title', kind: 'text', example: 'professor' },
  { key: 'value', required: true, label: label('Мәні', 'Значение', 'Value'), path: 'value', kind: 'int', example: '12345' },
  { key: 'source', required: true, label: label('Дереккөзі', 'Источник', 'Source'), path: 'source', kind: 'text', example: 'Бюро национальной статистики, 2024' },
];

export const statisticsDescriptor: ImportDescriptor<ObservationInput, Observation> = {
  register: 'statistics',
  permission: 'statistics.manage',
  columns: COLUMNS,
  schema: observationInputSchema,
  resolve: async () => [],
  find: (ctx, row) => observationWithKey(ctx, row),
  create: (ctx, row) => recordObservation(ctx, row),
  update: (ctx, _current, row) => recordObservation(ctx, row),
  cells: async (_ctx, records) => records.map((o) => cellsOf(COLUMNS, o)),
  page: (ctx, options) => observationsPage(ctx, options),
};
