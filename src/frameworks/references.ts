// Checks every classifier code of a write at once, so one 422 names all unknown codes.
import type { Db } from '../platform/db/database.ts';
import type { FieldIssue } from '../platform/errors.ts';
import { unknownCodes } from './classifier.repository.ts';

export type CodeRef = { classifier: string; path: string; code: string | null | undefined };

export async function unknownCodeIssues(db: Db, refs: CodeRef[]): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const byClassifier = Map.groupBy(refs.filter((r) => r.code), (r) => r.classifier);
  for (const [classifier, group] of byClassifier) {
    const unknown = new Set(await unknownCodes(db, classifier, group.map((r) => r.code)));
    for (const ref of group) {
      if (ref.code && unknown.has(ref.code)) {
        issues.push({ path: ref.path, messageKey: 'errors.field.unknownCode', params: { classifier, code: ref.code } });
      }
    }
  }
  return issues;
}
