// Organizations: matched by BIN, or by key when there is no BIN. Written through the registry's
// organization service (its duplicate and reference checks apply).
import { organizationByIdentity, organizationsPage } from '../../registry/registry-bulk.api.ts';
import { type Organization, type OrganizationInput, organizationInputSchema } from '../../registry/organization.schema.ts';
import { createOrganization, updateOrganization } from '../../registry/organization.service.ts';
import type { Column } from '../import-columns.ts';
import type { ImportDescriptor } from '../import-descriptor.ts';
import { cellsOf, label, patchOf } from './shared.ts';

const COLUMNS: readonly Column[] = [
  { key: 'bin', label: label('БСН', 'БИН', 'BIN'), path: 'bin', kind: 'text', natural: true, example: '000140001234' },
  { key: 'key', label: label('Кілт', 'Ключ', 'Key'), path: 'key', kind: 'text', natural: true, example: 'kaznu' },
  { key: 'nameKk', label: label('Атауы (қазақша)', 'Название (на казахском)', 'Name (Kazakh)'), path: 'name.kk', kind: 'text', example: 'Әл-Фараби атындағы Қазақ ұлттық университеті' },
  { key: 'nameRu', label: label('Атауы (орысша)', 'Название (на русском)', 'Name (Russian)'), path: 'name.ru', kind: 'text', example: 'Казахский национальный университет имени аль-Фараби' },
  { key: 'nameEn', label: label('Атауы (ағылшынша)', 'Название (на английском)', 'Name (English)'), path: 'name.en', kind: 'text', example: 'Al-Farabi Kazakh National University' },
  { key: 'shortName', label: label('Қысқа атауы', 'Краткое название', 'Short name'), path: 'shortName', kind: 'text', example: 'ҚазҰУ' },
  { key: 'aliases', label: label('Басқа атаулары', 'Другие названия', 'Other names'), path: 'aliases', kind: 'list', example: 'KazNU' },
  { key: 'kind', label: label('Түрі', 'Тип', 'Kind'), path: 'kind', kind: 'text', example: 'university' },
  { key: 'legalForm', label: label('Ұйымдық-құқықтық нысаны', 'Организационно-правовая форма', 'Legal form'), path: 'legalForm', kind: 'text', example: '' },
  { key: 'regionCode', label: label('Өңір коды', 'Код региона', 'Region code'), path: 'regionCode', kind: 'text', example: '' },
  { key: 'status', label: label('Мәртебесі', 'Статус', 'Status'), path: 'status', kind: 'text', example: 'active' },
  { key: 'website', label: label('Сайт', 'Сайт', 'Website'), path: 'website', kind: 'text', example: 'https://www.kaznu.kz' },
  { key: 'identifiers', label: label('Басқа идентификаторлар (JSON)', 'Другие идентификаторы (JSON)', 'Other identifiers (JSON)'), path: 'identifiers', kind: 'json', example: '' },
];

export const organizationsDescriptor: ImportDescriptor<OrganizationInput, Organization> = {
  register: 'organizations',
  permission: 'organization.create',
  columns: COLUMNS,
  schema: organizationInputSchema,
  resolve: async (_ctx, input) => (input.bin === undefined && input.key === undefined ? [{ column: 'bin', messageKey: 'errors.interop.binOrKey' }] : []),
  find: (ctx, input) => organizationByIdentity(ctx.db, (input.bin ?? input.key) as string),
  create: (ctx, input) => createOrganization(ctx, input),
  update: (ctx, current, input, present) => updateOrganization(ctx, current.id, patchOf(COLUMNS, present, input, ['licences'])),
  async cells(_ctx, records) {
    return records.map((o) => cellsOf(COLUMNS, o));
  },
  page: (ctx, options) => organizationsPage(ctx.db, options),
};
