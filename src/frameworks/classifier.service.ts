// Versioned classifiers: read any version, publish a new one that takes over on its validFrom.
// Versions are never edited: a correction is a new version, so "which code meant what on a date"
// stays answerable.
import type { Ctx } from '../platform/context.ts';
import { requirePermission } from '../platform/context.ts';
import { AppError, type FieldIssue, notFound, validationFailed } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import type { ClassifierEntry, ClassifierVersionInput } from './classifier.schema.ts';
import * as repo from './classifier.repository.ts';
import { atDataVersion } from '../platform/db/version-memo.ts';
import { classifierVersionIssues } from './framework-rules.ts';
import { provenanceOfSource } from './provenance.ts';

type EntryRow = Awaited<ReturnType<typeof repo.listEntries>>[number];
type VersionRow = Awaited<ReturnType<typeof repo.listClassifierVersions>>[number];

const presentEntry = (r: EntryRow): ClassifierEntry => ({
  code: r.code,
  parentCode: r.parent_code,
  name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en },
  attributes: r.attributes,
  source: r.source,
  provenance: provenanceOfSource(r.source),
  version: r.version,
});

const presentVersion = (v: VersionRow) => ({ version: v.version, validFrom: v.valid_from, validTo: v.valid_to, title: v.title });

const inForce = (v: VersionRow, on: string) => v.valid_from <= on && (v.valid_to === null || v.valid_to > on);

export async function listClassifiers(ctx: Ctx) {
  const today = repo.todayInAlmaty();
  const byClassifier = Map.groupBy(await repo.listClassifierVersions(ctx.db), (v) => v.classifier);
  const items = [...byClassifier].map(([classifier, versions]) => ({
    classifier,
    current: versions.find((v) => inForce(v, today))?.version ?? null,
    versions: versions.map(presentVersion),
  }));
  return { items, total: items.length };
}

async function versionsOrThrow(ctx: Ctx, classifier: string) {
  const versions = await repo.listClassifierVersions(ctx.db, classifier);
  if (!versions.length) throw notFound('classifier', classifier);
  return versions;
}

export async function getClassifierEntries(ctx: Ctx, classifier: string, q: { version?: string; parent?: string }) {
  const versions = await versionsOrThrow(ctx, classifier);
  const today = repo.todayInAlmaty();
  const chosen = q.version ? versions.find((v) => v.version === q.version) : versions.find((v) => inForce(v, today));
  if (q.version && !chosen) throw notFound('classifier-version', `${classifier}/${q.version}`);
  const items = chosen ? (await repo.listEntries(ctx.db, classifier, chosen.version, q.parent)).map(presentEntry) : [];
  return {
    classifier,
    version: chosen?.version ?? null,
    validFrom: chosen?.valid_from ?? null,
    validTo: chosen?.valid_to ?? null,
    title: chosen?.title ?? null,
    items,
    total: items.length,
  };
}

export async function getClassifierEntry(ctx: Ctx, classifier: string, code: string, version?: string) {
  await versionsOrThrow(ctx, classifier);
  const row = await repo.entryByCode(ctx.db, classifier, code, version);
  if (!row) throw notFound(`classifier-entry`, `${classifier}/${code}`);
  return presentEntry(row);
}

export async function publishClassifierVersion(ctx: Ctx, classifier: string, input: ClassifierVersionInput) {
  requirePermission(ctx, 'framework.manage');
  const versions = await repo.listClassifierVersions(ctx.db, classifier);
  if (versions.some((v) => v.version === input.version)) {
    const issue: FieldIssue = { path: 'version', messageKey: 'errors.field.versionTaken', params: { classifier, version: input.version } };
    throw new AppError('duplicate', 409, issue.messageKey, { params: issue.params, issues: [issue] });
  }
  const previous = await repo.latestOpenVersion(ctx.db, classifier);
  const issues = classifierVersionIssues(input);
  // The previous version ends the day the new one starts; an empty or negative span is a mistake.
  if (previous && input.validFrom <= previous.valid_from) {
    issues.push({ path: 'validFrom', messageKey: 'errors.field.validFromNotAfter', params: { date: previous.valid_from, version: previous.version } });
  }
  if (issues.length) throw validationFailed(issues);
  if (previous) await repo.closeVersion(ctx.db, classifier, previous.version, input.validFrom);
  await repo.insertVersion(ctx.db, { classifier, version: input.version, validFrom: input.validFrom, title: input.title, source: input.source }, input.entries);
  const published = { version: input.version, validFrom: input.validFrom, validTo: null, title: input.title };
  // Entries are immutable rows of their version, so the audit entry records the version, not a copy of them.
  await recordChange(ctx, {
    entityType: 'classifier-version',
    entityId: `${classifier}/${input.version}`,
    action: 'classifier.publish',
    before: previous ? { version: previous.version, validFrom: previous.valid_from, validTo: null } : null,
    after: { classifier, ...published, entries: input.entries.length, previous: previous ? { version: previous.version, validTo: input.validFrom } : null },
    versioned: false,
  });
  return { classifier, ...published, entries: input.entries.length };
}

/** Code and name of every entry in force of one or several classifiers, for pages that label codes. */
export function entriesInForce(ctx: Ctx, classifiers: string | string[]): Promise<readonly ClassifierName[]> {
  return atDataVersion(ctx, `entriesInForce|${[classifiers].flat().join('|')}`, async () => {
    const rows = await repo.currentEntries(ctx.db, classifiers).select(['e.classifier', 'e.code', 'e.name_kk', 'e.name_ru', 'e.name_en']).orderBy('e.code').execute();
    return Object.freeze(rows.map((r) => ({ classifier: r.classifier, code: r.code, name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en } })));
  });
}

type ClassifierName = { classifier: string; code: string; name: { kk: string; ru: string; en: string | null } };

/** Where a classifier's hierarchy continues in another one (fields → directions → programme groups). */
const PARENT_CLASSIFIERS: Record<string, string[]> = { direction: ['field'], 'programme-group': ['direction', 'field'] };
const CHILD_CLASSIFIER: Record<string, string> = { field: 'direction', direction: 'programme-group' };

/** One entry with its parent (possibly in a broader classifier) and its children, for the entry's page. */
export async function classifierEntryView(ctx: Ctx, classifier: string, code: string) {
  const entry = await getClassifierEntry(ctx, classifier, code);
  let parent: { classifier: string; code: string; name: ClassifierEntry['name'] } | null = null;
  for (const where of entry.parentCode ? [classifier, ...(PARENT_CLASSIFIERS[classifier] ?? [])] : []) {
    const row = await repo.entryByCode(ctx.db, where, entry.parentCode as string, where === classifier ? entry.version : undefined);
    if (row) {
      parent = { classifier: where, code: row.code, name: { kk: row.name_kk, ru: row.name_ru, en: row.name_en } };
      break;
    }
  }
  const childClassifier = CHILD_CLASSIFIER[classifier];
  const children = [
    ...(await repo.listEntries(ctx.db, classifier, entry.version, entry.code)).map((e) => ({ ...e, classifier })),
    ...(childClassifier ? (await repo.listEntries(ctx.db, childClassifier, undefined, entry.code)).map((e) => ({ ...e, classifier: childClassifier })) : []),
  ].map((e) => ({ classifier: e.classifier, code: e.code, name: { kk: e.name_kk, ru: e.name_ru, en: e.name_en } }));
  return { entry, parent, children };
}
