// Kysely table type of the file store's index (migration 0014): owned by platform/files, the only
// code that reads or writes it; modules keep the hashes of the files they reference.
import type { Generated } from 'kysely';

export type FileTables = {
  /** One row per distinct content; the bytes live in the file store under the hash. */
  files: {
    sha256: string;
    size: number;
    media_type: string;
    extension: string;
    created_by: string | null;
    created_at: Generated<Date>;
  };
};
