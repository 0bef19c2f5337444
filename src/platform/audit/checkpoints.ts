// Signed checkpoints of the audit chain's head, made daily (a job) and on demand. Each is kept in
// three places the audit table does not control: a row of audit_checkpoints, a JSON file in the
// file store (FILES_DIR/audit-checkpoints/), and the published list (the API route and the open
// data dumps, through publishedAuditCheckpoints). `sapa audit verify` checks the chain against
// every checkpoint it finds, so cutting the last entries off, or editing one and recomputing every
// later hash, no longer verifies.
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { defineJob } from '../jobs/jobs.ts';
import { settings } from '../settings.ts';
import { type CheckpointKey, checkpointKey } from './checkpoint-key.ts';
import { type SignedCheckpoint, signCheckpoint } from './checkpoint-signature.ts';

export const AUDIT_CHECKPOINT_JOB = 'platform.audit-checkpoint';
export const checkpointDir = () => resolve(settings().AUDIT_CHECKPOINT_DIR || join(settings().FILES_DIR, 'audit-checkpoints'));

export type PublishedCheckpoints = { algorithm: 'Ed25519'; keyId: string; publicKey: string; checkpoints: SignedCheckpoint[] };

/** Signs the chain's current head and stores the checkpoint; null while the chain is empty. */
export async function makeAuditCheckpoint(db: Db, key: CheckpointKey = checkpointKey()): Promise<SignedCheckpoint | null> {
  const checkpoint = await db.transaction().execute(async (trx) => {
    // The lock appends take: no entry can land between reading the head and counting.
    await sql`SELECT pg_advisory_xact_lock(7263101)`.execute(trx);
    const head = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    if (!head) return null;
    const { n } = await trx.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const signed = signCheckpoint({ seq: Number(head.seq), count: Number(n), hash: head.hash, signedAt: new Date().toISOString(), keyId: key.keyId }, key.privateKey);
    await trx
      .insertInto('audit_checkpoints')
      .values({ seq: signed.seq, entry_count: signed.count, hash: signed.hash, signed_at: new Date(signed.signedAt), key_id: signed.keyId, signature: signed.signature })
      .execute();
    return signed;
  });
  if (checkpoint) await writeCheckpointFile(checkpoint, key);
  return checkpoint;
}

async function writeCheckpointFile(checkpoint: SignedCheckpoint, key: CheckpointKey): Promise<void> {
  const dir = checkpointDir();
  await mkdir(dir, { recursive: true });
  const name = `${checkpoint.signedAt.replace(/[:.]/g, '-')}-${checkpoint.seq}.json`;
  const text = `${JSON.stringify({ ...checkpoint, algorithm: 'Ed25519', publicKey: key.publicKeyPem }, null, 2)}\n`;
  // Written aside and renamed, so a reader never sees half a file.
  await writeFile(join(dir, `.${name}.tmp`), text);
  await rename(join(dir, `.${name}.tmp`), join(dir, name));
}

const fromRow = (r: { seq: number; entry_count: number; hash: string; signed_at: Date; key_id: string; signature: string }): SignedCheckpoint => ({
  seq: Number(r.seq),
  count: Number(r.entry_count),
  hash: r.hash,
  signedAt: r.signed_at.toISOString(),
  keyId: r.key_id,
  signature: r.signature,
});

async function checkpointsInFiles(): Promise<SignedCheckpoint[]> {
  let names: string[];
  try {
    names = (await readdir(checkpointDir())).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: SignedCheckpoint[] = [];
  for (const name of names) {
    const c = JSON.parse(await readFile(join(checkpointDir(), name), 'utf8')) as SignedCheckpoint;
    found.push({ seq: c.seq, count: c.count, hash: c.hash, signedAt: c.signedAt, keyId: c.keyId, signature: c.signature });
  }
  return found;
}

/** Every checkpoint, from the table and the file store (a copy deleted in one is still in the other), oldest first. */
export async function allAuditCheckpoints(db: Db): Promise<SignedCheckpoint[]> {
  const rows = (await db.selectFrom('audit_checkpoints').selectAll().execute()).map(fromRow);
  const bySignature = new Map([...rows, ...(await checkpointsInFiles())].map((c) => [c.signature, c]));
  return [...bySignature.values()].sort((a, b) => a.seq - b.seq || a.signedAt.localeCompare(b.signedAt));
}

/** What is published: the public key and the checkpoints, newest first (the open-data dumps call this too). */
export async function publishedAuditCheckpoints(db: Db, limit = 1000): Promise<PublishedCheckpoints> {
  const key = checkpointKey();
  const rows = await db.selectFrom('audit_checkpoints').selectAll().orderBy('seq', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return { algorithm: 'Ed25519', keyId: key.keyId, publicKey: key.publicKeyPem, checkpoints: rows.map(fromRow) };
}

/** Daily at 01:00 (Asia/Almaty): at least one checkpoint a day, whatever else happens. */
export const auditCheckpointJob = defineJob<unknown>({
  name: AUDIT_CHECKPOINT_JOB,
  cron: '0 1 * * *',
  async handler(_data, job) {
    const checkpoint = await makeAuditCheckpoint(job.db);
    job.log.info({ checkpoint }, 'audit checkpoint signed');
  },
});
