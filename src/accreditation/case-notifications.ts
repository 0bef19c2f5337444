// Who a step of a case waits for is told (PRODUCT §3.3; issue 18): the coordinator a case is given
// to, the experts seated on its panel, the organization when the panel's draft report comes for its
// factual comments and when the decision is published, and the council members when a case is put
// on a meeting's agenda. Each is a notification in the transaction of the step: it is stored only if
// the step commits, and the mail job sends it after. The dedupe key names the event, so telling it
// again (a retried request, a re-saved panel) stores nothing new.
import type { Ctx } from '../platform/context.ts';
import { notify } from '../platform/notifications/notifications.ts';
import type { CaseAction } from './case-states.ts';

const caseLink = (caseId: string) => `/workspace/accreditation/cases/${caseId}`;

type CaseFacts = { id: string; number: string; organization_id: string; row_version?: number };

/** After a step of the case engine: the step's recipients, if it waits for someone. */
export async function tellCaseStep(ctx: Ctx, c: CaseFacts, action: CaseAction, payload: { coordinatorUserId?: string | null }, eventKey: string): Promise<void> {
  const params = { case: c.number };
  const link = caseLink(c.id);
  const organization = { roles: [{ role: 'org-admin' as const, organizationId: c.organization_id }] };
  if (action === 'assign-coordinator' && payload.coordinatorUserId) {
    await notify(ctx, { kind: 'case-assigned', recipients: { userIds: [payload.coordinatorUserId] }, params, link, dedupeKey: `case:${c.id}:coordinator:${payload.coordinatorUserId}` });
  } else if (action === 'send-for-factual-check') {
    await notify(ctx, { kind: 'report-to-comment', recipients: organization, params, link, dedupeKey: `case:${c.id}:factual-check:${eventKey}` });
  } else if (action === 'publish' || action === 'publish-eur-ace') {
    await notify(ctx, { kind: 'decision-published', recipients: organization, params, link, dedupeKey: `case:${c.id}:published` });
  }
}

/** Experts newly seated on a panel (once per case and person). */
export async function tellPanelSeats(ctx: Ctx, c: { id: string; number: string }, userIds: readonly string[]): Promise<void> {
  for (const userId of userIds)
    await notify(ctx, { kind: 'panel-assigned', recipients: { userIds: [userId] }, params: { case: c.number }, link: caseLink(c.id), dedupeKey: `panel:${c.id}:${userId}` });
}

/** A case on a meeting's agenda: each member who sits on that meeting's council is awaited to vote. */
export async function tellVoteOpened(ctx: Ctx, m: { id: string; meetsOn: string }, item: { caseId: string; caseNumber: string }, memberIds: readonly string[]): Promise<void> {
  if (!memberIds.length) return;
  await notify(ctx, {
    kind: 'vote-opened',
    recipients: { userIds: memberIds },
    params: { case: item.caseNumber, meetsOn: m.meetsOn },
    link: `/workspace/accreditation/council/${m.id}`,
    dedupeKey: `council:${m.id}:${item.caseId}:opened`,
  });
}
