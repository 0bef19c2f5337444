// One owner per embedded data directory. PGlite must never open a directory that another process
// holds (two instances on one directory corrupt it for good), so the process that opens it first
// writes a lock file beside it, `<dir>.lock`, with its pid and, once its socket is up, the address
// where other processes (the CLI) reach the same database. A lock whose pid is dead (kill -9, a
// crash) is stale and is taken over; the lock sits beside the directory, not in it, because PGlite
// decides whether to initialize a directory from what is inside.
import { closeSync, existsSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';

export type DataDirOwner = {
  pid: number;
  hostname: string;
  /** What the owner runs, e.g. "serve --bootstrap" or "token --email …". */
  command: string;
  startedAt: string;
  /** The owner's embedded PostgreSQL socket; null while it is still opening the directory. */
  databaseUrl: string | null;
  /** Where the owner serves HTTP, when it is a server. */
  httpUrl: string | null;
};

export type DataDirLock = {
  path: string;
  /** Records where the database (and the HTTP server) can be reached. */
  publish(update: Partial<Pick<DataDirOwner, 'databaseUrl' | 'httpUrl'>>): void;
  release(): void;
};

/** Another live process owns the directory. */
export class DataDirInUseError extends Error {
  readonly dataDir: string;
  readonly owner: DataDirOwner;
  constructor(dataDir: string, owner: DataDirOwner) {
    super(`${describeOwner(owner)} is already running on the data directory ${dataDir}`);
    this.dataDir = dataDir;
    this.owner = owner;
  }
}

export function lockPathOf(dataDir: string): string {
  return `${resolve(dataDir)}.lock`;
}

export function describeOwner(owner: DataDirOwner): string {
  const what = owner.command.startsWith('serve') ? 'Sapa' : `"sapa ${owner.command}"`;
  const where = owner.httpUrl ? ` at ${owner.httpUrl}` : '';
  return `${what} (process ${owner.pid} on ${owner.hostname}${where}, started ${owner.startedAt})`;
}

function readLock(path: string): DataDirOwner | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as DataDirOwner;
  } catch {
    // Missing, or half-written by an owner killed while writing it: no one owns it.
    return null;
  }
}

function isAlive(owner: DataDirOwner): boolean {
  // A lock from another machine (a shared disk) cannot be checked: treat it as held.
  if (owner.hostname !== hostname()) return true;
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live owner of a data directory, or null when no live process holds it. */
export function liveOwnerOf(dataDir: string): DataDirOwner | null {
  const owner = readLock(lockPathOf(dataDir));
  return owner && isAlive(owner) ? owner : null;
}

function tryCreate(path: string, owner: DataDirOwner): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeFileSync(fd, JSON.stringify(owner));
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Moves a stale lock out of the way. The rename is atomic, so of two processes taking over the
 * same stale lock only one moves it; if what was moved turns out to be live (another process took
 * it over in between), it is put back.
 */
function removeStale(path: string): void {
  const aside = `${path}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  const moved = readLock(aside);
  if (moved && isAlive(moved)) {
    if (!existsSync(path)) renameSync(aside, path);
    return;
  }
  unlinkSync(aside);
}

/** Takes the directory for this process, or throws DataDirInUseError naming the live owner. */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = lockPathOf(dataDir);
  const record: DataDirOwner = {
    pid: process.pid,
    hostname: hostname(),
    command: process.argv.slice(2).join(' ') || 'sapa',
    startedAt: new Date().toISOString(),
    databaseUrl: null,
    httpUrl: null,
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(path, record)) return lockHandle(path, record);
    const owner = readLock(path);
    if (owner && isAlive(owner)) throw new DataDirInUseError(resolve(dataDir), owner);
    removeStale(path);
  }
  throw new Error(`could not take the lock ${path}: it keeps changing; is another Sapa starting there?`);
}

function lockHandle(path: string, record: DataDirOwner): DataDirLock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    // Only ever remove our own lock.
    if (readLock(path)?.pid === record.pid) unlinkSync(path);
  };
  process.on('exit', release);
  return {
    path,
    publish(update) {
      Object.assign(record, update);
      const next = `${path}.${process.pid}`;
      writeFileSync(next, JSON.stringify(record));
      renameSync(next, path);
    },
    release,
  };
}
