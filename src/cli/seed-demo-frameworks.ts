// Demo sectoral frameworks and occupational standards (SYNTHETIC), filled in with the frameworks module.
import type { Ctx } from '../platform/context.ts';
import type { Progress } from './seed-reference.ts';

export async function seedDemoFrameworks(_ctx: Ctx, _progress: Progress): Promise<void> {}
