// Certification centres (independent certification of specialists): one row per centre, matched by
// its organization (BIN or key); the occupational standards it certifies against named by their
// codes. Written through the registry's qualification service (registerCertificationCentre: its
// access rule, references and date order apply).
import { z } from 'zod';
import { occupationalStandardByCode, occupationalStandardsByIds } from '../../frameworks/frameworks.api.ts';
import type { Ctx } from '../../platform/context.ts';
import { rememberedReference } from '../../platform/db/bulk-session.ts';
import { certificationCentreInputSchema } from '../../registry/qualification.schema.ts';
import { registerCertificationCentre } from '../../registry/qualification.service.ts';
import { type CertificationCentreRecord, certificationCentreByOrganization, certificationCentresPage } from '../../registry/registry-bulk.api.ts';
import type { Column } from '../import-columns.ts';
import type { CellProblem, ImportDescriptor } from '../import-descriptor.ts';
import { cellsOf, label, organizationCells, organizationColumns, resolveOrganization } from './shared.ts';

const COLUMNS: readonly Column[] = [
  ...organizationColumns({ natural: true }),
  { key: 'sector', required: true, label: label('Сала', 'Отрасль', 'Sector'), path: 'sector', kind: 'text', example: 'Ақпараттық технологиялар' },
  {
    key: 'occupationalStandards',
    label: label('Кәсіби стандарттар кодтары', 'Коды профессиональных стандартов', 'Occupational standard codes'),
    path: 'occupationalStandards',
    kind: 'list',
    example: 'PS-IT-001',
  },
  { key: 'accreditedOn', label: label('Аккредиттелген күні', 'Дата аккредитации', 'Accredited on'), path: 'accreditedOn', kind: 'day', example: '01.03.2024' },
  { key: 'validUntil', label: label('Қолданылу мерзімі', 'Действует до', 'Valid until'), path: 'validUntil', kind: 'day', example: '01.03.2029' },
];

const sorted = (codes: string[]) => [...codes].sort();

const centreRowSchema = certificationCentreInputSchema.extend({ occupationalStandards: z.array(z.string().min(1)).default([]).transform(sorted) });
type CentreRow = z.infer<typeof centreRowSchema>;
/** The stored centre with its standards' codes, compared cell by cell with the file's row. */
type Centre = CertificationCentreRecord & { occupationalStandards: string[] };

/** Replaces the standards' codes by their ids (the codes stay for the unchanged check). */
async function resolveStandards(ctx: Ctx, input: Record<string, unknown>): Promise<CellProblem[]> {
  const codes = (input.occupationalStandards as string[] | undefined) ?? [];
  const problems: CellProblem[] = [];
  const ids: string[] = [];
  for (const code of codes) {
    const standard = await rememberedReference(ctx.db, `occupationalStandardByCode|${code}`, () => occupationalStandardByCode(ctx.db, code));
    if (standard) ids.push(standard.id);
    else problems.push({ column: 'occupationalStandards', messageKey: 'errors.interop.unknownStandard', params: { value: code } });
  }
  input.occupationalStandardIds = ids;
  return problems;
}

async function withCodes(ctx: Ctx, centres: readonly CertificationCentreRecord[]): Promise<Centre[]> {
  const standards = await occupationalStandardsByIds(ctx.db, [...new Set(centres.flatMap((c) => c.occupationalStandardIds))]);
  const codeOf = new Map(standards.map((s) => [s.id, s.code]));
  return centres.map((c) => ({ ...c, occupationalStandards: sorted(c.occupationalStandardIds.map((id) => codeOf.get(id) ?? id)) }));
}

const inputOf = ({ organization: _o, occupationalStandards: _s, ...input }: CentreRow & { organization?: unknown }) => input;

export const certificationCentresDescriptor: ImportDescriptor<CentreRow, Centre> = {
  register: 'certification-centres',
  permission: 'certification-centre.manage',
  columns: COLUMNS,
  schema: centreRowSchema,
  pathAliases: { organizationId: 'organization', occupationalStandardIds: 'occupationalStandards' },
  async resolve(ctx, input) {
    return [...(await resolveOrganization(ctx, input, 'organization', 'organization', 'organizationId')), ...(await resolveStandards(ctx, input))];
  },
  async find(ctx, row) {
    const found = await certificationCentreByOrganization(ctx.db, row.organizationId);
    return found ? ((await withCodes(ctx, [found]))[0] ?? null) : null;
  },
  create: (ctx, row) => registerCertificationCentre(ctx, inputOf(row)),
  // Registration replaces the centre: columns the file lacks keep what the centre has.
  update: (ctx, current, row, present) =>
    registerCertificationCentre(ctx, {
      ...inputOf(row),
      ...(!present.has('occupationalStandards') && { occupationalStandardIds: current.occupationalStandardIds }),
      ...(!present.has('accreditedOn') && { accreditedOn: current.accreditedOn ?? undefined }),
      ...(!present.has('validUntil') && { validUntil: current.validUntil ?? undefined }),
    }),
  async cells(ctx, records, lang) {
    const organization = await organizationCells(
      ctx,
      records.map((c) => c.organizationId),
      lang,
    );
    return records.map((c) => {
      const org = organization(c.organizationId);
      return { ...cellsOf(COLUMNS, c), organization: org.identity, organizationName: org.name };
    });
  },
  page: async (ctx, options) => withCodes(ctx, await certificationCentresPage(ctx.db, options)),
};
