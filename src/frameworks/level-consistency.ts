// The level-consistency rules of PRODUCT §3.1: where two records state an NQF level for the same
// thing, they must agree. Pure: plain data in, findings out; the database side is consistency.service.ts.

export const CONSISTENCY_KINDS = [
  'programme-degree-level',
  'programme-code-level',
  'occupation-sqf-level',
  'occupation-sqf-sublevel',
  'qualification-type-level',
  'declared-level-range',
] as const;
export type ConsistencyKind = (typeof CONSISTENCY_KINDS)[number];

/**
 * One disagreement. `expected` is what the authoritative side says (the degree, the code, the SQF,
 * the type, the allowed range), `actual` what the checked record says; both are text because an
 * SQF's declared levels are a list.
 */
export type LevelFinding = {
  kind: ConsistencyKind;
  entityType: string;
  entityId: string;
  code: string;
  expected: string;
  actual: string;
  messageKey: string;
};

export type LevelRange = { min: number; max: number };

/** PRODUCT §3.1: micro-qualifications from universities sit at NQF levels 4–5. */
export const UNIVERSITY_MICRO_QUALIFICATION_LEVELS: LevelRange = { min: 4, max: 5 };

/** Declared values as one readable, ordered text: "4, 5, 6". */
const listed = (values: Iterable<string | number>) =>
  [...new Set(values)].sort((a, b) => String(a).localeCompare(String(b), 'en', { numeric: true })).join(', ');

export type ProgrammeLevels = {
  id: string;
  code: string;
  nqfLevel: number;
  degree: string | null;
  /** The NQF level(s) of the degree's qualification type; empty when unknown. */
  degreeLevels: readonly number[];
};

/** The first character of a programme code is its level digit (6B06101 → 6); other codes say nothing. */
export function levelOfProgrammeCode(code: string): number | null {
  const digit = /^([1-8])/.exec(code.trim())?.[1];
  return digit ? Number(digit) : null;
}

export function programmeLevelFindings(programmes: readonly ProgrammeLevels[]): LevelFinding[] {
  const findings: LevelFinding[] = [];
  for (const p of programmes) {
    const base = { entityType: 'programme', entityId: p.id, code: p.code, actual: String(p.nqfLevel) };
    if (p.degreeLevels.length && !p.degreeLevels.includes(p.nqfLevel)) {
      findings.push({ ...base, kind: 'programme-degree-level', expected: listed(p.degreeLevels), messageKey: 'errors.field.levelMismatchDegree' });
    }
    const codeLevel = levelOfProgrammeCode(p.code);
    if (codeLevel !== null && codeLevel !== p.nqfLevel) {
      findings.push({ ...base, kind: 'programme-code-level', expected: String(codeLevel), messageKey: 'errors.field.levelMismatchCode' });
    }
  }
  return findings;
}

export type SqfDeclaredLevels = { id: string; code: string; levels: readonly { level: number; sublevel: string | null }[] };

export type StandardOccupationLevels = {
  id: string;
  code: string;
  sqfId: string | null;
  occupations: readonly { code: string; nqfLevel: number; sqfSublevel: string | null }[];
};

/**
 * Occupations of a standard against the SQF it is linked to. A standard without an SQF, or linked
 * to one that declares no levels yet, has nothing to disagree with.
 */
export function occupationSqfFindings(standards: readonly StandardOccupationLevels[], sqfs: ReadonlyMap<string, SqfDeclaredLevels>): LevelFinding[] {
  const findings: LevelFinding[] = [];
  for (const s of standards) {
    const sqf = s.sqfId ? sqfs.get(s.sqfId) : undefined;
    if (!sqf || sqf.levels.length === 0) continue;
    const levels = new Set(sqf.levels.map((l) => l.level));
    const sublevels = new Set(sqf.levels.flatMap((l) => (l.sublevel ? [l.sublevel] : [])));
    for (const o of s.occupations) {
      const base = { entityType: 'occupational-standard', entityId: s.id, code: `${s.code}/${o.code}` };
      if (!levels.has(o.nqfLevel)) {
        findings.push({ ...base, kind: 'occupation-sqf-level', expected: listed(levels), actual: String(o.nqfLevel), messageKey: 'errors.field.levelNotInSqf' });
      }
      if (o.sqfSublevel !== null && !sublevels.has(o.sqfSublevel)) {
        findings.push({
          ...base,
          kind: 'occupation-sqf-sublevel',
          expected: sublevels.size ? listed(sublevels) : '—',
          actual: o.sqfSublevel,
          messageKey: 'errors.field.sublevelNotInSqf',
        });
      }
    }
  }
  return findings;
}

export type QualificationLevels = {
  id: string;
  code: string;
  nqfLevel: number;
  qualificationType: string | null;
  /** The levels the type allows: one for a degree, a range for e.g. a working qualification (2–3); empty when unknown. */
  typeLevels: readonly number[];
};

export function qualificationTypeFindings(qualifications: readonly QualificationLevels[]): LevelFinding[] {
  return qualifications
    .filter((q) => q.typeLevels.length > 0 && !q.typeLevels.includes(q.nqfLevel))
    .map((q) => ({
      kind: 'qualification-type-level' as const,
      entityType: 'qualification',
      entityId: q.id,
      code: q.code,
      expected: listed(q.typeLevels),
      actual: String(q.nqfLevel),
      messageKey: 'errors.field.levelMismatchType',
    }));
}

export type DeclaredLevel = { entityType: string; entityId: string; code: string; level: number };

/**
 * A declared level against the range its kind of record may take (micro-credentials: see
 * UNIVERSITY_MICRO_QUALIFICATION_LEVELS). Returns a list so callers can concatenate findings.
 */
export function checkDeclaredLevel(declared: DeclaredLevel, allowedRange: LevelRange): LevelFinding[] {
  if (declared.level >= allowedRange.min && declared.level <= allowedRange.max) return [];
  return [
    {
      kind: 'declared-level-range',
      entityType: declared.entityType,
      entityId: declared.entityId,
      code: declared.code,
      expected: allowedRange.min === allowedRange.max ? String(allowedRange.min) : `${allowedRange.min}–${allowedRange.max}`,
      actual: String(declared.level),
      messageKey: 'errors.field.levelOutOfRange',
    },
  ];
}
