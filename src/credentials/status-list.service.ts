// Bitstring Status Lists: slots for new credentials, the signed list credentials published at
// /status-lists/{id}, and revocation / suspension / reinstatement with a reason.
import { createHash } from 'node:crypto';
import { BitstringStatusList } from '@digitalbazaar/vc-bitstring-status-list';
import type { Ctx } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import { AppError, notFound, validationFailed } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import { settings } from '../platform/settings.ts';
import type { StatusPurpose } from './credentials.table.ts';
import { VC_V2_CONTEXT } from './document-loader.ts';
import { signingKeyFor } from './keys.internal.ts';
import { signWithIssuerKey } from './proof.ts';
import * as repo from './status-list.repository.ts';
import { allowedActions, nextStatus, type StatusAction } from './status-list.rules.ts';
import { credentialAccess } from './credentials.access.ts';

/** 131,072 entries: the minimum the Bitstring Status List spec asks for, for herd privacy. */
export const STATUS_LIST_LENGTH = 131_072;

export const statusListUrl = (listId: string): string => `${settings().PUBLIC_URL}/status-lists/${listId}`;

/**
 * The list id a Sapa status list URL names, or null. The host is not compared: a credential
 * signed before PUBLIC_URL changed still names its list, and the verifier checks that the list
 * belongs to the credential's issuer.
 */
export function statusListIdOf(url: string): string | null {
  const m = /^https?:\/\/[^/]+(?:\/[^?#]*)?\/status-lists\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(url);
  return m?.[1]?.toLowerCase() ?? null;
}

export type Slot = { listId: string; index: number };

async function slotIn(ctx: Ctx, organizationId: string, purpose: StatusPurpose): Promise<Slot> {
  let list = await repo.openList(ctx.db, organizationId, purpose);
  if (!list) {
    list = await repo.insertList(ctx.db, organizationId, purpose, STATUS_LIST_LENGTH);
    await publishStatusList(ctx, list.id);
  }
  const { index } = await repo.takeSlot(ctx.db, list.id);
  return { listId: list.id, index: Number(index) };
}

/** One revocation slot and one suspension slot for a credential about to be issued. */
export async function allocateStatusSlots(ctx: Ctx, organizationId: string): Promise<{ revocation: Slot; suspension: Slot }> {
  return { revocation: await slotIn(ctx, organizationId, 'revocation'), suspension: await slotIn(ctx, organizationId, 'suspension') };
}

/** Rebuilds, signs and stores a list credential from the statuses in the credentials table. */
export async function publishStatusList(ctx: Ctx, listId: string): Promise<void> {
  const list = await repo.listById(ctx.db, listId);
  if (!list) throw notFound('status-list', listId);
  const bits = new BitstringStatusList({ length: list.length });
  for (const i of await repo.setIndices(ctx.db, listId, list.purpose as StatusPurpose)) bits.setStatus(i, true);
  const key = await signingKeyFor(ctx, list.organization_id);
  const url = statusListUrl(listId);
  const unsigned = {
    '@context': [VC_V2_CONTEXT],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: key.controller,
    validFrom: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject: { id: `${url}#list`, type: 'BitstringStatusList', statusPurpose: list.purpose, encodedList: await bits.encode() },
  };
  const signed = await signWithIssuerKey(unsigned, key);
  const etag = `"${createHash('sha256').update(JSON.stringify(signed)).digest('base64url').slice(0, 27)}"`;
  await repo.storeListCredential(ctx.db, listId, signed, etag);
}

export async function getStatusList(db: Db, id: string) {
  const list = await repo.listById(db, id);
  if (!list?.credential) return null;
  return { credential: list.credential, etag: list.etag ?? '', updatedAt: list.updated_at, organizationId: list.organization_id, purpose: list.purpose };
}

export type SlotState = { set: boolean; purpose: string; organizationId: string };

/**
 * The published bit of each slot (`null` for a list Sapa does not have), read in one query.
 * Verification trusts the signed list Sapa publishes, exactly what an outside verifier sees.
 */
export async function slotStates(db: Db, slots: { listId: string; index: number }[]): Promise<(SlotState | null)[]> {
  const ids = [...new Set(slots.map((s) => s.listId))];
  const lists = ids.length ? await repo.listsForCheck(db, ids) : [];
  const decoded = new Map<string, BitstringStatusList>();
  const out: (SlotState | null)[] = [];
  for (const { listId, index } of slots) {
    const list = lists.find((l) => l.id === listId);
    if (!list?.encoded || !Number.isInteger(index) || index < 0 || index >= list.length) {
      out.push(null);
      continue;
    }
    let bits = decoded.get(listId);
    if (!bits) {
      bits = await BitstringStatusList.decode({ encodedList: list.encoded });
      decoded.set(listId, bits);
    }
    out.push({ set: bits.getStatus(index), purpose: list.purpose, organizationId: list.organization_id });
  }
  return out;
}

export type StatusChange = { id: string; status: string; reason: string | null; changedAt: string };

/** Revokes, suspends or reinstates a credential with a reason, republishing the lists it touches; audited. */
export async function changeCredentialStatus(ctx: Ctx, credentialId: string, action: StatusAction, reason: string | null): Promise<StatusChange> {
  const row = await ctx.db
    .selectFrom('credentials')
    .select(['id', 'organization_id', 'status', 'status_reason', 'status_changed_at', 'revocation_list_id', 'suspension_list_id'])
    .where('id', '=', credentialId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('credential', credentialId);
  credentialAccess(ctx, row.organization_id).require('revoke');
  const trimmed = reason?.trim() || null;
  if (action !== 'reinstate' && !trimmed) throw validationFailed([{ path: 'reason', messageKey: 'errors.credential.reasonRequired' }]);
  const next = nextStatus(row.status, action);
  if (!next) {
    throw new AppError('invalid_transition', 409, 'errors.credential.statusTransition', {
      params: { from: row.status, action },
      extra: { allowedNext: allowedActions(row.status) },
    });
  }
  const at = new Date();
  await ctx.db.updateTable('credentials').set({ status: next, status_reason: trimmed, status_changed_at: at }).where('id', '=', credentialId).execute();
  await recordChange(ctx, {
    entityType: 'credential',
    entityId: credentialId,
    action: `credential.${action}`,
    before: { status: row.status, reason: row.status_reason },
    after: { status: next, reason: trimmed },
    versioned: false,
  });
  // The suspension bit is set while suspended and from revocation on (decision 68).
  if (action === 'revoke') await publishStatusList(ctx, row.revocation_list_id);
  if (action !== 'revoke' || row.status !== 'suspended') await publishStatusList(ctx, row.suspension_list_id);
  return { id: credentialId, status: next, reason: trimmed, changedAt: at.toISOString() };
}
