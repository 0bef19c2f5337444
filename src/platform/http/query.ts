// Query-string helpers shared by list routes.
import { z } from '@hono/zod-openapi';

/** "true"/"false" as a boolean; anything else is a 400-class validation error. */
export const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/** `sort=name` or `sort=-name` over a fixed set of keys. */
export const sortQuery = <K extends string>(keys: readonly [K, ...K[]], fallback: K) =>
  z
    .string()
    .default(fallback)
    .transform((v, ctx) => {
      const desc = v.startsWith('-');
      const key = (desc ? v.slice(1) : v) as K;
      if (!keys.includes(key)) {
        ctx.addIssue({ code: 'invalid_value', values: keys.flatMap((k) => [k, `-${k}`]), input: v, message: 'unknown sort key' });
        return z.NEVER;
      }
      return { sort: key, desc };
    })
    .openapi({ type: 'string', description: `One of ${keys.join(', ')}; prefix with - for descending.` });
