// Keys kept in files beside the data, never in the database (whoever reads or rewrites the
// database does not get them): read, or made on first use readable by their owner only.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The file's text, writing `make()` to it first when it does not exist (another process's wins a race). */
export function readOrCreateKeyFile(file: string, make: () => string): string {
  const path = resolve(file);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(path, make(), { flag: 'wx', mode: 0o600 });
  } catch (raced) {
    if ((raced as NodeJS.ErrnoException).code !== 'EEXIST') throw raced;
  }
  return readFileSync(path, 'utf8');
}
