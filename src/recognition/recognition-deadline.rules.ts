// The deadline of a decision on the recognition of a foreign qualification: by the Lisbon
// Recognition Convention's practice, four months from the day the applicant's file is complete
// (configurable). The clock does not start on an incomplete file, and it stops when the decision is
// taken. Pure.
import { addMonths } from '../platform/calendar/calendar.ts';

export const DEFAULT_RECOGNITION_MONTHS = 4;

export type RecognitionClock = {
  /** The day the file became complete (documents, translation, apostille); null while incomplete. */
  completeOn: string | null;
  /** The day the decision was taken, if it was. */
  decidedOn: string | null;
};

export type RecognitionTimeliness =
  | { status: 'awaiting-complete-file'; dueOn: null }
  | { status: 'in-time' | 'overdue'; dueOn: string; daysLeft: number }
  | { status: 'decided-in-time' | 'decided-late'; dueOn: string };

/** The last day a decision is due: `months` after the file was complete. */
export function recognitionDueOn(completeOn: string, months: number = DEFAULT_RECOGNITION_MONTHS): string {
  return addMonths(completeOn, months);
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** Where the application stands against its deadline on a day. */
export function recognitionTimeliness(clock: RecognitionClock, today: string, months: number = DEFAULT_RECOGNITION_MONTHS): RecognitionTimeliness {
  if (!clock.completeOn) return { status: 'awaiting-complete-file', dueOn: null };
  const dueOn = recognitionDueOn(clock.completeOn, months);
  if (clock.decidedOn) return { status: clock.decidedOn <= dueOn ? 'decided-in-time' : 'decided-late', dueOn };
  return { status: today <= dueOn ? 'in-time' : 'overdue', dueOn, daysLeft: daysBetween(today, dueOn) };
}
