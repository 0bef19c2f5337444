// Public: how many credentials and certificates were issued against an organization, programme or
// qualification (counts only, nothing about the holders), for the record's page.
import type { Ctx } from '../platform/context.ts';
import { type IssuedAgainst, issuedCounts } from './issued-counts.repository.ts';

export function issuedAgainst(ctx: Ctx, against: IssuedAgainst) {
  return issuedCounts(ctx.db, against);
}
