// `sapa serve --workers N`: several HTTP processes on one port, a dead one replaced; refused, with a
// reason, on the embedded database (one process per data directory).
import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, test } from 'node:test';
import { type TestDatabase, createTestDatabase } from '../test/helpers/database.ts';

const main = new URL('./cli/main.ts', import.meta.url).pathname;

test('--workers is refused on the embedded database, saying why', async () => {
  const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'sapa-workers-')), LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  const result = await new Promise<{ code: number; err: string }>((resolve) =>
    execFile(process.execPath, ['--import', 'tsx', main, 'serve', '--workers', '2'], { env, encoding: 'utf8' }, (error, _out, err) => resolve({ code: error ? 1 : 0, err })),
  );
  assert.equal(result.code, 1);
  assert.match(result.err, /--workers needs a PostgreSQL server \(DATABASE_URL\)/);
});

let database: TestDatabase | null = null;
let primary: ChildProcess | null = null;
after(async () => {
  primary?.kill('SIGKILL');
  await database?.close();
});

test('two HTTP processes share the port, and one that dies is replaced', { skip: process.env.DATABASE_URL ? false : 'needs PostgreSQL (DATABASE_URL): the embedded database serves one process' }, async () => {
  database = await createTestDatabase();
  primary = spawn(process.execPath, ['--import', 'tsx', main, 'serve', '--workers', '2', '--no-jobs'], {
    env: { ...process.env, DATABASE_URL: database.url, PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready: { pid: number; url: string }[] = [];
  let replaced = false;
  const lines = createInterface({ input: primary.stdout as NodeJS.ReadableStream });
  const waitFor = (check: () => boolean) =>
    new Promise<void>((resolve) => {
      const tick = () => (check() ? resolve() : setTimeout(tick, 50));
      tick();
    });
  lines.on('line', (line) => {
    const entry = JSON.parse(line) as { msg: string; pid: number; url?: string };
    if (entry.msg === 'HTTP process ready' && entry.url) ready.push({ pid: entry.pid, url: entry.url });
    if (entry.msg.startsWith('an HTTP process stopped')) replaced = true;
  });
  await waitFor(() => ready.length === 2);
  const [first, second] = ready;
  assert.ok(first && second && first.pid !== second.pid, 'two processes');
  assert.equal(first.url, second.url, 'on one port');
  for (let i = 0; i < 10; i++) assert.equal((await fetch(`${first.url}/api/health`)).status, 200);
  process.kill(first.pid, 'SIGKILL');
  await waitFor(() => replaced && ready.length === 3);
  for (let i = 0; i < 10; i++) assert.equal((await fetch(`${first.url}/api/health`)).status, 200);
  primary.kill('SIGTERM');
  await new Promise((resolve) => primary?.once('exit', resolve));
});
