// The daily reminder job (reminders.job.ts) reminds of more than accreditation deadlines: modules
// above accreditation (oversight's state control calendar) hand their reminders over here once per
// process through the root (src/wiring.ts), since accreditation may not import them. Each source
// runs with the job's system context and answers how many reminders it sent.
import type { Ctx } from '../platform/context.ts';

export type ReminderSource = { name: string; send: (ctx: Ctx, today: string) => Promise<number> };

const sources = new Map<string, ReminderSource>();

export function useReminderSource(source: ReminderSource): void {
  sources.set(source.name, source);
}

/** Runs every handed-over source for the day; answers how many reminders each sent, by name. */
export async function sendOtherReminders(ctx: Ctx, today: string): Promise<Record<string, number>> {
  const sent: Record<string, number> = {};
  for (const s of sources.values()) sent[s.name] = await s.send(ctx, today);
  return sent;
}
