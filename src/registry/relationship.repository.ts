// The relationships between organizations as bare links, for the rule that checks a new one. SQL only.
import type { Db } from '../platform/db/database.ts';
import type { RelationshipLink } from './relationship-rules.ts';

/** Links still in force (not ended): the graph a new relationship is checked against. */
export async function relationshipLinks(db: Db): Promise<RelationshipLink[]> {
  const rows = await db.selectFrom('organization_relationships').select(['type', 'from_id', 'to_id']).where('ended_on', 'is', null).execute();
  return rows.map((r) => ({ type: r.type, fromId: r.from_id, toId: r.to_id }));
}
