// ETag / If-Match for versioned records: the entity tag is the record's row version, so a client
// sends back what it read and a write from a stale read is refused (412), never applied over.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ExpectedVersion } from '../records/versioned.ts';
import type { AppEnv } from './env.ts';

export const etagOf = (version: number) => `"${version}"`;

/** Sets the ETag of a response that shows the current version of one record. */
export function setEtag(c: Context<AppEnv>, record: { version: number }): void {
  c.header('ETag', etagOf(record.version));
}

/**
 * The versions If-Match names; undefined when absent or `*`. Weak tags never match (If-Match
 * compares strongly) and a tag that is no version of ours names none, so both end as a 412.
 */
export function ifMatchOf(c: Context<AppEnv>): ExpectedVersion | undefined {
  const header = c.req.header('if-match')?.trim();
  if (!header || header === '*') return undefined;
  const versions = header
    .split(',')
    .map((tag) => /^"(\d{1,9})"$/.exec(tag.trim())?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number);
  return { versions, from: 'if-match' };
}

/** The If-Match request header as the OpenAPI document shows it. */
export const ifMatchHeader = z.object({
  'if-match': z
    .string()
    .optional()
    .openapi({ description: 'The ETag you read. A write from an older version is refused with 412 instead of overwriting the newer one.', example: '"3"' }),
});

/** The ETag response header as the OpenAPI document shows it. */
export const etagResponseHeader = {
  ETag: { description: 'The row version of the record, for If-Match on the next write', schema: { type: 'string' as const } },
};
