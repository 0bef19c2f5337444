// Demonstration credentials: issued, revoked and suspended credentials and certificates (owner: helper G). Placeholder.
import type { Ctx } from '../platform/context.ts';
import type { Progress } from './seed-reference.ts';

export async function seedDemoCredentials(_ctx: Ctx, _progress: Progress): Promise<void> {}
