// Verifying the audit trail end to end: reports the first broken link.
import type { Db } from '../db/database.ts';
import { type ChainBreak, GENESIS_HASH, findBreak } from './audit-chain.ts';
import { countAuditEntries, readAuditChain } from './audit.repository.ts';

export type AuditVerification = { ok: boolean; checked: number; total: number; firstBreak: ChainBreak | null };

export async function verifyAuditTrail(db: Db, onProgress?: (checked: number, total: number) => void): Promise<AuditVerification> {
  const total = await countAuditEntries(db);
  let prev = GENESIS_HASH;
  let checked = 0;
  for await (const page of readAuditChain(db)) {
    const result = findBreak(page, prev);
    checked += result.checked;
    if (result.break) return { ok: false, checked, total, firstBreak: result.break };
    prev = result.last;
    onProgress?.(checked, total);
  }
  return { ok: true, checked, total, firstBreak: null };
}
