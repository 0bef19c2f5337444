// Which status changes a credential allows. Pure. Revocation is final; suspension can be lifted.
import type { CredentialStatus } from './credentials.table.ts';

export const STATUS_ACTIONS = ['revoke', 'suspend', 'reinstate'] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];

const TRANSITIONS: Record<CredentialStatus, Partial<Record<StatusAction, CredentialStatus>>> = {
  active: { revoke: 'revoked', suspend: 'suspended' },
  suspended: { revoke: 'revoked', reinstate: 'active' },
  revoked: {},
};

export function nextStatus(current: string, action: StatusAction): CredentialStatus | null {
  return TRANSITIONS[current as CredentialStatus]?.[action] ?? null;
}

export const allowedActions = (current: string): StatusAction[] => Object.keys(TRANSITIONS[current as CredentialStatus] ?? {}) as StatusAction[];

/** The status entries a credential carries: one bit in a revocation list, one in a suspension list. */
export function statusEntries(
  statusListUrl: (listId: string) => string,
  slots: { revocation: { listId: string; index: number }; suspension: { listId: string; index: number } },
) {
  return (['revocation', 'suspension'] as const).map((purpose) => {
    const { listId, index } = slots[purpose];
    const list = statusListUrl(listId);
    return { id: `${list}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: purpose, statusListIndex: String(index), statusListCredential: list };
  });
}
