// Where file bytes live. The interface lets an S3-compatible store replace the local directory
// (FILES_DIR) later; callers only stage, publish, discard and read by SHA-256.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export type StagedBlob = { readonly token: string };

export type BlobStore = {
  /** Writes the bytes where no reader looks yet. */
  stage(bytes: Uint8Array): Promise<StagedBlob>;
  /** Makes staged bytes readable under their hash; the same content already there is kept. */
  publish(staged: StagedBlob, sha256: string): Promise<void>;
  /** Forgets staged bytes (after a refusal or a rolled-back transaction); safe to call twice. */
  discard(staged: StagedBlob): Promise<void>;
  read(sha256: string): Promise<Uint8Array | null>;
  has(sha256: string): Promise<boolean>;
};

const HASH = /^[0-9a-f]{64}$/;

/** Files under `<dir>/sha256/<first two hex digits>/<hash>`, staged under `<dir>/staging/`. */
export function localBlobStore(dir: string): BlobStore {
  const root = resolve(dir);
  const staging = join(root, 'staging');
  const pathOf = (sha256: string) => {
    if (!HASH.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return join(root, 'sha256', sha256.slice(0, 2), sha256);
  };
  const stagedPath = (staged: StagedBlob) => join(staging, staged.token);
  return {
    async stage(bytes) {
      await mkdir(staging, { recursive: true });
      const staged = { token: randomUUID() };
      await writeFile(stagedPath(staged), bytes, { flag: 'wx' });
      return staged;
    },
    async publish(staged, sha256) {
      const target = pathOf(sha256);
      await mkdir(join(target, '..'), { recursive: true });
      // rename is atomic on one file system: a reader sees the whole file or none.
      await rename(stagedPath(staged), target);
    },
    async discard(staged) {
      await rm(stagedPath(staged), { force: true });
    },
    async read(sha256) {
      try {
        return new Uint8Array(await readFile(pathOf(sha256)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async has(sha256) {
      try {
        return (await stat(pathOf(sha256))).isFile();
      } catch {
        return false;
      }
    },
  };
}
