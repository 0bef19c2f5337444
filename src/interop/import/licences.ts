// Licences of education organizations: one row per licence, matched by organization + number.
// Written through the registry's organization service (its access rule, programme-group codes and
// date order apply); a licence's attachments are not part of the file.

import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { licenceInputSchema } from '../../registry/organization.schema.ts';
import { addLicence, updateLicence } from '../../registry/organization.service.ts';
import { type LicenceRecord, licenceByNumber, licencesPage } from '../../registry/registry-bulk.api.ts';
import type { Column } from '../import-columns.ts';
import type { ImportDescriptor } from '../import-descriptor.ts';
import { cellsOf, label, organizationCells, organizationColumns, resolveOrganization } from './shared.ts';

const COLUMNS: readonly Column[] = [
  ...organizationColumns({ natural: true }),
  {
    key: 'number',
    required: true,
    label: label('Лицензия нөмірі', 'Номер лицензии', 'Licence number'),
    path: 'number',
    kind: 'text',
    natural: true,
    example: 'KZ12LAA00001234',
  },
  { key: 'issuedOn', required: true, label: label('Берілген күні', 'Дата выдачи', 'Issued on'), path: 'issuedOn', kind: 'day', example: '01.08.2020' },
  { key: 'validUntil', label: label('Қолданылу мерзімі', 'Действует до', 'Valid until'), path: 'validUntil', kind: 'day', example: '' },
  {
    key: 'programmeGroups',
    label: label('Бағдарламалар топтары', 'Группы программ', 'Programme groups'),
    path: 'programmeGroups',
    kind: 'list',
    example: 'B057; B058',
  },
  { key: 'status', label: label('Мәртебесі', 'Статус', 'Status'), path: 'status', kind: 'text', example: 'active' },
];

const licenceRowSchema = licenceInputSchema.omit({ attachments: true }).extend({
  organizationId: z.string(),
  programmeGroups: z
    .array(z.string().min(1))
    .default([])
    .transform((groups) => [...groups].sort()),
});
type LicenceRow = z.infer<typeof licenceRowSchema>;

/** The service checks a licence as licences.0 of an organization: its problems name the licence's own fields. */
async function asLicence<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof AppError) || !error.details.issues) throw error;
    const issues = error.details.issues.map((i) => ({ ...i, path: i.path.replace(/^licences\.\d+\./, '') }));
    throw new AppError(error.code, error.status, error.messageKey, { ...error.details, issues });
  }
}

const licenceOf = ({ organizationId: _organization, ...licence }: LicenceRow) => ({ ...licence, attachments: [] });

export const licencesDescriptor: ImportDescriptor<LicenceRow, LicenceRecord & { id?: string }> = {
  register: 'licences',
  permission: 'licence.manage',
  columns: COLUMNS,
  schema: licenceRowSchema,
  pathAliases: { organizationId: 'organization' },
  resolve: (ctx, input) => resolveOrganization(ctx, input, 'organization', 'organization', 'organizationId'),
  find: (ctx, row) => licenceByNumber(ctx.db, row.organizationId, row.number),
  create: (ctx, row) => asLicence(() => addLicence(ctx, row.organizationId, licenceOf(row))),
  // Columns the file does not have keep what the licence says (a file without a status column does not reactivate it).
  update: (ctx, current, row, present) =>
    asLicence(() =>
      updateLicence(ctx, row.organizationId, {
        ...licenceOf(row),
        ...(!present.has('validUntil') && { validUntil: current.validUntil }),
        ...(!present.has('programmeGroups') && { programmeGroups: current.programmeGroups }),
        ...(!present.has('status') && { status: current.status as LicenceRow['status'] }),
      }),
    ),
  async cells(ctx, records, lang) {
    const organization = await organizationCells(
      ctx,
      records.map((l) => l.organizationId),
      lang,
    );
    return records.map((l) => {
      const org = organization(l.organizationId);
      return { ...cellsOf(COLUMNS, { ...l, programmeGroups: [...l.programmeGroups].sort() }), organization: org.identity, organizationName: org.name };
    });
  },
  page: (ctx, options) => licencesPage(ctx.db, options),
};
