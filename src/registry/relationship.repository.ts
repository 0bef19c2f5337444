// The relationships between organizations: bare links for the rule that checks a new one, and the
// proposals that wait for the other side's answer. SQL only.
import type { Db } from '../platform/db/database.ts';
import type { RelationshipState } from './registry.table.ts';
import type { RelationshipLink } from './relationship-rules.ts';

/**
 * Links not ended: the graph a new relationship is checked against. In force only, or with the
 * open proposals too (a proposal may not repeat or contradict one already waiting).
 */
export async function relationshipLinks(db: Db, withProposals = false): Promise<RelationshipLink[]> {
  const rows = await db
    .selectFrom('organization_relationships')
    .select(['id', 'type', 'from_id', 'to_id'])
    .where('ended_on', 'is', null)
    .where('state', 'in', withProposals ? ['in-force', 'proposed'] : ['in-force'])
    .execute();
  return rows.map((r) => ({ id: r.id, type: r.type, fromId: r.from_id, toId: r.to_id }));
}

export function findRelationship(db: Db, id: string) {
  return db.selectFrom('organization_relationships').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function decideRelationship(db: Db, id: string, state: Exclude<RelationshipState, 'proposed'>) {
  return db
    .updateTable('organization_relationships')
    .set({ state, decided_at: new Date() })
    .where('id', '=', id)
    .where('state', '=', 'proposed')
    .returningAll()
    .executeTakeFirst();
}

/** Relationships of the organization, on either side, in one state (in force: the public ones; proposed: waiting). */
export function relationshipsOf(db: Db, organizationId: string, state: RelationshipState) {
  return db
    .selectFrom('organization_relationships as r')
    .innerJoin('organizations as f', 'f.id', 'r.from_id')
    .innerJoin('organizations as t', 't.id', 'r.to_id')
    .select([
      'r.id',
      'r.type',
      'r.from_id',
      'r.to_id',
      'r.proposed_by_id',
      'r.effective_on',
      'r.ended_on',
      'r.note',
      'f.name_kk as from_kk',
      'f.name_ru as from_ru',
      'f.name_en as from_en',
      't.name_kk as to_kk',
      't.name_ru as to_ru',
      't.name_en as to_en',
    ])
    .where('r.state', '=', state)
    .where((eb) => eb.or([eb('r.from_id', '=', organizationId), eb('r.to_id', '=', organizationId)]))
    .orderBy('r.effective_on')
    .execute();
}

export type RelationshipRow = Awaited<ReturnType<typeof relationshipsOf>>[number];
