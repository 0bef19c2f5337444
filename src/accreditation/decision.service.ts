// Accreditation decisions (owner: helper A2): written by the case engine's council, approval and
// publication steps; Registers 2 and 3 are computed from them. Placeholder signatures.
import type { Ctx } from '../platform/context.ts';

export type DecisionInput = {
  /** What the council decided; may depart from the decision rule's proposal with a reason. */
  outcome: 'accredited' | 'refused';
  termYears: number | null;
  departureReason?: string | null;
  decidedOn: string;
};

/** Called by the case service (permission already checked) when the council decides. */
export async function recordDecision(_ctx: Ctx, _caseId: string, _input: DecisionInput): Promise<{ id: string }> {
  throw new Error('not implemented');
}

/** Called when the body head approves: the decision gets its validity dates and certificate number. */
export async function approveDecision(_ctx: Ctx, _caseId: string, _approvedOn: string): Promise<void> {
  throw new Error('not implemented');
}

/** Called when the case is published: the decision enters Registers 2/3 and publication deadlines start. */
export async function publishDecision(_ctx: Ctx, _caseId: string, _publishedOn: string): Promise<void> {
  throw new Error('not implemented');
}
