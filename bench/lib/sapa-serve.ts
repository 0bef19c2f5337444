// `sapa serve` as production runs it, as a child process on a free port over a PostgreSQL database
// the bench made: for the --workers figure and the soak (whose RSS must be the server's alone).
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const main = new URL('../../src/cli/main.ts', import.meta.url).pathname;

export type Served = { url: string; pids: number[]; child: ChildProcess; stop(): Promise<void> };

/** Starts `sapa serve` (with `--workers N` when given) and resolves once every HTTP process is ready. */
export function startSapaServe(databaseUrl: string, options: { workers?: number; env?: Record<string, string> } = {}): Promise<Served> {
  const args = ['--import', 'tsx', main, 'serve', '--no-jobs', ...(options.workers ? ['--workers', String(options.workers)] : [])];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      LOG_LEVEL: 'info',
      SAPA_DEMO: 'false',
      NODE_ENV: 'production',
      RATE_LIMIT_SEARCH_PER_MINUTE: '0',
      CREDENTIAL_KEY_SECRET: 'bench-only-credential-key-secret',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const expected = options.workers ?? 1;
  const ready: { pid: number; url: string }[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`sapa serve exited with code ${code} before it was ready`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      let entry: { msg?: string; pid?: number; url?: string };
      try {
        entry = JSON.parse(line);
      } catch {
        return;
      }
      if (entry.msg === 'HTTP process ready' && entry.url && entry.pid) ready.push({ pid: entry.pid, url: entry.url.replace('localhost', '127.0.0.1') });
      if (ready.length === expected && ready[0]) {
        resolve({
          url: ready[0].url,
          pids: ready.map((r) => r.pid),
          child,
          stop: async () => {
            child.kill('SIGTERM');
            const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
            await exited;
            clearTimeout(force);
          },
        });
      }
    });
  });
}

/** Resident set size of a process in MB (Linux /proc), or null once it is gone. */
export async function rssMb(pid: number): Promise<number | null> {
  const { readFile } = await import('node:fs/promises');
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}
