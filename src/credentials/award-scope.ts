// Whether an issuer's licence or accreditation covered what a credential is about — its
// programme, hence its field (group of programmes) and level — on the award date, and which one.
// A small adapter over the registry's licences and the accreditation module's decisions, so the
// one "accredited on date D" computation of accreditation.api.ts can replace the decision part
// here without touching the verifier.
import { decisionInForceOn, decisionsOfOrganization } from '../accreditation/accreditation.api.ts';
import type { Db } from '../platform/db/database.ts';
import { licenceInForceOn, type ProgrammeRef } from '../registry/registry.api.ts';

export type AwardCover =
  | { kind: 'licence'; number: string }
  | { kind: 'decision'; reference: string; validFrom: string; validTo: string | null }
  | null;

/** The licence (of the programme's group) or accreditation decision (naming the programme) in force on `day`. */
export async function awardCoverOn(db: Db, programme: Pick<ProgrammeRef, 'id' | 'organization_id' | 'group_code'>, day: string): Promise<AwardCover> {
  const decision = (await decisionsOfOrganization(db, programme.organization_id)).find(
    (d) => d.programmeIds.includes(programme.id) && decisionInForceOn({ outcome: d.outcome, status: d.status, validFrom: d.validFrom, validTo: d.validTo }, day),
  );
  if (decision?.validFrom) return { kind: 'decision', reference: decision.certificateNumber ?? decision.id, validFrom: decision.validFrom, validTo: decision.validTo };
  const licence = programme.group_code ? await licenceInForceOn(db, programme.organization_id, day, programme.group_code) : undefined;
  return licence ? { kind: 'licence', number: licence.number } : null;
}
