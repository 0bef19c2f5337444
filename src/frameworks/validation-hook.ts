// A route hook that answers a body failing its schema with the schema's issues and the module's
// own rules together, so a caller fixes everything after one 422 instead of one round per layer.
import type { Context } from 'hono';
import type { ZodError } from 'zod';
import { type FieldIssue, validationFailed } from '../platform/errors.ts';
import { fieldIssuesFromZod } from '../platform/http/zod-issues.ts';

type HookResult = { target: string } & ({ success: true } | { success: false; error: ZodError });

async function refuse(error: ZodError, target: string, c: Context, rules: (raw: Record<string, unknown>) => FieldIssue[]): Promise<never> {
  const issues = fieldIssuesFromZod(error, target === 'query' || target === 'param' ? target : '');
  if (target === 'json') {
    const raw: unknown = await c.req.json().catch(() => null);
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
      const seen = new Set(issues.map((i) => i.path));
      // A path the schema already rejected (wrong type, say) gets no second message.
      issues.push(...rules(raw as Record<string, unknown>).filter((i) => !seen.has(i.path)));
    }
  }
  throw validationFailed(issues);
}

/** Passing input goes on to the route (whose service applies the same rules); failing input is refused with everything found. */
export function withRules(rules: (raw: Record<string, unknown>) => FieldIssue[]) {
  return (result: HookResult, c: Context): Promise<never> | undefined => (result.success ? undefined : refuse(result.error, result.target, c, rules));
}
