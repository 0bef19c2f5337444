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
/** A string, a language-tagged value object, or several of them (VC 2.0 §11.1 language and direction). */
const isText = (v: unknown): boolean =>
  (typeof v === 'string' && v.length > 0) || (isObject(v) && typeof v['@value'] === 'string' && v['@value'].length > 0) || (Array.isArray(v) && v.length > 0 && v.every(isText));
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
  // VC 2.0 §4.8: a subject makes at least one claim; `{}` says nothing about anyone.
  if (!subjects.length || !subjects.every((s) => isObject(s) && Object.keys(s).length > 0)) problems.push({ key: 'field', params: { field: 'credentialSubject' } });
  problems.push(...memberProblems(credential));
  if (types.some((t) => OB_TYPES.includes(t as string))) problems.push(...openBadgeProblems(credential, subjects));
  return problems;
}

/** VC 2.0's optional members, each with the members it requires (§4.9–4.13, §5.3–5.6). */
const REQUIRED_MEMBERS: Record<string, (item: Record<string, unknown>) => boolean> = {
  credentialSchema: (i) => isUrl(i.id) && typeof i.type === 'string',
  credentialStatus: (i) => typeof i.type === 'string' && (i.id === undefined || isUrl(i.id)),
  refreshService: (i) => typeof i.type === 'string',
  termsOfUse: (i) => typeof i.type === 'string',
  evidence: (i) => i.type !== undefined,
  relatedResource: (i) => isUrl(i.id) && (typeof i.digestSRI === 'string' || typeof i.digestMultibase === 'string'),
};

function memberProblems(credential: Record<string, unknown>): ShapeProblem[] {
  return Object.entries(REQUIRED_MEMBERS)
    .filter(([member, valid]) => {
      const value = credential[member];
      if (value === undefined) return false;
      const items = asArray(value);
      return !items.length || !items.every((item) => isObject(item) && valid(item));
    })
    .map(([member]) => ({ key: 'field', params: { field: member } }));
}

/** Namespaces whose terms Sapa's checks read: an embedded context may not alias into them. */
const CHECKED_NAMESPACES = ['https://www.w3.org/2018/credentials#', 'https://w3id.org/security#', 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#'];
const aliasesCheckedTerm = (definition: unknown): boolean => {
  const iri = typeof definition === 'string' ? definition : isObject(definition) ? definition['@id'] : undefined;
  return typeof iri === 'string' && CHECKED_NAMESPACES.some((ns) => iri.startsWith(ns));
};

/** A JSON-LD value object (`{"@value": "…", "@language": "kk"}`): a literal, not an alias. */
const isValueObject = (v: Record<string, unknown>) => '@value' in v && Object.keys(v).every((k) => ['@value', '@language', '@direction', '@type'].includes(k));

/**
 * An embedded context (VC 2.0 §4.3) needs no fetching and is accepted when it only adds terms:
 * one that maps a term (or `@vocab`) into the namespaces Sapa's checks read would let a property
 * hide from them.
 */
function embeddedContextProblem(context: Record<string, unknown>): ShapeProblem | null {
  // Term definitions and @vocab alike.
  return Object.values(context).some(aliasesCheckedTerm) ? { key: 'contextNotBundled', params: { url: JSON.stringify(context).slice(0, 100) } } : null;
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
    const problem = typeof c === 'string' ? null : isObject(c) ? embeddedContextProblem(c) : { key: 'contextNotBundled', params: { url: JSON.stringify(c).slice(0, 100) } };
    if (problem) problems.push(problem);
  }
  const visit = (node: unknown, top: boolean): void => {
    if (Array.isArray(node)) for (const item of node) visit(item, false);
    if (!isObject(node) || isValueObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      // The proof's own members (an eddsa-jcs-2022 proof carries @context) are the proof check's business.
      if ((key === '@context' || key === 'proof') && top) continue;
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
  if (!isText(credential.name)) missing('name');
  if (!isObject(credential.issuer) || !credential.issuer.name) missing('issuer.name');
  const subject = subjects[0];
  if (subjects.length !== 1 || !isObject(subject)) return problems;
  if (!subject.id && !asArray(subject.identifier).length) missing('credentialSubject.identifier');
  const a = subject.achievement;
  if (!isObject(a)) {
    missing('credentialSubject.achievement');
    return problems;
  }
  if (!a.id) missing('credentialSubject.achievement.id');
  for (const field of ['name', 'description']) if (!isText(a[field])) missing(`credentialSubject.achievement.${field}`);
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
