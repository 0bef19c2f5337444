// DEQAR v2 reports (JSON or CSV) recorded as decisions of recognized bodies. Every report is
// resolved first (agency → a body in Register 1, institutions by DEQAR id, ETER id, BIN or Sapa
// id, programmes by code or name); any problem in any report → 422 listing them all and nothing
// written. Then each becomes a decision through accreditation's service, in the caller's transaction.
import { createHash } from 'node:crypto';
import { isRecognizedBody } from '../../accreditation/accreditation.api.ts';
import { recordImportedDecision } from '../../accreditation/exchanged-decision.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { type FieldIssue, validationFailed } from '../../platform/errors.ts';
import {
  type OrganizationRef,
  type ProgrammeRef,
  organizationById,
  organizationByExternalId,
  organizationsByAgencyName,
  programmesOfOrganization,
} from '../../registry/registry.api.ts';
import { columnOfPath, reportsOfCsv } from './csv.ts';
import { SAPA_RESOURCE } from './deqar-export.ts';
import { type DeqarInstitution, type DeqarProgramme, type DeqarReport, readReport, readReports } from './report.ts';
import { nqfOfQfEhea } from './vocabulary.ts';

export const REGISTER = 'DEQAR';

const OUTCOME_OF_DECISION: Record<DeqarReport['decision'], string> = {
  positive: 'accredited',
  'positive with conditions or restrictions': 'accredited',
  negative: 'refused',
  'not applicable': 'not-applicable',
};

type Located = { report: DeqarReport; at: (path: string) => string };
type Resolved = Parameters<typeof recordImportedDecision>[1];

async function institutionOf(ctx: Ctx, ref: DeqarInstitution): Promise<OrganizationRef | undefined> {
  if (ref.resource?.trim().toLowerCase() === SAPA_RESOURCE && ref.identifier) return organizationById(ctx.db, ref.identifier.trim());
  return organizationByExternalId(ctx.db, ref);
}

const folded = (s: string | null | undefined) => (s ?? '').trim().toLocaleLowerCase('ru');

/** The register's programme a DEQAR programme describes: same code (its identifier), else same name at the same level. */
export function matchProgramme(p: DeqarProgramme, candidates: ProgrammeRef[]): ProgrammeRef | undefined {
  const ids = new Set((p.identifiers ?? []).map((i) => i.identifier.trim()));
  const byId = candidates.find((c) => ids.has(c.id)) ?? candidates.find((c) => ids.has(c.code));
  if (byId) return byId;
  const names = new Set([p.name_primary, ...(p.name_alternative ?? [])].map(folded));
  const level = nqfOfQfEhea(p.qf_ehea_level);
  return candidates.find((c) => c.nqf_level === level && [c.name_kk, c.name_ru, c.name_en].some((n) => n && names.has(folded(n))));
}

/** A stable identifier for a report that brings none of its own (DEQAR's local identifier is optional). */
function contentIdentifier(report: DeqarReport): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(report)).digest('hex').slice(0, 32)}`;
}

async function resolve(ctx: Ctx, { report, at }: Located, issues: FieldIssue[]): Promise<Resolved | undefined> {
  const before = issues.length;
  const candidates = await organizationsByAgencyName(ctx.db, report.agency);
  let body: OrganizationRef | undefined;
  for (const c of candidates) if (await isRecognizedBody(ctx.db, c.id)) body ??= c;
  if (!body) {
    const key = candidates.length ? 'agencyNotRecognized' : 'agencyUnknown';
    issues.push({ path: at('agency'), messageKey: `errors.deqar.${key}`, params: { agency: report.agency } });
  }
  const institutions: OrganizationRef[] = [];
  for (const [n, ref] of report.institutions.entries()) {
    const found = await institutionOf(ctx, ref);
    if (found) institutions.push(found);
    else issues.push({ path: at(`institutions[${n + 1}]`), messageKey: 'errors.deqar.institutionUnknown', params: { identifier: ref.deqar_id ?? ref.eter_id ?? ref.identifier ?? '' } });
  }
  if (issues.length > before || !body) return undefined;
  const organization = institutions[0] as OrganizationRef;
  const programmes = (await Promise.all(institutions.map((i) => programmesOfOrganization(ctx.db, i.id)))).flat();
  const matched: string[] = [];
  const unmatched: DeqarProgramme[] = [];
  for (const p of report.programmes) {
    const found = matchProgramme(p, programmes);
    if (found) matched.push(found.id);
    else unmatched.push(p);
  }
  const { validFrom, validTo, kind, programmes: _p, institutions: given, report_files, ...rest } = report;
  return {
    bodyId: body.id,
    organizationId: organization.id,
    kind: kind === 'institutional' ? 'institutional' : 'programme',
    outcome: OUTCOME_OF_DECISION[report.decision],
    validFrom,
    validTo,
    programmeIds: matched,
    imported: {
      register: REGISTER,
      identifier: rest.local_identifier ?? rest.report_id ?? contentIdentifier(report),
      kind,
      agency: rest.agency,
      status: rest.status,
      decision: rest.decision,
      ...(rest.report_id && { reportId: rest.report_id }),
      ...(rest.activities && { activities: rest.activities }),
      ...(rest.contributing_agencies && { contributingAgencies: rest.contributing_agencies }),
      ...(rest.summary && { summary: rest.summary }),
      ...(rest.other_comment && { otherComment: rest.other_comment }),
      ...(rest.report_links && { links: rest.report_links }),
      // A file's content stays in DEQAR: only where to find it and how it is labelled travel.
      ...(report_files && { files: report_files.map(({ file: _content, ...file }) => file) }),
      ...(given.length > 1 && { institutions: given }),
      ...(unmatched.length && { unmatchedProgrammes: unmatched }),
    },
  };
}

export type ImportResult = { identifier: string; decisionId: string; created: boolean };

/** Resolves every readable report (so a file's problems are listed all at once, `issues` first), then records them. */
async function importLocated(ctx: Ctx, located: Located[], issues: FieldIssue[] = []): Promise<ImportResult[]> {
  const resolved: Resolved[] = [];
  for (const l of located) {
    const r = await resolve(ctx, l, issues);
    if (r) resolved.push(r);
  }
  if (issues.length) throw validationFailed(issues);
  const results: ImportResult[] = [];
  for (const r of resolved) {
    const { id, created } = await recordImportedDecision(ctx, r);
    results.push({ identifier: r.imported.identifier, decisionId: id, created });
  }
  return results;
}

/** A JSON submission (one report or an array); the caller opens the transaction. */
export async function importDeqarJson(ctx: Ctx, submitted: unknown): Promise<ImportResult[]> {
  const read = readReports(submitted);
  if ('issues' in read) throw validationFailed(read.issues);
  const many = Array.isArray(submitted);
  return importLocated(
    ctx,
    read.reports.map((report, n) => ({ report, at: (path) => (many ? `[${n + 1}].${path}` : path) })),
  );
}

/** A DEQAR CSV (one report per row); problems name the row (line) and the CSV column. */
export async function importDeqarCsv(ctx: Ctx, csv: string): Promise<ImportResult[]> {
  let rows: ReturnType<typeof reportsOfCsv>;
  try {
    rows = reportsOfCsv(csv);
  } catch (error) {
    throw validationFailed([{ path: 'csv', messageKey: 'errors.deqar.badCsv', params: { reason: error instanceof Error ? error.message : String(error) } }]);
  }
  const issues: FieldIssue[] = [];
  const located: Located[] = [];
  for (const { line, report } of rows) {
    const read = readReport(report);
    const at = (path: string) => `row ${line}: ${columnOfPath(path)}`;
    if ('report' in read) located.push({ report: read.report, at });
    else issues.push(...read.issues.map((i) => ({ ...i, path: at(i.path) })));
  }
  if (!rows.length) throw validationFailed([{ path: 'csv', messageKey: 'errors.deqar.emptyCsv' }]);
  return importLocated(ctx, located, issues);
}
