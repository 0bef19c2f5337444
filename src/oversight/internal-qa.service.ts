// Oversight (issue 16, PRODUCT §3.4): an organization's quality office assesses its internal QA
// system against the Guidelines' standards of its level (a rating and a narrative per standard,
// improvement actions with owners and dates) and submits; the authority (the ministry) accepts it
// or returns it with comments; every step is a version in the history. An accepted
// self-assessment is the fact "working internal QA system" the accreditation decision rule reads.
import { ministrySetInForce, standardSetById } from '../accreditation/accreditation.api.ts';
import { actorId, can, canEverywhere, holdsAnywhere, organizationsOf } from '../platform/access/roles.ts';
import { todayInAlmaty } from '../platform/calendar/calendar.ts';
import { type Ctx, requirePermission } from '../platform/context.ts';
import { conflict, type FieldIssue, forbidden, notFound, unauthenticated, validationFailed } from '../platform/errors.ts';
import { historyOf, recordChange } from '../platform/history/history.ts';
import { organizationById } from '../registry/registry.api.ts';
import * as repo from './internal-qa.repository.ts';
import {
  type ActionEntry,
  type Rating,
  type RatingEntry,
  type SubmissionIssue,
  editable,
  entryIssues,
  guidelinesSetKey,
  levelOfOrganizationKind,
  reviewable,
  submissionIssues,
  systemWorks,
} from './internal-qa.rules.ts';
import type { AssessmentReview, AssessmentSave } from './internal-qa.schema.ts';

export const ASSESSMENT = 'internal-qa-assessment';

/** The module's one access policy: what the caller may do with an organization's self-assessments. */
export function internalQaAccess(ctx: Ctx, organizationId: string) {
  const scope = { organizationIds: [organizationId] };
  return {
    read: can(ctx.actor, 'internal-qa.read', scope),
    assess: can(ctx.actor, 'internal-qa.assess', scope),
    review: can(ctx.actor, 'internal-qa.review', scope),
  };
}

function deny(ctx: Ctx, action: string): never {
  throw ctx.actor.kind === 'anonymous' ? unauthenticated() : forbidden(action);
}

const issueKey: Record<SubmissionIssue['code'], string> = {
  unrated: 'errors.oversight.unrated',
  'no-action': 'errors.oversight.noAction',
  'unknown-standard': 'errors.oversight.unknownStandard',
  'duplicate-standard': 'errors.oversight.duplicateStandard',
};
const toFieldIssues = (issues: SubmissionIssue[]): FieldIssue[] => issues.map((i) => ({ path: i.path, messageKey: issueKey[i.code] }));

async function entriesOf(ctx: Ctx, id: string): Promise<{ ratings: RatingEntry[]; actions: ActionEntry[] }> {
  const [ratings, actions] = await Promise.all([repo.ratingsOf(ctx.db, id), repo.actionsOf(ctx.db, id)]);
  return {
    ratings: ratings.map((r) => ({ standardCode: r.standard_code, rating: r.rating as Rating, narrative: r.narrative })),
    actions: actions.map((a) => ({ standardCode: a.standard_code, action: a.action, owner: a.owner, dueOn: a.due_on })),
  };
}

async function setOf(ctx: Ctx, row: repo.AssessmentRow) {
  const set = await standardSetById(ctx.db, row.standard_set_id);
  if (!set) throw notFound('standard-set', row.standard_set_id);
  return set;
}

export const presentEvidence = (e: repo.EvidenceRow) => ({ id: e.id, standardCode: e.standard_code, fileName: e.file_name, mediaType: e.media_type, size: e.size, uploadedAt: e.created_at.toISOString() });

export function presentSummary(row: repo.AssessmentRow, set: { id: string; key: string; version: string }) {
  return {
    id: row.id,
    organizationId: row.organization_id,
    level: row.level,
    state: row.state as 'draft' | 'submitted' | 'returned' | 'accepted',
    standardSet: { id: set.id, key: set.key, version: set.version },
    submittedOn: row.submitted_on,
    reviewedOn: row.reviewed_on,
    reviewComment: row.review_comment,
    working: row.working,
  };
}

/** The assessment as a version of its history records it: state, ratings and actions. */
async function snapshot(ctx: Ctx, row: repo.AssessmentRow) {
  const { ratings, actions } = await entriesOf(ctx, row.id);
  const { created_at: _c, updated_at: _u, ...rest } = row;
  return { ...rest, ratings, actions };
}

async function present(ctx: Ctx, row: repo.AssessmentRow) {
  const [set, { ratings, actions }, history, evidence] = await Promise.all([
    setOf(ctx, row),
    entriesOf(ctx, row.id),
    historyOf(ctx.db, ASSESSMENT, row.id),
    repo.evidenceOf(ctx.db, row.id),
  ]);
  const ratingOf = new Map(ratings.map((r) => [r.standardCode, r]));
  return {
    ...presentSummary(row, set),
    summary: row.summary,
    standards: set.standards.map((s) => ({
      code: s.code,
      title: s.title,
      source: s.source,
      criteria: s.criteria.map((c) => ({ code: c.code, title: c.title, source: c.source })),
      rating: ratingOf.get(s.code)?.rating ?? null,
      narrative: ratingOf.get(s.code)?.narrative ?? null,
      actions: actions.filter((a) => a.standardCode === s.code).map(({ action, owner, dueOn }) => ({ action, owner, dueOn })),
      evidence: evidence.filter((e) => e.standard_code === s.code).map(presentEvidence),
    })),
    history,
  };
}

export async function readable(ctx: Ctx, id: string): Promise<repo.AssessmentRow> {
  const row = await repo.findAssessment(ctx.db, id);
  // A self-assessment is internal to the organization and the authority: others learn nothing, not even that it exists.
  if (!row || !internalQaAccess(ctx, row.organization_id).read) throw notFound(ASSESSMENT, id);
  return row;
}

export async function getAssessment(ctx: Ctx, id: string) {
  return present(ctx, await readable(ctx, id));
}

export async function listAssessments(ctx: Ctx, q: { organizationId?: string; state?: string; limit: number; offset: number }) {
  if (!holdsAnywhere(ctx.actor, 'internal-qa.read')) deny(ctx, 'internal-qa.read');
  const everywhere = canEverywhere(ctx.actor, 'internal-qa.read');
  const own = organizationsOf(ctx.actor).filter((o) => can(ctx.actor, 'internal-qa.read', { organizationIds: [o] }));
  let organizationIds = everywhere ? undefined : own;
  if (q.organizationId) organizationIds = everywhere || own.includes(q.organizationId) ? [q.organizationId] : [];
  const { items, total } = await repo.listAssessments(ctx.db, { organizationIds, state: q.state }, q);
  const sets = new Map<string, { id: string; key: string; version: string }>();
  for (const row of items) if (!sets.has(row.standard_set_id)) sets.set(row.standard_set_id, await setOf(ctx, row));
  return { items: items.map((row) => presentSummary(row, sets.get(row.standard_set_id) as { id: string; key: string; version: string })), total };
}

/**
 * The day a step happens: today, or for demonstration history a past day (the CLI's demo seed only;
 * routes never pass one), with the history entry timed at noon in Astana that day.
 */
export type StepDay = { on: string };
const dayOf = (step?: StepDay) => step?.on ?? todayInAlmaty();
const atOf = (step?: StepDay) => (step ? new Date(`${step.on}T12:00:00+05:00`) : undefined);

/** Starts a self-assessment against the Guidelines' set of the organization's level in force today. */
export async function startAssessment(ctx: Ctx, organizationId: string, step?: StepDay) {
  requirePermission(ctx, 'internal-qa.assess', { organizationIds: [organizationId] });
  const org = await organizationById(ctx.db, organizationId);
  if (!org) throw notFound('organization', organizationId);
  const level = levelOfOrganizationKind(org.kind);
  if (!level) throw validationFailed([{ path: 'organizationId', messageKey: 'errors.oversight.noLevel' }]);
  const set = await ministrySetInForce(ctx.db, guidelinesSetKey(level), dayOf(step));
  if (!set) throw conflict('errors.oversight.noStandards', { key: guidelinesSetKey(level) });
  const open = await repo.openAssessmentOf(ctx.db, organizationId);
  if (open) throw conflict('errors.oversight.openExists', {}, { id: open.id });
  const row = await repo.insertAssessment(ctx.db, { organization_id: organizationId, standard_set_id: set.id, level, summary: null, working: null });
  await recordChange(ctx, { entityType: ASSESSMENT, entityId: row.id, action: 'internal-qa.start', before: null, after: await snapshot(ctx, row), at: atOf(step) });
  return present(ctx, row);
}

export async function forChange(ctx: Ctx, id: string, action: 'assess' | 'review'): Promise<repo.AssessmentRow> {
  const row = await repo.lockAssessment(ctx.db, id);
  if (!row) throw notFound(ASSESSMENT, id);
  const access = internalQaAccess(ctx, row.organization_id);
  if (!access[action]) {
    if (!access.read) throw notFound(ASSESSMENT, id);
    deny(ctx, `internal-qa.${action}`);
  }
  return row;
}

const standardCodes = (set: Awaited<ReturnType<typeof setOf>>) => set.standards.map((s) => s.code);

/** Saves the whole form (ratings, narratives, actions); a returned assessment is edited the same way. */
export async function saveAssessment(ctx: Ctx, id: string, input: AssessmentSave, step?: StepDay) {
  const row = await forChange(ctx, id, 'assess');
  if (!editable(row.state)) throw conflict('errors.oversight.notEditable', { state: row.state });
  const codes = standardCodes(await setOf(ctx, row));
  const issues = entryIssues(codes, input.ratings, input.actions);
  if (issues.length) throw validationFailed(toFieldIssues(issues));
  const before = await snapshot(ctx, row);
  await repo.replaceEntries(
    ctx.db,
    id,
    input.ratings.map((r) => ({ standard_code: r.standardCode, rating: r.rating, narrative: r.narrative })),
    input.actions.map((a) => ({ standard_code: a.standardCode, action: a.action, owner: a.owner, due_on: a.dueOn })),
  );
  const saved = await repo.updateAssessment(ctx.db, id, { summary: input.summary?.trim() || null });
  await recordChange(ctx, { entityType: ASSESSMENT, entityId: id, action: 'internal-qa.save', before, after: await snapshot(ctx, saved), at: atOf(step) });
  return present(ctx, saved);
}

export async function submitAssessment(ctx: Ctx, id: string, step?: StepDay) {
  const row = await forChange(ctx, id, 'assess');
  if (!editable(row.state)) throw conflict('errors.oversight.notEditable', { state: row.state });
  const codes = standardCodes(await setOf(ctx, row));
  const { ratings, actions } = await entriesOf(ctx, id);
  const issues = submissionIssues(codes, ratings, actions);
  if (issues.length) throw validationFailed(toFieldIssues(issues));
  const before = await snapshot(ctx, row);
  const saved = await repo.updateAssessment(ctx.db, id, { state: 'submitted', submitted_on: dayOf(step) });
  await recordChange(ctx, { entityType: ASSESSMENT, entityId: id, action: 'internal-qa.submit', before, after: await snapshot(ctx, saved), at: atOf(step) });
  return present(ctx, saved);
}

/** The authority accepts (the result becomes the organization's internal QA fact) or returns it with comments. */
export async function reviewAssessment(ctx: Ctx, id: string, input: AssessmentReview, step?: StepDay) {
  const row = await forChange(ctx, id, 'review');
  if (!reviewable(row.state)) throw conflict('errors.oversight.notSubmitted', { state: row.state });
  const comment = input.comment?.trim() || null;
  if (input.result === 'returned' && !comment) throw validationFailed([{ path: 'comment', messageKey: 'errors.oversight.commentRequired' }]);
  const before = await snapshot(ctx, row);
  const codes = standardCodes(await setOf(ctx, row));
  const { ratings } = await entriesOf(ctx, id);
  const accepted = input.result === 'accepted';
  const saved = await repo.updateAssessment(ctx.db, id, {
    state: input.result,
    reviewed_on: accepted ? dayOf(step) : null,
    reviewer_user_id: actorId(ctx.actor),
    review_comment: comment,
    working: accepted ? systemWorks(codes, ratings) : null,
  });
  await recordChange(ctx, { entityType: ASSESSMENT, entityId: id, action: `internal-qa.${input.result === 'accepted' ? 'accept' : 'return'}`, before, after: await snapshot(ctx, saved), at: atOf(step) });
  return present(ctx, saved);
}
