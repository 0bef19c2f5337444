// Sapa's public decisions as DEQAR Submission API v2 reports (JSON, and CSV through csv.ts).
// The mapping table is in docs/interop.md; what DEQAR told us about an imported decision goes
// back unchanged, so a report makes the round trip DEQAR → Sapa → DEQAR whole.
import { type ExchangedDecision, decisionsToExchange } from '../../accreditation/accreditation.api.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { settings } from '../../platform/settings.ts';
import { EXTERNAL_ID_KEYS, type OrganizationRef, type ProgrammeRef, organizationsByIds, programmesByIds } from '../../registry/registry.api.ts';
import type { DeqarReportJson } from './report.ts';
import { qfEheaOfNqf } from './vocabulary.ts';

/** Sapa's outcomes as DEQAR decisions (an imported decision keeps the decision DEQAR gave). */
export const DECISION_OF_OUTCOME: Record<string, string> = { accredited: 'positive', refused: 'negative', 'not-applicable': 'not applicable' };
/** The resource name Sapa's own organization and programme ids travel under. */
export const SAPA_RESOURCE = 'sapa';

/** An institution as DEQAR asks for it: one identifier only, the best one known (DEQAR id, ETER id, BIN, Sapa's id). */
export function institutionRef(o: OrganizationRef): Record<string, string> {
  const ids = o.identifiers ?? {};
  if (ids[EXTERNAL_ID_KEYS.deqar]) return { deqar_id: ids[EXTERNAL_ID_KEYS.deqar] as string };
  if (ids[EXTERNAL_ID_KEYS.eter]) return { eter_id: ids[EXTERNAL_ID_KEYS.eter] as string };
  if (o.bin) return { identifier: o.bin, resource: 'KZ-national' };
  return { identifier: o.id, resource: SAPA_RESOURCE };
}

function programmeOf(p: ProgrammeRef) {
  const primary = p.name_en ?? p.name_ru;
  const alternatives = [...new Set([p.name_ru, p.name_kk])].filter((n) => n !== primary);
  return {
    identifiers: [{ identifier: p.code }, { identifier: p.id, resource: SAPA_RESOURCE }],
    name_primary: primary,
    ...(p.degree && { qualification_primary: p.degree }),
    ...(alternatives.length && { name_alternative: alternatives }),
    nqf_level: `level ${p.nqf_level}`,
    // Levels below 5 have no QF-EHEA cycle; DEQAR covers higher education, where Sapa's levels are 5–8.
    qf_ehea_level: qfEheaOfNqf(p.nqf_level) ?? 'short cycle',
    degree_outcome: '1',
  };
}

type DeqarProgrammeJson = NonNullable<DeqarReportJson['programmes']>[number];

const strings = (value: unknown): string[] | undefined => (Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined);
const objects = <T>(value: unknown): T[] | undefined => (Array.isArray(value) ? (value as T[]) : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

export function reportOfDecision(
  d: ExchangedDecision,
  organizations: Map<string, OrganizationRef>,
  programmes: Map<string, ProgrammeRef>,
): DeqarReportJson {
  const body = organizations.get(d.bodyId);
  const organization = organizations.get(d.organizationId);
  if (!body || !organization) throw new Error(`decision ${d.id} names an organization that does not exist`);
  const deqar = d.imported?.register === 'DEQAR' ? d.imported : {};
  const kind = text(deqar.kind) ?? d.kind;
  const validFrom = d.validFrom ?? d.decidedOn;
  const landing = `${settings().PUBLIC_URL}/en/accreditation/decisions/${d.id}`;
  const contributing = strings(deqar.contributingAgencies);
  const sapaProgrammes = d.programmeIds.map((id) => programmes.get(id)).filter((p): p is ProgrammeRef => !!p);
  const otherProgrammes = objects<DeqarProgrammeJson>(deqar.unmatchedProgrammes) ?? [];
  const allProgrammes: DeqarProgrammeJson[] = [...sapaProgrammes.map(programmeOf), ...otherProgrammes];
  const institutions = objects<Record<string, string>>(deqar.institutions) ?? [institutionRef(organization)];
  return {
    agency: body.identifiers?.[EXTERNAL_ID_KEYS.deqarAgency] ?? body.short_name ?? body.key ?? body.id,
    ...(contributing?.length && { contributing_agencies: contributing }),
    ...(text(deqar.reportId) && { report_id: text(deqar.reportId) }),
    local_identifier: text(deqar.identifier) ?? d.id,
    activities: objects(deqar.activities) ?? [{ local_identifier: kind }],
    status: text(deqar.status) ?? 'part of obligatory EQA system',
    decision: text(deqar.decision) ?? DECISION_OF_OUTCOME[d.outcome] ?? 'not applicable',
    ...(text(deqar.summary) && { summary: text(deqar.summary) }),
    valid_from: validFrom,
    ...(d.validTo && { valid_to: d.validTo }),
    date_format: '%Y-%m-%d',
    report_links: objects(deqar.links) ?? [{ link: landing, link_display_name: 'Sapa' }],
    ...(objects(deqar.files)?.length && { report_files: objects(deqar.files) }),
    institutions,
    ...(allProgrammes.length && { programmes: allProgrammes }),
    ...(text(deqar.otherComment) && { other_comment: text(deqar.otherComment) }),
  };
}

async function reportsOf(ctx: Ctx, decisions: ExchangedDecision[]): Promise<DeqarReportJson[]> {
  const [organizations, programmes] = await Promise.all([
    organizationsByIds(
      ctx.db,
      decisions.flatMap((d) => [d.bodyId, d.organizationId]),
    ),
    programmesByIds(
      ctx.db,
      decisions.flatMap((d) => d.programmeIds),
    ),
  ]);
  const orgs = new Map(organizations.map((o) => [o.id, o]));
  const progs = new Map(programmes.map((p) => [p.id, p]));
  return decisions.map((d) => reportOfDecision(d, orgs, progs));
}

/** One public decision as a DEQAR report; public data, anyone may read it. */
export async function deqarReportOfDecision(ctx: Ctx, id: string): Promise<DeqarReportJson> {
  const [decision] = await decisionsToExchange(ctx.db, { ids: [id] });
  if (!decision) throw notFound('accreditation-decision', id);
  const [report] = await reportsOf(ctx, [decision]);
  return report as DeqarReportJson;
}

/** Every public decision of a body as DEQAR reports, oldest first. */
export async function deqarReportsOfBody(ctx: Ctx, bodyId: string): Promise<DeqarReportJson[]> {
  const [body] = await organizationsByIds(ctx.db, [bodyId]);
  if (!body) throw notFound('organization', bodyId);
  return reportsOf(ctx, await decisionsToExchange(ctx.db, { bodyId }));
}
