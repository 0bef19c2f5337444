// Rewriting the audit trail unnoticed: cutting off its last entries, or editing one and recomputing
// every later hash, keeps every link valid; only a signed checkpoint kept elsewhere catches it.
import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { sql } from 'kysely';
import { type TestApp, createTestApp } from '../../../test/helpers/app.ts';
import { canonicalJson } from './canonical-json.ts';
import { settings, useSettings } from '../settings.ts';
import { linkHash } from './audit-chain.ts';
import { readAuditChain } from './audit.repository.ts';
import { appendAuditEntry } from './audit.repository.ts';
import { verifyAuditTrail } from './audit.service.ts';
import { makeAuditCheckpoint } from './checkpoints.ts';

let t: TestApp;
let dir: string;
const previous = settings();

before(async () => {
  t = await createTestApp();
  dir = mkdtempSync(join(tmpdir(), 'sapa-checkpoints-'));
  useSettings({ ...previous, FILES_DIR: join(dir, 'files'), AUDIT_CHECKPOINT_DIR: '', AUDIT_KEY_FILE: join(dir, 'keys', 'audit.pem') });
});
after(async () => {
  useSettings(previous);
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
async function append(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await t.db.transaction().execute((trx) =>
      appendAuditEntry(trx, { at: new Date(), actorId: null, actorLabel: 'test', action: 'test.write', entityType: 'test', entityId: `e${++n}`, before: null, after: { n }, requestId: null }),
    );
  }
}

async function lastSeqs(count: number): Promise<number[]> {
  const rows = await t.db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(count).execute();
  return rows.map((r) => Number(r.seq));
}

beforeEach(async () => {
  // Each test starts from an intact, checkpointed trail.
  await sql`DELETE FROM audit_checkpoints`.execute(t.db);
  rmSync(join(dir, 'files'), { recursive: true, force: true });
  await append(3);
});

test('deleting the last entries after a checkpoint fails verification as truncated', async () => {
  const checkpoint = await makeAuditCheckpoint(t.db);
  assert.ok(checkpoint);
  assert.equal((await verifyAuditTrail(t.db)).ok, true);
  const [last, beforeLast] = await lastSeqs(2);
  await sql`DELETE FROM audit_log WHERE seq IN (${last}, ${beforeLast})`.execute(t.db);
  const result = await verifyAuditTrail(t.db);
  assert.equal(result.ok, false);
  assert.deepEqual(result.firstBreak, { seq: checkpoint.seq, reason: 'truncated' });
  await append(3); // the trail goes on, but the signed head is gone for good
  assert.equal((await verifyAuditTrail(t.db)).ok, false);
});

test('editing an entry and recomputing every later hash fails verification, even with the checkpoint rows deleted', async () => {
  await makeAuditCheckpoint(t.db);
  const [, target] = await lastSeqs(2);
  await sql`UPDATE audit_log SET actor_label = 'someone else' WHERE seq = ${target}`.execute(t.db);
  let prev: string | null = null;
  for await (const page of readAuditChain(t.db)) {
    for (const entry of page) {
      if (entry.seq < (target as number)) {
        prev = entry.hash;
        continue;
      }
      const hash = linkHash(prev as string, entry);
      await sql`UPDATE audit_log SET prev_hash = ${prev}, hash = ${hash} WHERE seq = ${entry.seq}`.execute(t.db);
      prev = hash;
    }
  }
  await sql`DELETE FROM audit_checkpoints`.execute(t.db);
  const result = await verifyAuditTrail(t.db);
  assert.equal(result.ok, false);
  assert.equal(result.firstBreak?.reason, 'checkpoint-mismatch');
});

test('a checkpoint not signed by the key is refused', async () => {
  const real = await makeAuditCheckpoint(t.db);
  assert.ok(real);
  rmSync(join(dir, 'files'), { recursive: true, force: true });
  await sql`UPDATE audit_checkpoints SET signature = ${`${real.signature.slice(0, -4)}AAAA`}`.execute(t.db);
  assert.equal((await verifyAuditTrail(t.db)).firstBreak?.reason, 'checkpoint-forged');
});

test('the checkpoints are published with the public key that checks them', async () => {
  const made = await t.json('POST', '/api/audit/checkpoints', { token: await t.tokenFor('ministry') });
  assert.equal(made.status, 201);
  assert.equal((await t.json('POST', '/api/audit/checkpoints', { token: await t.tokenFor('org-admin') })).status, 403);
  const res = await t.json('GET', '/api/audit/checkpoints');
  assert.equal(res.status, 200);
  const [latest] = res.body.checkpoints;
  assert.deepEqual(latest, made.body);
  const signed = Buffer.from(canonicalJson({ type: 'sapa-audit-checkpoint', seq: latest.seq, count: latest.count, hash: latest.hash, signedAt: latest.signedAt, keyId: latest.keyId }));
  assert.ok(verify(null, signed, createPublicKey(res.body.publicKey), Buffer.from(latest.signature, 'base64url')));
});
