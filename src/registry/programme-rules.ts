// Contradictions inside a programme passport: the code, field, direction, group, level and degree
// must tell one story. Pure; returns every finding at once.
import type { FieldIssue } from '../platform/errors.ts';
import { programmeCodeProblem } from './programme-code.ts';

/** Level digit + degree letter + 3-digit direction + 2-digit sequence, e.g. 6B06101. */
export const PROGRAMME_CODE = /^([1-8])([A-Z])(\d{3})(\d{2})$/;

export type PassportFacts = {
  code: string;
  nqfLevel: number;
  fieldCode: string;
  directionCode?: string | null;
  group?: { code: string; fieldCode: string | null; level: string | null } | null;
  /** The NQF levels the degree's qualification type allows (one, or a range such as 4–5). */
  degree?: { key: string; nqfLevels: number[] } | null;
  outcomes: { code: string }[];
  courses: { code: string; outcomes: string[] }[];
  partnerIds: string[];
  organizationId: string;
};

export function passportContradictions(p: PassportFacts): FieldIssue[] {
  const issues: FieldIssue[] = [];
  // The grammar again here, so that every way in (API, workspace forms, imports, seeds) meets it.
  const grammar = programmeCodeProblem(p.code);
  if (grammar) issues.push({ path: 'code', messageKey: `errors.programmeCode.${grammar.part}`, params: grammar.params });
  const m = PROGRAMME_CODE.exec(p.code);
  if (m) {
    const [, digit = '', letter = '', direction = ''] = m;
    if (Number(digit) !== p.nqfLevel) {
      issues.push({ path: 'nqfLevel', messageKey: 'errors.field.codeLevelMismatch', params: { code: p.code, digit, expected: digit, actual: p.nqfLevel } });
    }
    if (!direction.startsWith(p.fieldCode.padStart(2, '0').slice(0, 2))) {
      issues.push({ path: 'fieldCode', messageKey: 'errors.field.codeFieldMismatch', params: { code: p.code, codeField: direction.slice(0, 2), field: p.fieldCode } });
    }
    if (p.directionCode && p.directionCode !== direction) {
      issues.push({ path: 'directionCode', messageKey: 'errors.field.codeFieldMismatch', params: { code: p.code, codeField: direction, field: p.directionCode } });
    }
    if (p.group?.level && p.group.level !== letter) {
      issues.push({ path: 'groupCode', messageKey: 'errors.field.groupLevelMismatch', params: { group: p.group.code, groupLevel: p.group.level, letter } });
    }
  }
  if (p.directionCode && !p.directionCode.startsWith(p.fieldCode)) {
    issues.push({ path: 'directionCode', messageKey: 'errors.field.groupFieldMismatch', params: { group: p.directionCode, groupField: p.directionCode.slice(0, 2), field: p.fieldCode } });
  }
  if (p.group?.fieldCode && p.group.fieldCode !== p.fieldCode) {
    issues.push({ path: 'groupCode', messageKey: 'errors.field.groupFieldMismatch', params: { group: p.group.code, groupField: p.group.fieldCode, field: p.fieldCode } });
  }
  if (p.degree?.nqfLevels.length && !p.degree.nqfLevels.includes(p.nqfLevel)) {
    issues.push({ path: 'degree', messageKey: 'errors.field.levelMismatch', params: { actual: p.nqfLevel, expected: p.degree.nqfLevels.join('–'), what: p.degree.key } });
  }
  const seen = new Set<string>();
  p.outcomes.forEach((o, i) => {
    if (seen.has(o.code)) issues.push({ path: `outcomes.${i}.code`, messageKey: 'errors.field.duplicateCode', params: { code: o.code } });
    seen.add(o.code);
  });
  p.courses.forEach((c, i) => {
    c.outcomes.forEach((o, j) => {
      if (!seen.has(o)) issues.push({ path: `courses.${i}.outcomes.${j}`, messageKey: 'errors.field.outcomeUnknown', params: { course: c.code, outcome: o } });
    });
  });
  const courseCodes = new Set<string>();
  p.courses.forEach((c, i) => {
    if (courseCodes.has(c.code)) issues.push({ path: `courses.${i}.code`, messageKey: 'errors.field.duplicateCode', params: { code: c.code } });
    courseCodes.add(c.code);
  });
  p.partnerIds.forEach((id, i) => {
    if (id === p.organizationId) issues.push({ path: `partnerIds.${i}`, messageKey: 'errors.field.partnerIsSelf' });
  });
  return issues;
}
