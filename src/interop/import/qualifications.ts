// Qualifications: matched by code; the awarding body named by its BIN or key. Written through the
// registry's qualification service.
import { qualificationByCode, qualificationsPage } from '../../registry/registry-bulk.api.ts';
import { type Qualification, type QualificationInput, qualificationInputSchema } from '../../registry/qualification.schema.ts';
import { createQualification, updateQualification } from '../../registry/qualification.service.ts';
import type { Column } from '../import-columns.ts';
import type { ImportDescriptor } from '../import-descriptor.ts';
import { cellsOf, label, organizationCells, patchOf, resolveOrganization } from './shared.ts';

const COLUMNS: readonly Column[] = [
  { key: 'code', required: true, label: label('Біліктілік коды', 'Код квалификации', 'Qualification code'), path: 'code', kind: 'text', natural: true, example: 'Q-6-0611-01' },
  { key: 'nameKk', label: label('Атауы (қазақша)', 'Название (на казахском)', 'Name (Kazakh)'), path: 'name.kk', kind: 'text', example: 'Ақпараттық жүйелер бакалавры' },
  { key: 'nameRu', label: label('Атауы (орысша)', 'Название (на русском)', 'Name (Russian)'), path: 'name.ru', kind: 'text', example: 'Бакалавр информационных систем' },
  { key: 'nameEn', label: label('Атауы (ағылшынша)', 'Название (на английском)', 'Name (English)'), path: 'name.en', kind: 'text', example: 'Bachelor of Information Systems' },
  { key: 'kind', label: label('Түрі', 'Вид', 'Kind'), path: 'kind', kind: 'text', example: 'higher-education' },
  { key: 'qualificationType', label: label('Біліктілік типі', 'Тип квалификации', 'Qualification type'), path: 'qualificationType', kind: 'text', example: '' },
  { key: 'nqfLevel', label: label('ҰБШ деңгейі', 'Уровень НРК', 'NQF level'), path: 'nqfLevel', kind: 'int', example: '6' },
  { key: 'awardingBody', label: label('Беретін ұйым (БСН немесе кілт)', 'Присуждающая организация (БИН или ключ)', 'Awarding body (BIN or key)'), path: 'awardingBody', kind: 'text', example: '' },
  { key: 'awardingBodyName', label: label('Беретін ұйым атауы', 'Название присуждающей организации', 'Awarding body name'), kind: 'text', example: '' },
  { key: 'fieldCode', label: label('Білім саласының коды', 'Код области образования', 'Field of education code'), path: 'fieldCode', kind: 'text', example: '06' },
  { key: 'occupations', label: label('Кәсіптер (JSON)', 'Профессии (JSON)', 'Occupations (JSON)'), path: 'occupations', kind: 'json', example: '' },
];

export const qualificationsDescriptor: ImportDescriptor<QualificationInput, Qualification> = {
  register: 'qualifications',
  permission: 'qualification.manage',
  columns: COLUMNS,
  schema: qualificationInputSchema,
  pathAliases: { awardingBodyId: 'awardingBody' },
  resolve: (ctx, input) => resolveOrganization(ctx, input, 'awardingBody', 'awardingBody', 'awardingBodyId'),
  find: (ctx, input) => qualificationByCode(ctx.db, input.code),
  create: (ctx, input) => createQualification(ctx, input),
  update: (ctx, current, input, present) => updateQualification(ctx, current.id, patchOf(COLUMNS, present, input, [])),
  async cells(ctx, records, lang) {
    const organization = await organizationCells(ctx, records.map((q) => q.awardingBodyId), lang);
    return records.map((q) => {
      const body = organization(q.awardingBodyId);
      return { ...cellsOf(COLUMNS, q), awardingBody: body.identity, awardingBodyName: body.name };
    });
  },
  page: (ctx, options) => qualificationsPage(ctx.db, options),
};
