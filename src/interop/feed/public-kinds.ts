// Which versioned records the change feed publishes, and when one of their versions is public.
// Pure: the feed's repository turns each condition into SQL on the version's JSON.

/** The public register records, by the entity type their versions are stored under. */
export const FEED_KINDS = [
  'organization',
  'programme',
  'qualification',
  'certification-centre',
  'sqf',
  'occupational-standard',
  'accreditation-decision',
] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/**
 * What makes a stored version public: a programme once the ministry included it (its `public`
 * flag), a decision once approved (an internal 'pending-approval' one is not), anything else
 * as long as it exists (a tombstone's data is JSON null).
 */
export type PublicCondition = { field: string; equals: string } | { field: string; notEquals: string } | null;

export const PUBLIC_WHEN: Record<FeedKind, PublicCondition> = {
  organization: null,
  programme: { field: 'public', equals: 'true' },
  qualification: null,
  'certification-centre': null,
  sqf: null,
  'occupational-standard': null,
  'accreditation-decision': { field: 'status', notEquals: 'pending-approval' },
};

/**
 * Versions held back for review: a public programme whose status is not one the ministry reviewed
 * is a pending update. Consumers keep the included version; the update reaches them, as an update,
 * once it is included.
 */
export const HELD_WHEN: Partial<Record<FeedKind, { field: string; notIn: readonly string[] }>> = {
  programme: { field: 'status', notIn: ['included', 'excluded'] },
};

export type FeedState = 'created' | 'updated' | 'deleted';

/**
 * What a consumer is told about one stored version: a public version is created (first time it
 * is public) or updated; a version that is not public, or a tombstone, deletes the record for a
 * consumer who saw it public; one never public before, or held back for review, is nothing to
 * them (null: skipped).
 */
export function feedState(isPublic: boolean, wasPublicBefore: boolean, held = false): FeedState | null {
  if (held) return null;
  if (isPublic) return wasPublicBefore ? 'updated' : 'created';
  return wasPublicBefore ? 'deleted' : null;
}
