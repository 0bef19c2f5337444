// Gathers the facts conflicts.ts judges: the register graph around the case's organization and a
// person's affiliations, panel service, seminars and declarations. The register graph comes
// through the registry's read API.
import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { settings } from '../platform/settings.ts';
import { programmeHostIds, programmePartnerIds, relatedOrganizationLinks } from '../registry/registry.api.ts';
import { type Conflict, type ConflictFacts, type RelatedOrganization, conflictsOf } from './conflicts.ts';

const PARENT_TYPES = ['parent', 'branch', 'host'];
const PREDECESSOR_TYPES = ['split', 'successor', 'merger'];

/** The organization, its parents (host or foreign parent), its predecessors and its programme partners. */
export async function relatedOrganizations(db: Db, organizationId: string): Promise<RelatedOrganization[]> {
  const links = await relatedOrganizationLinks(db, organizationId, [...PARENT_TYPES, ...PREDECESSOR_TYPES]);
  const ownPartners = await programmePartnerIds(db, organizationId);
  const hosts = await programmeHostIds(db, organizationId);
  const out: RelatedOrganization[] = [{ organizationId, relation: 'self' }];
  for (const l of links) out.push({ organizationId: l.from_id, relation: PARENT_TYPES.includes(l.type) ? 'parent' : 'predecessor' });
  for (const partner of ownPartners) out.push({ organizationId: partner, relation: 'partner' });
  for (const host of hosts) out.push({ organizationId: host, relation: 'partner' });
  return out.filter((r, i) => i === 0 || r.organizationId !== organizationId);
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

type Who = { expertIds: string[]; userId: string | null };

async function factsFor(db: Db, who: Who, organizationId: string, caseId: string, today: string): Promise<ConflictFacts> {
  const related = await relatedOrganizations(db, organizationId);
  const expertIds = who.expertIds.length ? who.expertIds : ['00000000-0000-0000-0000-000000000000'];
  const userId = who.userId ?? '00000000-0000-0000-0000-000000000000';
  const [affiliations, assignments, service, seminars, declared] = await Promise.all([
    db
      .selectFrom('expert_affiliations')
      .select(['organization_id', 'kind', 'from_on', 'to_on'])
      .where((eb) => eb.or([eb('expert_id', 'in', expertIds), eb('user_id', '=', userId)]))
      .execute(),
    // A user who administers or studies at an organization on the platform is tied to it now.
    db
      .selectFrom('role_assignments')
      .select(['organization_id', 'role'])
      .where('user_id', '=', userId)
      .where('role', 'in', ['org-admin', 'org-editor', 'learner'])
      .execute(),
    db
      .selectFrom('panel_members as m')
      .innerJoin('accreditation_cases as c', 'c.id', 'm.case_id')
      .select(['m.case_id', 'c.organization_id', 'm.added_at'])
      .where('m.expert_id', 'in', expertIds)
      .where('m.case_id', '<>', caseId)
      .where('m.role', '<>', 'coordinator')
      .execute(),
    db
      .selectFrom('self_assessment_seminars')
      .select(['organization_id', 'held_on'])
      .where((eb) => eb.or([sql<boolean>`expert_ids && ${sql.val(expertIds)}::uuid[]`, sql<boolean>`${userId}::uuid = ANY(user_ids)`]))
      .execute(),
    db
      .selectFrom('declared_conflicts')
      .select(['organization_id', 'reason'])
      .where((eb) => eb.or([eb('expert_id', 'in', expertIds), eb('user_id', '=', userId)]))
      .execute(),
  ]);
  return {
    related,
    affiliations: [
      ...affiliations.map((a) => ({ organizationId: a.organization_id, kind: a.kind as 'employment' | 'study', from: a.from_on, to: a.to_on })),
      ...assignments
        .filter((a) => a.organization_id)
        .map((a) => ({
          organizationId: a.organization_id as string,
          kind: a.role === 'learner' ? ('study' as const) : ('employment' as const),
          from: null,
          to: null,
        })),
    ],
    panelService: service.map((s) => ({ caseId: s.case_id, organizationId: s.organization_id, on: isoDate(s.added_at) })),
    seminars: seminars.map((s) => ({ organizationId: s.organization_id, on: s.held_on })),
    declared: declared.map((d) => ({ organizationId: d.organization_id, reason: d.reason })),
    today,
    lookbackYears: settings().CONFLICT_LOOKBACK_YEARS,
  };
}

export const today = () => isoDate(new Date());

export async function expertConflicts(db: Db, expertId: string, c: { id: string; organization_id: string }): Promise<Conflict[]> {
  const expert = await db.selectFrom('experts').select('user_id').where('id', '=', expertId).executeTakeFirst();
  return conflictsOf(await factsFor(db, { expertIds: [expertId], userId: expert?.user_id ?? null }, c.organization_id, c.id, today()));
}

/** A council member's conflicts: their own records plus those of any expert record linked to them. */
export async function userConflicts(db: Db, userId: string, c: { id: string; organization_id: string }): Promise<Conflict[]> {
  const experts = await db.selectFrom('experts').select('id').where('user_id', '=', userId).execute();
  return conflictsOf(await factsFor(db, { expertIds: experts.map((e) => e.id), userId }, c.organization_id, c.id, today()));
}
