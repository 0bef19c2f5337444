// Shape of a credential: the VC 2.0 data model, the Open Badges 3.0 required fields, and every
// term defined by the (bundled) contexts. JSON-LD in safe mode refuses a term the contexts do not
// define, instead of silently dropping it from what the proof covers. (No bundled context maps
// undefined terms to a vocabulary: the VC 2.0 "undefined-terms" context is left out on purpose.)
import { CanonicalizationError, canonicalize } from './canonicalize.ts';
import { VC_V2_CONTEXT } from './document-loader.ts';

export type ShapeProblem = { key: string; params?: Record<string, string> };

const OB_TYPES = ['OpenBadgeCredential', 'AchievementCredential'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const isDate = (v: unknown) =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v));
const isUrl = (v: unknown) => typeof v === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(v);

export const issuerIdOf = (credential: Record<string, unknown>): string | null => {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return issuer;
  if (isObject(issuer) && typeof issuer.id === 'string') return issuer.id;
  return null;
};

/** Structural checks (no JSON-LD): every problem, not only the first. */
export function structuralProblems(credential: unknown): ShapeProblem[] {
  if (!isObject(credential)) return [{ key: 'notObject' }];
  const problems: ShapeProblem[] = [];
  const contexts = asArray(credential['@context']);
  if (contexts[0] !== VC_V2_CONTEXT) problems.push({ key: 'context' });
  problems.push(...aliasProblems(credential));
  const types = asArray(credential.type);
  if (!types.includes('VerifiableCredential')) problems.push({ key: 'type' });
  if (credential.id !== undefined && !isUrl(credential.id)) problems.push({ key: 'field', params: { field: 'id' } });
  if (!isUrl(issuerIdOf(credential))) problems.push({ key: 'field', params: { field: 'issuer' } });
  for (const field of ['validFrom', 'validUntil'] as const) {
    if (credential[field] !== undefined && !isDate(credential[field])) problems.push({ key: 'field', params: { field } });
  }
  const subjects = asArray(credential.credentialSubject);
  if (!subjects.length || !subjects.every(isObject)) problems.push({ key: 'field', params: { field: 'credentialSubject' } });
  if (types.some((t) => OB_TYPES.includes(t as string))) problems.push(...openBadgeProblems(credential, subjects));
  return problems;
}

/**
 * The checks below read properties by their term names (validUntil, credentialStatus, …). An inline
 * or nested context, or a key written as an IRI (`https://www.w3.org/2018/credentials#validUntil`),
 * a compact IRI or a keyword, says the same thing in RDF — so the proof still verifies — while
 * hiding the property from those checks (e.g. a revoked or expired credential passing). Only the
 * bundled contexts, at the top, and plain terms are accepted.
 */
function aliasProblems(credential: Record<string, unknown>): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  for (const c of asArray(credential['@context'])) {
    if (typeof c !== 'string') problems.push({ key: 'contextNotBundled', params: { url: JSON.stringify(c).slice(0, 100) } });
  }
  const visit = (node: unknown, top: boolean): void => {
    if (Array.isArray(node)) for (const item of node) visit(item, false);
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '@context' && top) continue;
      if (key.startsWith('@') || key.includes(':')) problems.push({ key: key === '@context' ? 'contextNotBundled' : 'undefinedTerm', params: key === '@context' ? { url: JSON.stringify(value).slice(0, 100) } : { term: key } });
      else visit(value, false);
    }
  };
  visit(credential, true);
  return problems;
}

function openBadgeProblems(credential: Record<string, unknown>, subjects: unknown[]): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  const missing = (field: string) => problems.push({ key: 'field', params: { field } });
  if (!asArray(credential['@context']).some((c) => typeof c === 'string' && c.startsWith('https://purl.imsglobal.org/spec/ob/v3p0/context')))
    problems.push({ key: 'obContext' });
  if (!credential.id) missing('id');
  if (!credential.validFrom) missing('validFrom');
  if (typeof credential.name !== 'string' || !credential.name) missing('name');
  if (!isObject(credential.issuer) || !credential.issuer.name) missing('issuer.name');
  const subject = subjects[0];
  if (subjects.length !== 1 || !isObject(subject)) return problems;
  if (!subject.id && !asArray(subject.identifier).length) missing('credentialSubject.identifier');
  const a = subject.achievement;
  if (!isObject(a)) {
    missing('credentialSubject.achievement');
    return problems;
  }
  for (const field of ['id', 'name', 'description']) if (!a[field]) missing(`credentialSubject.achievement.${field}`);
  if (!asArray(a.type).includes('Achievement')) missing('credentialSubject.achievement.type');
  if (!isObject(a.criteria) || !(a.criteria.id || a.criteria.narrative)) missing('credentialSubject.achievement.criteria');
  return problems;
}

/**
 * JSON-LD: every context bundled and every term defined. Canonicalization in safe mode (the
 * same that signing and the proof check run, fast path included) refuses what expansion would drop.
 * The proof is left out here: its own terms are the proof check's business.
 */
export async function termProblems(credential: Record<string, unknown>): Promise<ShapeProblem[]> {
  const { proof: _proof, ...document } = credential;
  try {
    await canonicalize(document);
    return [];
  } catch (error) {
    const cause = error instanceof CanonicalizationError ? error.cause : error;
    const e = cause as {
      message?: string;
      details?: { event?: { details?: { property?: string; type?: string } }; url?: string; cause?: { url?: string; details?: { url?: string } } };
    };
    const event = e?.details?.event?.details;
    if (event?.property || event?.type) return [{ key: 'undefinedTerm', params: { term: String(event.property ?? event.type) } }];
    const url = e?.details?.url ?? e?.details?.cause?.url ?? e?.details?.cause?.details?.url;
    if (url) return [{ key: 'contextNotBundled', params: { url } }];
    return [{ key: 'jsonld', params: { message: String(e?.message ?? error) } }];
  }
}

export async function shapeProblems(credential: unknown): Promise<ShapeProblem[]> {
  const problems = structuralProblems(credential);
  if (problems.some((p) => p.key === 'notObject' || p.key === 'context')) return problems;
  return [...problems, ...(await termProblems(credential as Record<string, unknown>))];
}
