// What a sectoral framework, an occupational standard or a classifier version must satisfy inside
// itself: code formats, declared sub-levels, unique codes, a parent tree. Pure, and tolerant of
// half-valid input so a request that also fails its schema still gets every finding in one 422.
import type { FieldIssue } from '../platform/errors.ts';

/** ISCO-08 unit groups have four digits (2512 Software developers). */
export const ISCO_CODE = /^\d{4}$/;
/** OKED (NACE Rev. 2 based): division 85, group 85.4, class 85.42, subclass 85.42.1. */
export const OKED_CODE = /^\d{2}(\.\d|\.\d{2}(\.\d)?)?$/;
/** NKZ: the ISCO-style digits, optionally followed by dash-separated national suffixes (2512-1-001). */
export const NKZ_CODE = /^\d{1,4}(-\d{1,3}){0,2}$/;
/** A sub-level is written as its level and a number: 4.1, 4.2… */
export const SUBLEVEL = /^([1-8])\.(\d{1,2})$/;

type Loose<T> = { [K in keyof T]?: unknown };

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

function codeFormatIssues(codes: unknown, path: string, pattern: RegExp, messageKey: string): FieldIssue[] {
  return list(codes).flatMap((c, i) => {
    const code = str(c);
    return code !== null && !pattern.test(code) ? [{ path: `${path}.${i}`, messageKey, params: { code } }] : [];
  });
}

function duplicateIssues(items: unknown[], path: (i: number) => string, key: (item: Record<string, unknown>) => string | null, messageKey = 'errors.field.duplicateCode'): FieldIssue[] {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  items.forEach((item, i) => {
    const k = key(record(item));
    if (k === null) return;
    if (seen.has(k)) issues.push({ path: path(i), messageKey, params: { code: k } });
    seen.add(k);
  });
  return issues;
}

/** A sub-level must name its own level: 5.1 belongs to level 5, not to 4. */
function sublevelFormatIssue(sublevel: unknown, level: unknown, path: string): FieldIssue[] {
  const s = str(sublevel);
  const l = num(level);
  if (s === null) return [];
  const m = SUBLEVEL.exec(s);
  if (m && (l === null || Number(m[1]) === l)) return [];
  return [{ path, messageKey: 'errors.field.sublevelFormat', params: { sublevel: s, level: l ?? '?' } }];
}

export type SqfRuleInput = Loose<{ okedCodes: string[]; levels: unknown[]; qualifications: unknown[] }>;

/**
 * Rules of a sectoral framework. `levels` undefined means "not part of this change" (a PATCH that
 * only replaces the qualification map is checked by the service against the stored levels).
 */
export function sqfIssues(input: SqfRuleInput): FieldIssue[] {
  const issues: FieldIssue[] = [...codeFormatIssues(input.okedCodes, 'okedCodes', OKED_CODE, 'errors.field.okedCode')];
  const levels = input.levels === undefined ? null : list(input.levels).map(record);
  if (levels) {
    levels.forEach((l, i) => {
      issues.push(...sublevelFormatIssue(l.sublevel, l.level, `levels.${i}.sublevel`));
    });
    issues.push(
      ...duplicateIssues(levels, (i) => `levels.${i}`, (l) => (num(l.level) === null ? null : `${l.level}${str(l.sublevel) ? ` / ${l.sublevel}` : ''}`), 'errors.field.duplicateLevel'),
    );
  }
  const declaredLevels = new Set(levels?.map((l) => num(l.level)).filter((l): l is number => l !== null));
  const declaredSublevels = new Set(levels?.map((l) => str(l.sublevel)).filter((s): s is string => s !== null));
  const qualifications = list(input.qualifications).map(record);
  issues.push(...duplicateIssues(qualifications, (i) => `qualifications.${i}.code`, (q) => str(q.code)));
  qualifications.forEach((q, i) => {
    const path = `qualifications.${i}`;
    issues.push(
      ...codeFormatIssues(q.iscoCodes, `${path}.iscoCodes`, ISCO_CODE, 'errors.field.iscoCode'),
      ...codeFormatIssues(q.nkzCodes, `${path}.nkzCodes`, NKZ_CODE, 'errors.field.nkzCode'),
      ...codeFormatIssues(q.okedCodes, `${path}.okedCodes`, OKED_CODE, 'errors.field.okedCode'),
    );
    const formatIssue = sublevelFormatIssue(q.sublevel, q.nqfLevel, `${path}.sublevel`);
    issues.push(...formatIssue);
    if (!levels) return;
    const level = num(q.nqfLevel);
    if (level !== null && level >= 1 && level <= 8 && !declaredLevels.has(level)) {
      issues.push({ path: `${path}.nqfLevel`, messageKey: 'errors.field.levelUndeclared', params: { level } });
    }
    const sublevel = str(q.sublevel);
    if (sublevel !== null && !formatIssue.length && !declaredSublevels.has(sublevel)) {
      issues.push({ path: `${path}.sublevel`, messageKey: 'errors.field.sublevelUndeclared', params: { sublevel, level: level ?? '?' } });
    }
  });
  return issues;
}

export type OccupationalStandardRuleInput = Loose<{ sqfId: string | null; occupations: unknown[] }>;

/** Rules of an occupational standard. `sqfId` undefined means "unchanged and unknown here". */
export function occupationalStandardIssues(input: OccupationalStandardRuleInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const occupations = list(input.occupations).map(record);
  issues.push(...duplicateIssues(occupations, (i) => `occupations.${i}.code`, (o) => str(o.code)));
  occupations.forEach((o, i) => {
    const path = `occupations.${i}`;
    const isco = str(o.iscoCode);
    if (isco !== null && !ISCO_CODE.test(isco)) issues.push({ path: `${path}.iscoCode`, messageKey: 'errors.field.iscoCode', params: { code: isco } });
    const nkz = str(o.nkzCode);
    if (nkz !== null && !NKZ_CODE.test(nkz)) issues.push({ path: `${path}.nkzCode`, messageKey: 'errors.field.nkzCode', params: { code: nkz } });
    issues.push(...sublevelFormatIssue(o.sqfSublevel, o.nqfLevel, `${path}.sqfSublevel`));
    // Without a linked framework a sub-level has nothing to be a sub-level of.
    if (str(o.sqfSublevel) !== null && input.sqfId === null) {
      issues.push({ path: `${path}.sqfSublevel`, messageKey: 'errors.field.sublevelWithoutSqf' });
    }
    const functions = list(o.labourFunctions).map(record);
    issues.push(...duplicateIssues(functions, (j) => `${path}.labourFunctions.${j}.code`, (f) => str(f.code)));
  });
  return issues;
}

/** The levels an occupational standard covers, derived from its occupations (never typed by hand). */
export function levelsOfOccupations(occupations: readonly { nqfLevel: number }[]): number[] {
  return [...new Set(occupations.map((o) => o.nqfLevel))].sort((a, b) => a - b);
}

export type ClassifierVersionRuleInput = Loose<{ entries: unknown[] }>;

/** A new classifier version stands alone: unique codes, parents among its own entries, no loops. */
export function classifierVersionIssues(input: ClassifierVersionRuleInput): FieldIssue[] {
  const entries = list(input.entries).map(record);
  const issues = duplicateIssues(entries, (i) => `entries.${i}.code`, (e) => str(e.code));
  const parentOf = new Map<string, string | null>();
  for (const e of entries) {
    const code = str(e.code);
    if (code !== null && !parentOf.has(code)) parentOf.set(code, str(e.parentCode));
  }
  entries.forEach((e, i) => {
    const code = str(e.code);
    const parent = str(e.parentCode);
    if (parent === null) return;
    if (!parentOf.has(parent)) {
      issues.push({ path: `entries.${i}.parentCode`, messageKey: 'errors.field.unknownParent', params: { code: code ?? '?', parent } });
      return;
    }
    // Walk up at most |entries| steps: coming back to the start is a loop.
    let cursor: string | null = parent;
    for (let steps = 0; cursor !== null && steps <= parentOf.size; steps++) {
      if (cursor === code) {
        issues.push({ path: `entries.${i}.parentCode`, messageKey: 'errors.field.parentCycle', params: { code } });
        return;
      }
      cursor = parentOf.get(cursor) ?? null;
    }
  });
  return issues;
}
