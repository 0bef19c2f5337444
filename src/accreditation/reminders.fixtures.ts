// An institutional case of ENU before KAZSEE, taken to contracting on 5 January 2026: its contract
// deadline (one month) falls on 5 February, within five working days of 30 January.
import type { TestApp } from '../../test/helpers/app.ts';
import type { Ctx } from '../platform/context.ts';
import { createCase, takeAction } from './case.service.ts';

export async function enuAndKazsee(t: TestApp): Promise<{ organizationId: string; bodyId: string }> {
  const org = await t.db.selectFrom('organizations').select('id').where('key', '=', 'enu').executeTakeFirstOrThrow();
  const body = await t.db.selectFrom('organizations').select('id').where('key', '=', 'kazsee').executeTakeFirstOrThrow();
  return { organizationId: org.id, bodyId: body.id };
}

export async function caseInContracting(ctx: Ctx, parties: { organizationId: string; bodyId: string }): Promise<string> {
  const at = new Date('2026-01-05T09:00:00+05:00');
  const c = await createCase(
    ctx,
    { bodyId: parties.bodyId, organizationId: parties.organizationId, kind: 'institutional', programmeIds: [], eurAce: false, crossBorder: false, hasStudents: true, hasGraduates: true },
    { at },
  );
  for (const a of ['apply', 'register', 'start-initial-review', 'accept', 'start-contracting'] as const) await takeAction(ctx, c.id, a, {}, { at });
  return c.id;
}
