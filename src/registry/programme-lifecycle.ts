// The lifecycle of a programme in the Register of Educational Programmes. Pure.
// draft → submitted → expert-review → included | returned → (update → submitted → expert-review) → excluded
export const PROGRAMME_STATUSES = ['draft', 'submitted', 'expert-review', 'included', 'returned', 'update', 'excluded'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

export const PROGRAMME_ACTIONS = ['submit', 'start-review', 'include', 'return', 'start-update', 'exclude'] as const;
export type ProgrammeAction = (typeof PROGRAMME_ACTIONS)[number];

type Transition = { from: readonly ProgrammeStatus[]; to: ProgrammeStatus; by: 'organization' | 'ministry'; needsComment: boolean };

export const TRANSITIONS: Record<ProgrammeAction, Transition> = {
  submit: { from: ['draft', 'returned', 'update'], to: 'submitted', by: 'organization', needsComment: false },
  'start-review': { from: ['submitted'], to: 'expert-review', by: 'ministry', needsComment: false },
  include: { from: ['expert-review'], to: 'included', by: 'ministry', needsComment: false },
  return: { from: ['expert-review'], to: 'returned', by: 'ministry', needsComment: true },
  'start-update': { from: ['included'], to: 'update', by: 'organization', needsComment: false },
  exclude: { from: ['included', 'update'], to: 'excluded', by: 'ministry', needsComment: true },
};

/** Statuses in which the organization may edit the passport. */
export const EDITABLE: readonly ProgrammeStatus[] = ['draft', 'returned', 'update'];

export function allowedActions(status: ProgrammeStatus): ProgrammeAction[] {
  return PROGRAMME_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));
}

export type TransitionCheck = { ok: true; to: ProgrammeStatus } | { ok: false; reason: 'not-allowed' | 'comment-required'; allowed: ProgrammeAction[] };

export function checkTransition(status: ProgrammeStatus, action: ProgrammeAction, comment?: string | null): TransitionCheck {
  const t = TRANSITIONS[action];
  if (!t.from.includes(status)) return { ok: false, reason: 'not-allowed', allowed: allowedActions(status) };
  if (t.needsComment && !comment?.trim()) return { ok: false, reason: 'comment-required', allowed: allowedActions(status) };
  return { ok: true, to: t.to };
}
