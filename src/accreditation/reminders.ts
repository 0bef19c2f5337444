// Deadline reminders: every open case deadline due within REMIND_WITHIN_WORKING_DAYS working days,
// or already overdue, is reminded at most once a day (reminded_at): a notification to whoever owes
// the step, in the workspace and by e-mail. Run by the daily job and by `sapa reminders`.
import { addWorkingDays } from '../platform/calendar/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { forbidden } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import { type Recipients, notify } from '../platform/notifications/notifications.ts';
import { REMIND_WITHIN_WORKING_DAYS } from './deadlines.ts';

export type Reminder = { deadlineId: string; caseId: string; caseNumber: string; step: string; dueOn: string; overdue: boolean };

/** The start of a day in Almaty (UTC+5), to remind once per day. */
const startOfDayAlmaty = (date: string) => new Date(`${date}T00:00:00+05:00`);

/** Steps the applicant organization owes; the contract is both sides'; every other step is the body's. */
const OWED_BY_ORGANIZATION = new Set(['contract', 'sar', 'sar-revision', 'factual-comments']);
const OWED_BY_ORGANIZATION_ONLY = new Set(['sar', 'sar-revision', 'factual-comments']);

/** Who a reminder goes to: the organization's administrators, the body's staff and head, or both. */
function whoOwes(step: string, c: { bodyId: string; organizationId: string }): Recipients {
  const roles: NonNullable<Recipients['roles']>[number][] = [];
  if (OWED_BY_ORGANIZATION.has(step)) roles.push({ role: 'org-admin', organizationId: c.organizationId });
  if (!OWED_BY_ORGANIZATION_ONLY.has(step)) roles.push({ role: 'agency-staff', organizationId: c.bodyId }, { role: 'agency-head', organizationId: c.bodyId });
  return { roles };
}

export async function sendDeadlineReminders(
  ctx: Ctx,
  today: string,
  options: { withinWorkingDays?: number; progress?: (done: number, total: number) => void } = {},
): Promise<Reminder[]> {
  if (ctx.actor.kind !== 'system') throw forbidden('accreditation.reminders');
  const horizon = addWorkingDays(today, options.withinWorkingDays ?? REMIND_WITHIN_WORKING_DAYS);
  const due = await ctx.db
    .selectFrom('accreditation_deadlines as d')
    .innerJoin('accreditation_cases as c', 'c.id', 'd.case_id')
    .select(['d.id', 'd.case_id', 'c.number', 'c.body_id', 'c.organization_id', 'd.step', 'd.due_on', 'd.reminded_at'])
    .where('d.met_at', 'is', null)
    .where('d.due_on', '<=', horizon)
    .where((eb) => eb.or([eb('d.reminded_at', 'is', null), eb('d.reminded_at', '<', startOfDayAlmaty(today))]))
    .where('c.state', 'not in', ['withdrawn', 'terminated-noncompliant'])
    .orderBy('d.due_on')
    .orderBy('c.number')
    .execute();
  const now = new Date();
  const out: Reminder[] = [];
  for (const d of due) {
    await ctx.db.updateTable('accreditation_deadlines').set({ reminded_at: now }).where('id', '=', d.id).execute();
    const reminder = { deadlineId: d.id, caseId: d.case_id, caseNumber: d.number, step: d.step, dueOn: d.due_on, overdue: d.due_on < today };
    await recordChange(ctx, { entityType: 'accreditation-deadline', entityId: d.id, action: 'accreditation-deadline.remind', before: { remindedAt: d.reminded_at }, after: reminder, versioned: false });
    ctx.log.info({ reminder }, 'deadline reminder');
    await notify(ctx, {
      kind: reminder.overdue ? 'deadline-overdue' : 'deadline-due',
      recipients: whoOwes(d.step, { bodyId: d.body_id, organizationId: d.organization_id }),
      params: { caseNumber: d.number, stepKey: `ui.case.deadlines.${d.step}`, dueOn: d.due_on },
      link: `/workspace/accreditation/cases/${d.case_id}`,
      dedupeKey: `deadline:${d.id}:${today}`,
    });
    out.push(reminder);
    options.progress?.(out.length, due.length);
  }
  if (!due.length) options.progress?.(0, 0);
  return out;
}
