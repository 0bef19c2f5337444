// `npm run bench`: every bench/*.bench.ts in turn, each in its own process on this Node with tsx,
// its stdout (one JSON line per figure) passed straight through. `npm run bench -- api` runs
// only the files whose name contains "api". Exits non-zero when any benchmark failed.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filters.length || filters.some((w) => f.includes(w)))
  .sort();

function run(file: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(file, import.meta.url))], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: process.env,
    });
    child.on('error', (error) => {
      process.stderr.write(`${file}: ${error.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

let failed = 0;
if (!files.length) process.stderr.write(`no bench/*.bench.ts matches ${filters.join(' ')}\n`);
for (const file of files) {
  process.stderr.write(`== ${file}\n`);
  const started = performance.now();
  const code = await run(file);
  process.stderr.write(`== ${file}: ${code === 0 ? 'done' : `failed (exit ${code})`} in ${Math.round((performance.now() - started) / 1000)} s\n`);
  if (code !== 0) failed++;
}
process.exitCode = failed || !files.length ? 1 : 0;
