// Verifying the audit trail end to end: every link of the hash chain, and the chain against every
// signed checkpoint of its head. Reports the first problem.
import type { Db } from '../db/database.ts';
import { type ChainBreak, GENESIS_HASH, findBreak } from './audit-chain.ts';
import { countAuditEntries, readAuditChain } from './audit.repository.ts';
import { type CheckpointKey, checkpointKey } from './checkpoint-key.ts';
import { type SignedCheckpoint, checkpointSignatureValid } from './checkpoint-signature.ts';
import { allAuditCheckpoints } from './checkpoints.ts';

/**
 * Beyond a broken link: `checkpoint-forged` (a checkpoint whose signature is not the key's),
 * `checkpoint-mismatch` (the entry a checkpoint signed has another hash or position now: the chain
 * was recomputed), `truncated` (the chain ends before an entry a checkpoint signed).
 */
export type AuditBreak = ChainBreak | { seq: number; reason: 'checkpoint-forged' | 'checkpoint-mismatch' | 'truncated' };

export type AuditVerification = { ok: boolean; checked: number; total: number; checkpoints: number; firstBreak: AuditBreak | null };

export async function verifyAuditTrail(
  db: Db,
  onProgress?: (checked: number, total: number) => void,
  key: Pick<CheckpointKey, 'publicKey'> = checkpointKey(),
): Promise<AuditVerification> {
  const total = await countAuditEntries(db);
  const checkpoints = await allAuditCheckpoints(db);
  const result = (checked: number, firstBreak: AuditBreak | null): AuditVerification => ({ ok: !firstBreak, checked, total, checkpoints: checkpoints.length, firstBreak });
  const forged = checkpoints.find((c) => !checkpointSignatureValid(c, key.publicKey));
  if (forged) return result(0, { seq: forged.seq, reason: 'checkpoint-forged' });

  const pending = new Map<number, SignedCheckpoint[]>();
  for (const c of checkpoints) pending.set(c.seq, [...(pending.get(c.seq) ?? []), c]);
  let prev = GENESIS_HASH;
  let checked = 0;
  for await (const page of readAuditChain(db)) {
    const walk = findBreak(page, prev);
    for (const [i, entry] of page.slice(0, walk.checked).entries()) {
      for (const c of pending.get(entry.seq) ?? []) {
        if (c.hash !== entry.hash || c.count !== checked + i + 1) return result(checked + i, { seq: entry.seq, reason: 'checkpoint-mismatch' });
      }
      pending.delete(entry.seq);
    }
    checked += walk.checked;
    if (walk.break) return result(checked, walk.break);
    prev = walk.last;
    onProgress?.(checked, total);
  }
  const missing = [...pending.keys()].sort((a, b) => a - b)[0];
  if (missing !== undefined) return result(checked, { seq: missing, reason: 'truncated' });
  return result(checked, null);
}
