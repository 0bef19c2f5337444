// Whether a body's Register 1 recognition covers what a case asks for (pure). Only a body
// recognized for the scope may open a case (issue 4 item 1); the reasons are shown to the applicant.
export type RecognitionLike = {
  status: string;
  validFrom: string;
  validTo: string | null;
  scopeTypes: string[];
  /** Empty = every NQF level. */
  scopeLevels: number[];
  /** Empty = every field; a broad field code covers its narrower codes (05 covers 051). */
  scopeFields: string[];
  networks: string[];
};

export type CoverageQuery = { kind: 'institutional' | 'programme'; nqfLevels: number[]; fieldCodes: string[]; eurAce: boolean; onDate: string };

export type CoverageReason =
  | { code: 'not-recognized' }
  | { code: 'not-active'; status: string }
  | { code: 'expired'; validTo: string }
  | { code: 'not-yet-valid'; validFrom: string }
  | { code: 'scope-type'; kind: string }
  | { code: 'level'; level: number }
  | { code: 'field'; field: string }
  | { code: 'enaee-required' }
  | { code: 'wfme-required'; field: string };

export type Coverage<R extends RecognitionLike = RecognitionLike> = { ok: true; recognition: R } | { ok: false; reasons: CoverageReason[] };

/** Medicine (health care, field 10 / narrow 101): programme accreditation needs WFME membership. */
export const MEDICAL_FIELD_PREFIXES = ['101'];

const fieldCovered = (scope: string[], field: string) => scope.length === 0 || scope.some((s) => field.startsWith(s) || s.startsWith(field));

/** Reasons one recognition does not cover the query (empty when it does). */
export function coverageReasons(r: RecognitionLike, q: CoverageQuery): CoverageReason[] {
  if (r.status !== 'active') return [{ code: 'not-active', status: r.status }];
  if (q.onDate < r.validFrom) return [{ code: 'not-yet-valid', validFrom: r.validFrom }];
  if (r.validTo !== null && q.onDate > r.validTo) return [{ code: 'expired', validTo: r.validTo }];
  const reasons: CoverageReason[] = [];
  if (!r.scopeTypes.includes(q.kind)) reasons.push({ code: 'scope-type', kind: q.kind });
  if (q.kind === 'programme') {
    for (const level of [...new Set(q.nqfLevels)]) if (r.scopeLevels.length && !r.scopeLevels.includes(level)) reasons.push({ code: 'level', level });
    for (const field of [...new Set(q.fieldCodes)]) if (!fieldCovered(r.scopeFields, field)) reasons.push({ code: 'field', field });
    const medical = [...new Set(q.fieldCodes)].find((f) => MEDICAL_FIELD_PREFIXES.some((p) => f.startsWith(p)));
    if (medical && !r.networks.includes('WFME')) reasons.push({ code: 'wfme-required', field: medical });
  }
  if (q.eurAce && !r.networks.includes('ENAEE')) reasons.push({ code: 'enaee-required' });
  return reasons;
}

/** The first recognition that covers the query, or the reasons of the closest one. */
export function recognitionCovers<R extends RecognitionLike>(recognitions: R[], q: CoverageQuery): Coverage<R> {
  if (!recognitions.length) return { ok: false, reasons: [{ code: 'not-recognized' }] };
  let best: CoverageReason[] | null = null;
  for (const r of recognitions) {
    const reasons = coverageReasons(r, q);
    if (!reasons.length) return { ok: true, recognition: r };
    // A recognition in force with scope gaps explains more than an expired one.
    const inForce = !['not-active', 'expired', 'not-yet-valid'].includes(reasons[0]?.code ?? '');
    const bestInForce = best !== null && !['not-active', 'expired', 'not-yet-valid'].includes(best[0]?.code ?? '');
    if (best === null || (inForce && !bestInForce) || (inForce === bestInForce && reasons.length < best.length)) best = reasons;
  }
  return { ok: false, reasons: best ?? [{ code: 'not-recognized' }] };
}
