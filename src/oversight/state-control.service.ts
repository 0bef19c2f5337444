// The state control calendar (issue 16 item 5, PRODUCT §3.4): the authority records the result of
// each state control of an organization (preventive control, TVET state attestation, preschool
// state certification, school achievement monitoring); the next due day of each kind is computed
// from the last result with the pure rules (state-control.rules.ts) and the configured periods;
// the authority sees every organization's calendar, an organization its own. The daily reminder
// job reminds both of controls due within the window and overdue (sendStateControlReminders).
// Which kinds an organization has: TVET attestation for every college (counted from its first
// licence until attested); any other kind once a result of it is recorded (schools and
// kindergartens are not organization kinds of the register yet) — decision 155.
import { actorId, can } from '../platform/access/roles.ts';
import { todayInAlmaty } from '../platform/calendar/calendar.ts';
import { type Ctx, requirePermission } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import { type FieldIssue, forbidden, notFound, unauthenticated, validationFailed } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import { type Recipients, notify } from '../platform/notifications/notifications.ts';
import { settings } from '../platform/settings.ts';
import { licencesOf, organizationById, organizationIdsOfKinds, organizationsByIds } from '../registry/registry.api.ts';
import { latestAcceptedOn } from './internal-qa.repository.ts';
import { levelOfOrganizationKind } from './internal-qa.rules.ts';
import * as repo from './state-control.repository.ts';
import type { CalendarFilter, ResultInput } from './state-control.schema.ts';
import {
  type ControlFacts,
  type DueStatus,
  STATE_CONTROL_KINDS,
  type StateControlKind,
  type StateControlOutcome,
  type StateControlPeriods,
  daysLeft,
  dueStatus,
  levelOfControl,
  nextDue,
} from './state-control.rules.ts';

/** The configured periods (README, Configuration); the defaults are the seed's. */
export function stateControlPeriods(): StateControlPeriods & { remindWithinDays: number } {
  const s = settings();
  return {
    tvetAttestationYears: s.STATE_CONTROL_TVET_YEARS,
    schoolMonitoringMonth: s.STATE_CONTROL_MONITORING_MONTH,
    preschoolCertificationMonthsAfterSelfAssessment: s.STATE_CONTROL_PRESCHOOL_MONTHS,
    remindWithinDays: s.STATE_CONTROL_REMIND_DAYS,
  };
}

/** The module's access policy for state control: the authority records and reads all; an organization's staff read their own. */
export function stateControlAccess(ctx: Ctx, organizationId?: string) {
  return {
    record: can(ctx.actor, 'internal-qa.review'),
    read: can(ctx.actor, 'internal-qa.read', organizationId ? { organizationIds: [organizationId] } : {}),
  };
}

const presentResult = (r: repo.ResultRow) => ({
  id: r.id,
  organizationId: r.organization_id,
  kind: r.kind as StateControlKind,
  heldOn: r.held_on,
  outcome: r.outcome as StateControlOutcome,
  document: r.document,
  notes: r.notes,
  nextPlannedOn: r.next_planned_on,
});
export type StateControlResult = ReturnType<typeof presentResult>;

export type CalendarRow = {
  organizationId: string;
  regionCode: string | null;
  level: string | null;
  kind: StateControlKind;
  lastOn: string | null;
  dueOn: string | null;
  basis: string;
  status: DueStatus;
  daysLeft: number | null;
};

const byDue = (a: CalendarRow, b: CalendarRow) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.organizationId.localeCompare(b.organizationId) || a.kind.localeCompare(b.kind);

/** Every due day of the given organizations (by default: every college and every organization with a result) on `today`. */
async function dueRows(db: Db, today: string, organizationId?: string): Promise<CalendarRow[]> {
  const periods = stateControlPeriods();
  const latest = await repo.latestResults(db, organizationId ? [organizationId] : undefined);
  const colleges = organizationId ? [] : (await organizationIdsOfKinds(db, ['college'])).map((o) => o.id);
  const orgs = await organizationsByIds(db, [...colleges, ...latest.map((r) => r.organization_id), ...(organizationId ? [organizationId] : [])]);
  const rows: CalendarRow[] = [];
  for (const org of orgs) {
    const mine = new Map(latest.filter((r) => r.organization_id === org.id).map((r) => [r.kind as StateControlKind, r]));
    const kinds = STATE_CONTROL_KINDS.filter((k) => mine.has(k) || (k === 'tvet-attestation' && org.kind === 'college'));
    for (const kind of kinds) {
      const last = mine.get(kind);
      const facts: ControlFacts = { lastOn: last?.held_on ?? null, plannedOn: last?.next_planned_on ?? null };
      if (kind === 'tvet-attestation' && !last) facts.startedOn = (await licencesOf(db, org.id)).map((l) => l.issued_on).sort()[0] ?? null;
      if (kind === 'preschool-certification') facts.selfAssessmentAcceptedOn = (await latestAcceptedOn(db, org.id, today))?.reviewed_on ?? null;
      const due = nextDue(kind, facts, today, periods);
      rows.push({
        organizationId: org.id,
        regionCode: org.region_code,
        level: levelOfControl(kind, levelOfOrganizationKind(org.kind)),
        kind,
        lastOn: facts.lastOn,
        dueOn: due.dueOn,
        basis: due.basis,
        status: dueStatus(due, today, periods.remindWithinDays),
        daysLeft: daysLeft(due, today),
      });
    }
  }
  return rows.sort(byDue);
}

/** The authority's calendar: every organization's due controls, filtered by kind, region, level and status. */
export async function stateControlCalendar(ctx: Ctx, f: CalendarFilter & { on?: string } = {}): Promise<CalendarRow[]> {
  requirePermission(ctx, 'internal-qa.review');
  const rows = await dueRows(ctx.db, f.on ?? todayInAlmaty());
  return rows.filter((r) => (!f.kind || r.kind === f.kind) && (!f.regionCode || r.regionCode === f.regionCode) && (!f.level || r.level === f.level) && (!f.status || r.status === f.status));
}

/** One organization's due controls and its results, newest first (the authority, or its own staff). */
export async function organizationStateControl(ctx: Ctx, organizationId: string, on?: string) {
  const access = stateControlAccess(ctx, organizationId);
  if (!access.read) throw ctx.actor.kind === 'anonymous' ? unauthenticated() : forbidden('internal-qa.read');
  if (!(await organizationById(ctx.db, organizationId))) throw notFound('organization', organizationId);
  const [dues, results] = await Promise.all([dueRows(ctx.db, on ?? todayInAlmaty(), organizationId), repo.resultsOf(ctx.db, organizationId)]);
  return { organizationId, dues, results: results.map(presentResult), canRecord: access.record };
}

/** The authority records the result of a control; the organization's next due day of that kind follows from it. */
export async function recordStateControlResult(ctx: Ctx, organizationId: string, input: ResultInput): Promise<StateControlResult> {
  requirePermission(ctx, 'internal-qa.review');
  if (!(await organizationById(ctx.db, organizationId))) throw notFound('organization', organizationId);
  const issues: FieldIssue[] = [];
  if (input.heldOn > todayInAlmaty()) issues.push({ path: 'heldOn', messageKey: 'errors.stateControl.heldInFuture' });
  if (input.nextPlannedOn && input.kind !== 'preventive-control') issues.push({ path: 'nextPlannedOn', messageKey: 'errors.stateControl.planOnlyPreventive' });
  else if (input.nextPlannedOn && input.nextPlannedOn <= input.heldOn) issues.push({ path: 'nextPlannedOn', messageKey: 'errors.stateControl.planAfterHeld' });
  if (issues.length) throw validationFailed(issues);
  const row = await repo.insertResult(ctx.db, {
    organization_id: organizationId,
    kind: input.kind,
    held_on: input.heldOn,
    outcome: input.outcome,
    document: input.document || null,
    notes: input.notes || null,
    next_planned_on: input.nextPlannedOn ?? null,
    recorded_by: actorId(ctx.actor),
  });
  const result = presentResult(row);
  await recordChange(ctx, { entityType: 'state-control-result', entityId: row.id, action: 'state-control.record', before: null, after: result });
  return result;
}

export type StateControlReminder = { organizationId: string; kind: StateControlKind; dueOn: string; overdue: boolean };

/**
 * Reminds the organization's administrators and the authority of every control due within the
 * window or overdue: once for a due day coming up and once when it has passed (the dedupe key
 * names the due day and which of the two), in each recipient's language (notify), so a second run
 * on the same or a later day adds nothing. Run by the daily reminder job and `sapa reminders`.
 */
export async function sendStateControlReminders(ctx: Ctx, today: string): Promise<StateControlReminder[]> {
  if (ctx.actor.kind !== 'system') throw forbidden('state-control.reminders');
  const rows = (await dueRows(ctx.db, today)).filter((r) => r.status === 'overdue' || r.status === 'due-soon');
  const sent: StateControlReminder[] = [];
  for (const r of rows) {
    if (!r.dueOn) continue;
    const overdue = r.status === 'overdue';
    const org = await organizationById(ctx.db, r.organizationId);
    const recipients: Recipients = { roles: [{ role: 'org-admin', organizationId: r.organizationId }, { role: 'ministry', organizationId: null }] };
    const added = await notify(ctx, {
      kind: overdue ? 'state-control-overdue' : 'state-control-due',
      recipients,
      // Notification parameters are fixed when sent; the organization is named by its official Russian name (kk and ru are both required).
      params: { organization: org?.name_ru ?? r.organizationId, controlKey: `ui.stateControl.kind.${r.kind}`, dueOn: r.dueOn },
      link: `/workspace/state-control/${r.organizationId}`,
      dedupeKey: `state-control:${r.organizationId}:${r.kind}:${r.dueOn}:${overdue ? 'overdue' : 'due'}`,
    });
    if (added) sent.push({ organizationId: r.organizationId, kind: r.kind, dueOn: r.dueOn, overdue });
  }
  return sent;
}
