// The accreditation figure of the home page: programmes covered by a decision in force today. Public.
import type { Ctx } from '../platform/context.ts';
import { programmesAccreditedOn } from './figures.repository.ts';

export function accreditedProgrammesToday(ctx: Ctx, today: string = new Date().toISOString().slice(0, 10)): Promise<number> {
  return programmesAccreditedOn(ctx.db, today);
}
