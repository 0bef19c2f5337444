// The credentials figure of the home page. Public.
import type { Ctx } from '../platform/context.ts';
import { credentialCount } from './figures.repository.ts';

export function credentialsIssued(ctx: Ctx): Promise<number> {
  return credentialCount(ctx.db);
}
