import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DataDirInUseError, acquireDataDirLock, liveOwnerOf, lockPathOf } from './data-dir-lock.ts';

const freshDir = () => join(mkdtempSync(join(tmpdir(), 'sapa-lock-')), 'db');

/** A pid that surely belongs to no live process: one that has just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function writeLock(dataDir: string, pid: number) {
  writeFileSync(lockPathOf(dataDir), JSON.stringify({ pid, hostname: hostname(), command: 'serve', startedAt: '2026-01-01T00:00:00Z', databaseUrl: null, httpUrl: null }));
}

test('the first process takes the directory, records where its database is, and releases it', () => {
  const dir = freshDir();
  const lock = acquireDataDirLock(dir);
  lock.publish({ databaseUrl: 'postgres://postgres@127.0.0.1:5999/postgres' });
  assert.equal(liveOwnerOf(dir)?.pid, process.pid);
  assert.equal(liveOwnerOf(dir)?.databaseUrl, 'postgres://postgres@127.0.0.1:5999/postgres');
  lock.release();
  assert.equal(existsSync(lockPathOf(dir)), false);
  assert.equal(liveOwnerOf(dir), null);
});

test('a directory held by a live process is refused, naming that process', () => {
  const dir = freshDir();
  // The test runner's parent is alive for as long as this test runs.
  writeLock(dir, process.ppid);
  assert.throws(
    () => acquireDataDirLock(dir),
    (error: unknown) => error instanceof DataDirInUseError && error.owner.pid === process.ppid && new RegExp(`process ${process.ppid}`).test(error.message),
  );
});

test('a stale lock of a dead process is taken over', () => {
  const dir = freshDir();
  writeLock(dir, deadPid());
  assert.equal(liveOwnerOf(dir), null);
  const lock = acquireDataDirLock(dir);
  assert.equal(JSON.parse(readFileSync(lockPathOf(dir), 'utf8')).pid, process.pid);
  lock.release();
});

test('a half-written lock (the owner died while writing it) does not block the directory', () => {
  const dir = freshDir();
  writeFileSync(lockPathOf(dir), '{"pid": 12');
  const lock = acquireDataDirLock(dir);
  assert.equal(liveOwnerOf(dir)?.pid, process.pid);
  lock.release();
});
