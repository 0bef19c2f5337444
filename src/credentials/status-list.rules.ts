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

/**
 * The one status entry a credential carries (OB 3.0 allows one `credentialStatus` object;
 * docs/decisions.md 68): its bit in a suspension list, set while the credential is suspended and
 * for good once it is revoked, so any Bitstring Status List verifier refuses both. Sapa's own
 * verifier tells revoked from suspended by the credential's record. The revocation slot is still
 * kept and published, for credentials issued before with two entries.
 */
export function statusEntry(statusListUrl: (listId: string) => string, slots: { suspension: { listId: string; index: number } }) {
  const { listId, index } = slots.suspension;
  const list = statusListUrl(listId);
  return { id: `${list}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: 'suspension', statusListIndex: String(index), statusListCredential: list };
}
