// The direction of a relationship between organizations, and what the graph may hold. Every type
// reads from → to as one sentence: the "from" organization is the parent of, has the branch, hosts,
// has merged in, has split off, or is succeeded by the "to" organization. Pure.
import type { FieldIssue } from '../platform/errors.ts';

export const RELATIONSHIP_TYPES = ['merger', 'split', 'branch', 'parent', 'host', 'successor'] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** Types that put the "to" organization under the "from" one: it has one organization above it. */
const ABOVE: readonly string[] = ['parent', 'branch'];

export type RelationshipLink = { type: string; fromId: string; toId: string; id?: string };

/** Everything wrong with adding `proposed` to the links already in the register (empty: it may be added). */
export function relationshipProblems(existing: readonly RelationshipLink[], proposed: RelationshipLink): FieldIssue[] {
  if (proposed.fromId === proposed.toId) return [{ path: 'toId', messageKey: 'errors.field.partnerIsSelf' }];
  if (existing.some((l) => l.type === proposed.type && l.fromId === proposed.fromId && l.toId === proposed.toId)) {
    return [{ path: 'toId', messageKey: 'errors.relationship.duplicate', params: { type: proposed.type } }];
  }
  // The same sentence the other way round (A succeeded by B and B succeeded by A) is a contradiction.
  if (existing.some((l) => l.type === proposed.type && l.fromId === proposed.toId && l.toId === proposed.fromId)) {
    return [{ path: 'type', messageKey: 'errors.relationship.reversed', params: { type: proposed.type } }];
  }
  if (!ABOVE.includes(proposed.type)) return [];
  if (existing.some((l) => ABOVE.includes(l.type) && l.toId === proposed.toId)) {
    return [{ path: 'toId', messageKey: 'errors.relationship.twoAbove', params: { type: proposed.type } }];
  }
  // Walking up from the proposed parent must not reach the proposed child: no organization is its own ancestor.
  const above = new Map(existing.filter((l) => ABOVE.includes(l.type)).map((l) => [l.toId, l.fromId]));
  const seen = new Set<string>();
  for (let at: string | undefined = proposed.fromId; at && !seen.has(at); at = above.get(at)) {
    if (at === proposed.toId) return [{ path: 'toId', messageKey: 'errors.relationship.cycle', params: { type: proposed.type } }];
    seen.add(at);
  }
  return [];
}
