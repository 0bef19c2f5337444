// The embedded data directory has one owner: the CLI works through a running server, a second
// server refuses, a killed server's lock does not block the next start, and a damaged directory
// is explained in plain words. Real processes on a real directory.
import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createTestDataDir } from '../../test/helpers/database.ts';
import { lockPathOf } from '../platform/db/data-dir-lock.ts';

const main = new URL('./main.ts', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'sapa-owner-'));
const dataDir = join(root, 'db');
const env = (): NodeJS.ProcessEnv => {
  const { DATABASE_URL: _, ...rest } = process.env;
  return { ...rest, DATA_DIR: dataDir, FILES_DIR: join(root, 'files'), PORT: '0', HOST: '127.0.0.1', SAPA_DEMO: 'false', LOG_LEVEL: 'info' };
};

function sapa(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', main, ...args], { env: env(), encoding: 'utf8' }, (error, out, err) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    );
  });
}

type Server = { child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> };
const servers: ChildProcess[] = [];
after(() => {
  for (const child of servers) child.kill('SIGKILL');
});

/** Starts `sapa serve` and resolves once it listens (the lock then says where). */
async function startServer(): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'serve'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  servers.push(child);
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${output}`);
    if (/Sapa is listening/.test(output) && existsSync(lockPathOf(dataDir))) {
      const url = JSON.parse(readFileSync(lockPathOf(dataDir), 'utf8')).httpUrl as string | null;
      if (url) return { child, url, output: () => output, exited };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not start: ${output}`);
}

async function me(url: string, token: string) {
  const res = await fetch(`${url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
  return (await res.json()) as { authenticated: boolean; name: string | null };
}

const embeddedOnly = process.env.DATABASE_URL ? 'the embedded database only' : false;

test('CLI commands work through a running server, whose restart keeps what they did; a second server and a restore refuse', { skip: embeddedOnly }, async () => {
  await createTestDataDir(dataDir);
  const first = await startServer();

  const added = await sapa('user', 'add', '--email', 'owner-test@sapa.kz', '--name', 'Owner Test', '--password', 'long enough secret', '--role', 'ministry');
  assert.equal(added.code, 0, added.err);
  assert.match(added.err, /working through Sapa \(process \d+/);
  const issued = await sapa('token', 'issue', '--email', 'owner-test@sapa.kz');
  assert.equal(issued.code, 0, issued.err);
  const token = issued.out.trim();
  assert.deepEqual(await me(first.url, token).then((m) => [m.authenticated, m.name]), [true, 'Owner Test']);

  const second = await sapa('serve');
  assert.notEqual(second.code, 0);
  assert.match(second.err, new RegExp(`Sapa \\(process ${first.child.pid} .* at ${first.url}.*is already running on the data directory ${dataDir}`));

  const restore = await sapa('restore', join(root, 'nothing.tar.gz'));
  assert.notEqual(restore.code, 0);
  assert.match(restore.err, new RegExp(`needs the data directory .* to itself, and Sapa \\(process ${first.child.pid}`));

  first.child.kill('SIGTERM');
  assert.equal(await first.exited, 0, first.output());
  assert.equal(existsSync(lockPathOf(dataDir)), false, 'a stopped server leaves no lock');

  const again = await startServer();
  assert.equal((await me(again.url, token)).authenticated, true, 'the user and token survive a restart');
  again.child.kill('SIGKILL');
  await again.exited;
  assert.equal(existsSync(lockPathOf(dataDir)), true, 'kill -9 leaves its lock behind');

  const afterKill = await startServer();
  assert.equal((await me(afterKill.url, token)).authenticated, true, 'a stale lock does not prevent the next start');
  afterKill.child.kill('SIGTERM');
  await afterKill.exited;
});

test('a damaged directory is explained in plain words, and a backup brings it back', { skip: embeddedOnly }, async () => {
  const backup = join(root, 'backup.tar.gz');
  const saved = await sapa('backup', backup);
  assert.equal(saved.code, 0, saved.err);

  const control = join(dataDir, 'global', 'pg_control');
  const bytes = readFileSync(control);
  bytes.fill(7, 0, 256);
  writeFileSync(control, bytes);

  const broken = await sapa('serve');
  assert.notEqual(broken.code, 0);
  assert.match(broken.err, new RegExp(`The embedded database in ${dataDir} cannot be opened`));
  assert.match(broken.err, /restore a backup: npm run sapa -- restore/);
  assert.match(broken.err, /move it aside and start fresh/);
  assert.doesNotMatch(broken.err, /Aborted\(\)/);
  assert.equal(existsSync(lockPathOf(dataDir)), false, 'a failed start leaves no lock');

  const restored = await sapa('restore', backup);
  assert.equal(restored.code, 0, restored.err);
  assert.match(restored.out, /the previous directory is kept as .*before-restore/);
  const server = await startServer();
  assert.equal((await fetch(`${server.url}/api/health`)).status, 200);
  server.child.kill('SIGTERM');
  await server.exited;
});
