// Relationships between organizations (parent, branch, host, successor, merger, split) speak for
// both sides: the ministry records one in force at once (as does someone who administers both);
// an admin of one side proposes it, and it stays out of public view until an admin of the other
// side confirms it (or declines it). Someone with rights on neither side is refused.
import type { Ctx } from '../platform/context.ts';
import type { Source } from '../platform/db/schema.ts';
import { AppError, conflict, notFound, unknownReferences, validationFailed } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import { organizationAccess } from './organization.access.ts';
import * as organizations from './organization.repository.ts';
import type { RelationshipInput } from './organization.schema.ts';
import * as repo from './relationship.repository.ts';
import { relationshipProblems } from './relationship-rules.ts';

const ORGANIZATION = 'organization';
const RELATIONSHIP = 'organization-relationship';

/**
 * Records a relationship from `fromId`: in force when the actor may speak for both sides, else a
 * proposal of the side the actor administers. `effectiveOn` may be unknown (null) only for
 * relationships loaded from the reference documents.
 */
export async function addRelationship(
  ctx: Ctx,
  fromId: string,
  input: Omit<RelationshipInput, 'effectiveOn'> & { effectiveOn: string | null },
  source?: Source,
) {
  const bothSides = organizationAccess(ctx, [fromId, input.toId]).can('update');
  const proposedById = bothSides ? null : proposingSide(ctx, fromId, input.toId);
  const existing = await organizations.existingOrganizationIds(ctx.db, [fromId, input.toId]);
  if (!existing.has(fromId)) throw notFound(ORGANIZATION, fromId);
  if (!existing.has(input.toId) && fromId !== input.toId) {
    throw unknownReferences([{ path: 'toId', messageKey: 'errors.field.unknownId', params: { entity: ORGANIZATION, id: input.toId } }]);
  }
  if (input.endedOn && input.effectiveOn && input.endedOn < input.effectiveOn) {
    throw validationFailed([{ path: 'endedOn', messageKey: 'errors.field.dateOrder', params: { from: 'effectiveOn', to: 'endedOn' } }]);
  }
  // Direction and shape of the graph (one organization above another, no cycles): relationship-rules.ts.
  // A proposal is also checked against the proposals already waiting; the ministry's record is not
  // held up by them (a contradicted proposal fails when confirmed).
  const problems = relationshipProblems(await repo.relationshipLinks(ctx.db, proposedById !== null), { type: input.type, fromId, toId: input.toId });
  if (problems.length) throw validationFailed(problems);
  const row = await organizations.insertRelationship(ctx.db, { ...input, fromId, source, proposedById });
  await recordChange(ctx, {
    entityType: RELATIONSHIP,
    entityId: row.id,
    action: proposedById ? 'organization.relate.propose' : 'organization.relate',
    before: null,
    after: { ...input, fromId, state: row.state },
  });
  return row;
}

/** The side the actor administers, when it is only one of the two (401/403 when neither). */
function proposingSide(ctx: Ctx, fromId: string, toId: string): string {
  for (const side of [fromId, toId]) if (organizationAccess(ctx, [side]).can('update')) return side;
  organizationAccess(ctx, [fromId, toId]).require('update');
  throw new Error('unreachable: require throws');
}

/**
 * The other side's answer to a proposal, given through the organization `organizationId` (the
 * side that did not propose; the ministry answers for either). Confirming puts it in force, after
 * checking the graph again against what came into force meanwhile.
 */
export async function answerProposal(ctx: Ctx, organizationId: string, relationshipId: string, answer: 'confirm' | 'decline') {
  organizationAccess(ctx, [organizationId]).require('update');
  const row = await repo.findRelationship(ctx.db, relationshipId);
  if (!row || (row.from_id !== organizationId && row.to_id !== organizationId)) throw notFound(RELATIONSHIP, relationshipId);
  if (row.state !== 'proposed') throw conflict('errors.relationshipConsent.notProposed');
  if (row.proposed_by_id === organizationId && !organizationAccess(ctx, [row.from_id, row.to_id]).can('update')) {
    throw new AppError('forbidden', 403, 'errors.relationshipConsent.otherSideAnswers');
  }
  if (answer === 'confirm') {
    const links = (await repo.relationshipLinks(ctx.db)).filter((l) => l.id !== row.id);
    const problems = relationshipProblems(links, { type: row.type, fromId: row.from_id, toId: row.to_id });
    if (problems.length) throw validationFailed(problems);
  }
  const decided = await repo.decideRelationship(ctx.db, row.id, answer === 'confirm' ? 'in-force' : 'declined');
  if (!decided) throw conflict('errors.relationshipConsent.notProposed');
  await recordChange(ctx, {
    entityType: RELATIONSHIP,
    entityId: row.id,
    action: answer === 'confirm' ? 'organization.relate.confirm' : 'organization.relate.decline',
    before: { state: row.state },
    after: { state: decided.state },
  });
  return { id: decided.id, state: decided.state };
}

/** A relationship as seen from one of its organizations (the other one named). */
export function presentRelationship(r: repo.RelationshipRow, organizationId: string) {
  const outgoing = r.from_id === organizationId;
  return {
    id: r.id,
    type: r.type,
    direction: outgoing ? ('outgoing' as const) : ('incoming' as const),
    otherId: outgoing ? r.to_id : r.from_id,
    otherName: outgoing ? { kk: r.to_kk, ru: r.to_ru, en: r.to_en } : { kk: r.from_kk, ru: r.from_ru, en: r.from_en },
    effectiveOn: r.effective_on,
    endedOn: r.ended_on,
    note: r.note,
  };
}

/** The organization's relationships in force: the public ones. */
export async function relationshipsInForce(ctx: Ctx, organizationId: string) {
  return (await repo.relationshipsOf(ctx.db, organizationId, 'in-force')).map((r) => presentRelationship(r, organizationId));
}

/** Proposals involving the organization that wait for an answer: for its admin (and the ministry). */
export async function relationshipProposals(ctx: Ctx, organizationId: string) {
  organizationAccess(ctx, [organizationId]).require('update');
  const rows = await repo.relationshipsOf(ctx.db, organizationId, 'proposed');
  // awaitsAnswer: this organization is the side to answer it.
  return rows.map((r) => ({ ...presentRelationship(r, organizationId), awaitsAnswer: r.proposed_by_id !== organizationId }));
}
