// OpenAPI shapes of the change feed (RPDE-style pages: items in order, the next page's link).
import { z } from '@hono/zod-openapi';
import { FEED_KINDS } from './public-kinds.ts';

export const CURSOR = /^\d{1,19}$/;

export const changesQuery = z.object({
  since: z
    .string()
    .regex(CURSOR, 'a cursor from a next link')
    .optional()
    .openapi({ description: 'The cursor from the previous page\'s `next` link; absent = from the beginning.', example: '1042' }),
  limit: z.coerce.number().int().min(1).max(1000).default(500).openapi({ description: 'Items per page (1–1000).' }),
});

export const changeItemSchema = z
  .object({
    kind: z.enum(FEED_KINDS).openapi({ description: 'The register the record belongs to.' }),
    id: z.string().uuid(),
    state: z.enum(['created', 'updated', 'deleted']).openapi({ description: 'A deleted item is a tombstone: forget the record.' }),
    version: z.number().int().openapi({ description: 'The record\'s version number (its history).' }),
    time: z.string().openapi({ description: 'When this version took effect (ISO 8601).' }),
    cursor: z.string().openapi({ description: 'Resume after this item with ?since=<cursor>.' }),
    record: z.record(z.string(), z.unknown()).nullable().openapi({ description: 'The record as published at this version; null on a tombstone.' }),
  })
  .openapi('ChangeItem');

export const changesPageSchema = z
  .object({
    items: z.array(changeItemSchema),
    next: z.string().openapi({ description: 'The link to the next page. A page with no items is the end for now: poll `next` again later.' }),
  })
  .openapi('ChangesPage');

export type ChangeItem = z.infer<typeof changeItemSchema>;
