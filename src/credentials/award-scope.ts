// Whether an issuer's licence or accreditation covered what a credential is about — its
// programme, hence its field (group of programmes) and level — on the award date, and which one.
// Without a programme, the credential's own field and level (award-scope.rules.ts) must be covered.
// A small adapter over the registry's licences and the accreditation module's one computation of
// "accredited on date D" (accreditationStandingOn), the same that pages, the API, Registers 2–3
// and statistics read, so a verifier never judges a decision in force by a rule of its own.
import { accreditationStandingOn } from '../accreditation/accreditation.api.ts';
import { entryByCode } from '../frameworks/frameworks.api.ts';
import type { Db } from '../platform/db/database.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { licenceInForceOn, type ProgrammeRef } from '../registry/registry.api.ts';
import { coverOfScope, type Scope, type ScopeCover } from './award-scope.rules.ts';
import { entitlementFacts } from './specification.repository.ts';

export type AwardCover =
  | { kind: 'licence'; number: string }
  | { kind: 'decision'; reference: string; validFrom: string; validTo: string | null }
  | null;

/** The licence (of the programme's group) or accreditation decision (naming the programme) in force on `day`. */
export async function awardCoverOn(db: Db, programme: Pick<ProgrammeRef, 'id' | 'organization_id' | 'group_code'>, day: string): Promise<AwardCover> {
  const decision = (await accreditationStandingOn(db, { programmeIds: [programme.id] }, day)).find(
    (e) => e.accredited && e.organization.id === programme.organization_id,
  );
  if (decision?.validFrom) return { kind: 'decision', reference: decision.certificateNumber ?? decision.decisionId, validFrom: decision.validFrom, validTo: decision.validTo };
  const licence = programme.group_code ? await licenceInForceOn(db, programme.organization_id, day, programme.group_code) : undefined;
  return licence ? { kind: 'licence', number: licence.number } : null;
}

/** The licence or decision of the organization in force on `day` covering a field and level the credential states. */
export async function awardCoverOfScope(db: Db, organizationId: string, scope: Scope, day: string): Promise<ScopeCover> {
  const facts = await entitlementFacts(db, organizationId, [], day);
  const standing = await accreditationStandingOn(
    db,
    { organizationIds: [organizationId], programmeIds: facts.decisions.flatMap((d) => d.programmes.map((p) => p.id)) },
    day,
  );
  const accredited = new Set(standing.filter((e) => e.accredited && e.organization.id === organizationId).map((e) => e.decisionId));
  return coverOfScope(scope, { day, licences: facts.licences, decisions: facts.decisions, accredited: (d) => accredited.has(d.id) });
}

/** The ISCED-F field's name in the reader's language, after its code (the code alone when the classifier lacks it). */
export async function fieldLabel(db: Db, code: string, lang: Lang): Promise<string> {
  const entry = code.length <= 2 ? await entryByCode(db, 'field', code) : await entryByCode(db, 'direction', code.slice(0, 3));
  if (!entry) return code;
  const name = lang === 'ru' ? entry.name_ru : lang === 'en' ? entry.name_en || entry.name_ru : entry.name_kk;
  return code.length <= 3 ? `${code} ${name}` : `${code} (${name})`;
}
