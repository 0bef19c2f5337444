// The change feed: every public change of the register in commit order, for consumers who keep a
// copy (the RPDE pattern of OpenActive). Public data: anyone may read it, so there is no policy
// to consult beyond "public versions only", which the repository's conditions apply.
import type { Ctx } from '../../platform/context.ts';
import { type ChangeRow, changesAfter } from './changes.repository.ts';
import type { ChangeItem } from './changes.schema.ts';
import { type FeedKind, feedState } from './public-kinds.ts';

function item(row: ChangeRow): ChangeItem | null {
  const state = feedState(row.is_public, row.was_public_before, row.is_held);
  if (!state) return null;
  return {
    kind: row.kind as FeedKind,
    id: row.id,
    state,
    version: row.version,
    time: row.at.toISOString(),
    cursor: row.seq,
    record: state === 'deleted' ? null : (row.data as Record<string, unknown>),
  };
}

/**
 * The page after `since`. Versions a consumer must not see (never public yet) are skipped but
 * still move the cursor, so `next` always points past everything read.
 */
export async function changesSince(ctx: Ctx, since: string | undefined, limit: number): Promise<{ items: ChangeItem[]; next: string }> {
  const from = since ?? '0';
  const rows = await changesAfter(ctx.db, from, limit);
  const items = rows.map(item).filter((i): i is ChangeItem => i !== null);
  const last = rows.at(-1)?.seq ?? from;
  return { items, next: `/api/changes?since=${last}&limit=${limit}` };
}
