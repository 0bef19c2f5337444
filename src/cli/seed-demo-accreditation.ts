// Demonstration accreditation data: cases in every state (owner: helper H2). Placeholder.
import type { Ctx } from '../platform/context.ts';
import type { Progress } from './seed-reference.ts';

export async function seedDemoAccreditation(_ctx: Ctx, _progress: Progress): Promise<void> {}
