// Headline figures of the registers, from live data, for the home page. Public.
import type { Ctx } from '../platform/context.ts';
import { registryCounts } from './figures.repository.ts';

export function registryFigures(ctx: Ctx): Promise<{ organizations: number; programmes: number }> {
  return registryCounts(ctx.db);
}
