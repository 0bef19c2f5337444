// What an accreditation certificate prints: the decision, the body, the organization and (for
// programme accreditation) the programmes; names come through the registry's read API.
import type { Db } from '../platform/db/database.ts';
import { organizationsByIds } from '../registry/registry.api.ts';
import { decisionProgrammes } from './decision.repository.ts';

export async function certificateData(db: Db, decisionId: string) {
  const row = await db
    .selectFrom('accreditation_decisions as d')
    .select([
      'd.id',
      'd.kind',
      'd.eur_ace',
      'd.outcome',
      'd.term_years',
      'd.decided_on',
      'd.approved_on',
      'd.valid_from',
      'd.valid_to',
      'd.status',
      'd.certificate_number',
      'd.enaee_status',
      'd.body_id',
      'd.organization_id',
    ])
    .where('d.id', '=', decisionId)
    .executeTakeFirst();
  if (!row) return undefined;
  const orgs = await organizationsByIds(db, [row.body_id, row.organization_id]);
  const b = orgs.find((o) => o.id === row.body_id);
  const o = orgs.find((x) => x.id === row.organization_id);
  // The decision names both (foreign keys), as the inner joins this replaced required.
  if (!b || !o) return undefined;
  const { body_id: _b, organization_id: _o, ...rest } = row;
  const decision = { ...rest, body_kk: b.name_kk, body_ru: b.name_ru, body_en: b.name_en, org_kk: o.name_kk, org_ru: o.name_ru, org_en: o.name_en };
  const programmes = (await decisionProgrammes(db, decisionId)).map((p) => ({ code: p.code, name_kk: p.name_kk, name_ru: p.name_ru, name_en: p.name_en }));
  return { decision, programmes };
}
