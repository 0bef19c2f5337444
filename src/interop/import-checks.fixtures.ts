// The checks every register's importer test makes the same way: all bad rows listed with their
// column, and a commit killed at a chosen row leaving nothing behind.
import assert from 'node:assert/strict';
import type { Ctx } from '../platform/context.ts';
import type { RegisterName } from './import-descriptor.ts';
import { commitImport } from './import-service.ts';

type Outcome = Awaited<ReturnType<typeof commitImport>>;

/** Rows 2 … count+1 of the file (after its header) are each listed, every problem with its column. */
export function assertEveryBadRowListed(outcome: Outcome, count: number): void {
  assert.equal(outcome.committed, false);
  assert.deepEqual(
    [...new Set(outcome.problems.map((p) => p.row))],
    Array.from({ length: count }, (_, i) => i + 2),
  );
  assert.ok(
    outcome.problems.every((p) => p.column !== null),
    JSON.stringify(outcome.problems.filter((p) => !p.column)),
  );
}

/** A commit aborted at data row 3 is refused as a whole. */
export async function assertAbortAtRowRefused(ctx: Ctx, register: RegisterName, file: Buffer): Promise<void> {
  await assert.rejects(
    commitImport(ctx, register, file, {
      beforeRow: (r) => {
        if (r === 3) throw new Error('killed at row 3');
      },
    }),
    /killed at row 3/,
  );
}
