// Accreditation decisions of recognized bodies, historical ones included, each with its source: the
// register or archive it comes from and its identifier there (a decision number, a DEQAR report id).
// Matched by body + source + identifier; written through accreditation's exchanged-decision service,
// so a published decision is never changed by a file (other facts for the same source → a problem).

import { z } from 'zod';
import { type ExchangedDecision, importedDecisionOf, isRecognizedBody, publicDecisionsPage } from '../../accreditation/accreditation.api.ts';
import { recordImportedDecision } from '../../accreditation/exchanged-decision.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { programmesByIds, programmesOfOrganization } from '../../registry/registry.api.ts';
import { organizationByIdentity, organizationIdentities } from '../../registry/registry-bulk.api.ts';
import type { Column } from '../import-columns.ts';
import type { CellProblem, ImportDescriptor } from '../import-descriptor.ts';
import { cellsOf, label, organizationCells } from './shared.ts';

/** The source of Sapa's own decisions in an export: their identifier is the decision's id. */
export const OWN_SOURCE = 'SAPA';

const COLUMNS: readonly Column[] = [
  {
    key: 'body',
    required: true,
    label: label('Аккредиттеу органы (БСН немесе кілт)', 'Аккредитационный орган (БИН или ключ)', 'Accreditation body (BIN or key)'),
    path: 'body',
    kind: 'text',
    natural: true,
    example: '000240005678',
  },
  { key: 'bodyName', label: label('Орган атауы', 'Название органа', 'Body name'), kind: 'text', example: '' },
  { key: 'source', required: true, label: label('Дереккөз', 'Источник', 'Source'), path: 'source', kind: 'text', natural: true, example: 'ARCHIVE' },
  {
    key: 'identifier',
    required: true,
    label: label('Дереккөздегі нөмірі', 'Номер в источнике', 'Identifier in the source'),
    path: 'identifier',
    kind: 'text',
    natural: true,
    example: '2019-045',
  },
  {
    key: 'organization',
    required: true,
    label: label('Ұйым (БСН немесе кілт)', 'Организация (БИН или ключ)', 'Organization (BIN or key)'),
    path: 'organization',
    kind: 'text',
    example: '000140001234',
  },
  { key: 'organizationName', label: label('Ұйым атауы', 'Название организации', 'Organization name'), kind: 'text', example: '' },
  {
    key: 'kind',
    required: true,
    label: label('Аккредиттеу түрі', 'Вид аккредитации', 'Kind of accreditation'),
    path: 'kind',
    kind: 'text',
    example: 'programme',
  },
  { key: 'outcome', required: true, label: label('Шешім', 'Решение', 'Outcome'), path: 'outcome', kind: 'text', example: 'accredited' },
  {
    key: 'validFrom',
    required: true,
    label: label('Шешім күні / күшіне енген күн', 'Дата решения / начала действия', 'Decided on / valid from'),
    path: 'validFrom',
    kind: 'day',
    example: '20.05.2019',
  },
  { key: 'validTo', label: label('Қолданылу мерзімі', 'Действует до', 'Valid to'), path: 'validTo', kind: 'day', example: '19.05.2024' },
  { key: 'programmes', label: label('Бағдарлама кодтары', 'Коды программ', 'Programme codes'), path: 'programmes', kind: 'list', example: '6B06101' },
];

const decisionRowSchema = z.object({
  body: z.string(),
  source: z.string().trim().min(1).max(40),
  identifier: z.string().trim().min(1).max(200),
  organization: z.string(),
  kind: z.enum(['institutional', 'programme']),
  outcome: z.enum(['accredited', 'refused', 'not-applicable']),
  validFrom: z.string(),
  validTo: z.string().optional(),
  programmes: z
    .array(z.string())
    .default([])
    .transform((codes) => [...codes].sort()),
  bodyId: z.string(),
  organizationId: z.string(),
  programmeIds: z.array(z.string()).default([]),
});
type DecisionRow = z.infer<typeof decisionRowSchema>;

/** A decision as the file says it (identities and codes, not ids). */
type DecisionCells = {
  id: string;
  bodyId: string;
  organizationId: string;
  body: string;
  source: string;
  identifier: string;
  organization: string;
  kind: string;
  outcome: string;
  validFrom: string;
  validTo: string | null;
  programmes: string[];
};

const problem = (column: string, messageKey: string, params?: Record<string, string>): CellProblem => ({ column, messageKey, params });

async function resolveDecision(ctx: Ctx, input: Record<string, unknown>): Promise<CellProblem[]> {
  const problems: CellProblem[] = [];
  const body = input.body === undefined ? null : await organizationByIdentity(ctx.db, String(input.body));
  if (input.body !== undefined && !body) problems.push(problem('body', 'errors.interop.unknownOrganization', { value: String(input.body) }));
  else if (body && !(await isRecognizedBody(ctx.db, body.id)))
    problems.push(problem('body', 'errors.interop.decisions.notRecognized', { value: String(input.body) }));
  else if (body) input.bodyId = body.id;
  const organization = input.organization === undefined ? null : await organizationByIdentity(ctx.db, String(input.organization));
  if (input.organization !== undefined && !organization)
    problems.push(problem('organization', 'errors.interop.unknownOrganization', { value: String(input.organization) }));
  if (organization) {
    input.organizationId = organization.id;
    const codes = (input.programmes as string[] | undefined) ?? [];
    const ofOrganization = await programmesOfOrganization(ctx.db, organization.id);
    const ids: string[] = [];
    for (const code of codes) {
      const latest = ofOrganization.filter((p) => p.code.toUpperCase() === code.toUpperCase()).sort((a, b) => b.edition - a.edition)[0];
      if (latest) ids.push(latest.id);
      else problems.push(problem('programmes', 'errors.interop.decisions.unknownProgramme', { value: code }));
    }
    input.programmeIds = ids;
  }
  if (input.kind === 'programme' && !((input.programmes as string[] | undefined) ?? []).length)
    problems.push(problem('programmes', 'errors.interop.decisions.programmesRequired'));
  if (input.outcome === 'accredited' && input.validTo === undefined) problems.push(problem('validTo', 'errors.interop.decisions.validToRequired'));
  if (typeof input.validTo === 'string' && typeof input.validFrom === 'string' && input.validTo <= input.validFrom)
    problems.push(problem('validTo', 'errors.interop.decisions.validToBeforeFrom'));
  return problems;
}

/** The decisions as their cells: identities of body and organization, codes of programmes, source. */
async function asCells(ctx: Ctx, decisions: readonly ExchangedDecision[]): Promise<DecisionCells[]> {
  const identities = await organizationIdentities(ctx.db, [...new Set(decisions.flatMap((d) => [d.bodyId, d.organizationId]))]);
  const programmes = new Map(
    (
      await programmesByIds(
        ctx.db,
        decisions.flatMap((d) => d.programmeIds),
      )
    ).map((p) => [p.id, p.code]),
  );
  return decisions.map((d) => ({
    id: d.id,
    bodyId: d.bodyId,
    organizationId: d.organizationId,
    body: identities.get(d.bodyId)?.identity ?? '',
    source: d.imported ? String(d.imported.register) : OWN_SOURCE,
    identifier: d.imported ? String(d.imported.identifier) : d.id,
    organization: identities.get(d.organizationId)?.identity ?? '',
    kind: d.kind,
    outcome: d.outcome,
    validFrom: d.validFrom ?? d.decidedOn,
    validTo: d.validTo,
    programmes: d.programmeIds.map((id) => programmes.get(id) ?? '').sort(),
  }));
}

function serviceInput(row: DecisionRow) {
  return {
    bodyId: row.bodyId,
    organizationId: row.organizationId,
    kind: row.kind,
    outcome: row.outcome,
    validFrom: row.validFrom,
    validTo: row.validTo ?? row.validFrom,
    programmeIds: row.programmeIds,
    imported: { register: row.source, identifier: row.identifier },
  };
}

export const decisionsDescriptor: ImportDescriptor<DecisionRow, DecisionCells> = {
  register: 'decisions',
  permission: 'accreditation.approve',
  columns: COLUMNS,
  schema: decisionRowSchema,
  pathAliases: { bodyId: 'body', organizationId: 'organization', programmeIds: 'programmes' },
  resolve: resolveDecision,
  async find(ctx, row) {
    const found = await importedDecisionOf(ctx.db, row.bodyId, row.source, row.identifier);
    return found ? ((await asCells(ctx, [found]))[0] ?? null) : null;
  },
  create: (ctx, row) => recordImportedDecision(ctx, serviceInput(row)),
  // Other facts for a report recorded before: the service refuses (a published decision changes by appeal, not by file).
  update: (ctx, _current, row) => recordImportedDecision(ctx, serviceInput(row)),
  async cells(ctx, records, lang) {
    const organization = await organizationCells(
      ctx,
      records.flatMap((r) => [r.bodyId, r.organizationId]),
      lang,
    );
    return records.map((r) => ({ ...cellsOf(COLUMNS, r), bodyName: organization(r.bodyId).name, organizationName: organization(r.organizationId).name }));
  },
  page: async (ctx, options) => asCells(ctx, await publicDecisionsPage(ctx.db, options)),
};
