// Fast RDFC-1.0 canonicalization for documents of a shape seen before (credentials Sapa issues,
// their proof configs). The reference spends > 80% of its time expanding JSON-LD to RDF; but for
// a fixed *shape* that expansion maps each leaf value to the same place in the dataset. So:
//
//  1. The shape of a document is its JSON structure with every leaf replaced by its kind, except
//     the values that steer expansion, kept verbatim: `@context`, `type`, booleans, null, and the
//     values of every term any bundled context coerces with `@type: @vocab` (e.g. proofPurpose).
//  2. The first time a shape is seen, jsonld itself expands a copy whose string leaves are
//     sentinels (`urn:sapa-fast:N`) and number leaves are sentinel integers, with the exact
//     options of the general path (offline loader, safe mode). Where each sentinel lands in the
//     quads (subject/object IRI, literal with datatype/language) is the shape's template.
//  3. Later documents of that shape: their leaves are put into the template and the dataset goes
//     to rdf-canonize, as the general path does. Expansion is skipped; canonicalization is not.
//
// Value-dependent expansion is ruled out, not assumed away: a leaf that lands in an IRI position
// must be an absolute http(s)/urn/did IRI of plain characters (no term or prefix of any bundled
// context expands those); numbers follow jsonld's own number → literal rule; a document with any
// other keyword, an inline or unknown context (at the root or on an embedded document, e.g. a
// credential inside a presentation), or a shape jsonld refuses (terms outside the
// contexts: safe mode) gets undefined and the general path runs. Proven against the general path
// byte for byte by fast-canonical.test.ts over generated credentials.
//
//   fastCanonicalize(document): Promise<string | undefined>   undefined = "use the general path"
import jsonld from 'jsonld';
import * as rdfCanonize from 'rdf-canonize';
import { bundledContexts, documentLoader } from './document-loader.ts';

type Term = { termType: 'NamedNode' | 'BlankNode' | 'Literal' | 'DefaultGraph'; value: string; datatype?: { termType: 'NamedNode'; value: string }; language?: string };
type Quad = { subject: Term; predicate: Term; object: Term; graph: Term };

// A term of the template: fixed, or filled from leaf `leaf` (an IRI, a string literal, or a number).
type Slot =
  | { kind: 'fixed'; term: Term }
  | { kind: 'iri'; leaf: number }
  | { kind: 'string'; leaf: number; datatype: string; language?: string }
  | { kind: 'number'; leaf: number; datatype: string; coerced: boolean };
type Template = { slots: [Slot, Slot, Slot, Slot][]; iriLeaves: number[]; leafCount: number };

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const XSD_INTEGER = 'http://www.w3.org/2001/XMLSchema#integer';
const XSD_DOUBLE = 'http://www.w3.org/2001/XMLSchema#double';
const RDF_JSON = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON';
const STRING_SENTINEL = 'urn:sapa-fast:';
const NUMBER_SENTINEL = 900_000_000;
const MAX_SHAPES = 512;

// Terms whose values steer expansion (type-scoped contexts, @vocab coercion), from the bundled
// contexts themselves; and every term name, so an IRI scheme that is also a term (and might expand
// as a compact IRI) is never taken on the fast path.
const { verbatimKeys, termNames } = (() => {
  const verbatim = new Set(['@context', '@type', 'type']);
  const names = new Set<string>();
  const visit = (node: unknown, inContext: boolean): void => {
    if (Array.isArray(node)) for (const item of node) visit(item, inContext);
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (inContext && !key.startsWith('@')) {
        names.add(key);
        const definition = value as { '@type'?: unknown; '@id'?: unknown } | string | null;
        if (definition === '@type') verbatim.add(key);
        if (definition && typeof definition === 'object' && (definition['@type'] === '@vocab' || definition['@id'] === '@type')) verbatim.add(key);
      }
      visit(value, key === '@context' || (inContext && !key.startsWith('@')));
    }
  };
  for (const context of bundledContexts.values()) visit(context, false);
  return { verbatimKeys: verbatim, termNames: names };
})();

const IRI_SCHEMES = ['https', 'http', 'urn', 'did'].filter((scheme) => !termNames.has(scheme));
const SAFE_IRI = new RegExp(`^(?:${IRI_SCHEMES.map((s) => (s.startsWith('http') ? `${s}://` : `${s}:`)).join('|')})[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]+$`);

function onlyBundledContexts(context: unknown): boolean {
  const contexts = typeof context === 'string' ? [context] : context;
  return Array.isArray(contexts) && contexts.length > 0 && contexts.every((c) => typeof c === 'string' && bundledContexts.has(c));
}

/** The shape key of a document and its leaves in traversal order, or undefined for a document the fast path does not take. */
function shapeOf(document: Record<string, unknown>): { key: string; leaves: (string | number)[] } | undefined {
  if (!onlyBundledContexts(document['@context'])) return undefined;
  const leaves: (string | number)[] = [];
  const walk = (value: unknown, verbatim: boolean): string | undefined => {
    switch (typeof value) {
      case 'string':
        // A verbatim value that looks like a sentinel would be taken for a leaf in the template.
        if (verbatim) return value.includes(STRING_SENTINEL) ? undefined : JSON.stringify(value);
        leaves.push(value);
        return 'S';
      case 'number':
        if (!Number.isFinite(value)) return undefined;
        if (verbatim) return value >= NUMBER_SENTINEL && value < NUMBER_SENTINEL + 1e8 ? undefined : JSON.stringify(value);
        leaves.push(value);
        return 'N';
      case 'boolean':
        return value ? 't' : 'f';
      case 'object': {
        if (value === null) return 'n';
        let out = '';
        if (Array.isArray(value)) {
          out = '[';
          for (const item of value) {
            const part = walk(item, verbatim);
            if (part === undefined) return undefined;
            out += `${part},`;
          }
          return `${out}]`;
        }
        // Only plain JSON objects: a Date, Map or class instance is not what jsonld will see as one.
        const prototype = Object.getPrototypeOf(value);
        if (prototype !== Object.prototype && prototype !== null) return undefined;
        out = '{';
        for (const key in value) {
          if (key === '__proto__' || key.includes(STRING_SENTINEL) || (key.startsWith('@') && key !== '@context')) return undefined;
          // An embedded document's own @context (a credential inside a presentation) is part of
          // the shape, as the root's is; it too must name bundled contexts only.
          if (key === '@context' && value !== document && !onlyBundledContexts((value as Record<string, unknown>)[key])) return undefined;
          const part = walk((value as Record<string, unknown>)[key], verbatim || verbatimKeys.has(key));
          if (part === undefined) return undefined;
          out += `${JSON.stringify(key)}:${part},`;
        }
        return `${out}}`;
      }
      default:
        return undefined;
    }
  };
  const key = walk(document, false);
  return key === undefined ? undefined : { key, leaves };
}

function withSentinels(value: unknown, verbatim: boolean, counter: { next: number }): unknown {
  if (typeof value === 'string' && !verbatim) return `${STRING_SENTINEL}${counter.next++}`;
  if (typeof value === 'number' && !verbatim) return NUMBER_SENTINEL + counter.next++;
  if (Array.isArray(value)) return value.map((item) => withSentinels(item, verbatim, counter));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key in value) out[key] = withSentinels((value as Record<string, unknown>)[key], verbatim || verbatimKeys.has(key), counter);
    return out;
  }
  return value;
}

function slotOf(term: Term, leafCount: number): Slot | undefined {
  if (term.termType === 'NamedNode') {
    if (!term.value.includes(STRING_SENTINEL)) return { kind: 'fixed', term };
    const leaf = Number(term.value.slice(STRING_SENTINEL.length));
    return term.value === `${STRING_SENTINEL}${leaf}` && leaf < leafCount ? { kind: 'iri', leaf } : undefined;
  }
  if (term.termType !== 'Literal') return { kind: 'fixed', term };
  const datatype = term.datatype?.value ?? XSD_STRING;
  if (datatype === RDF_JSON) return term.value.includes(STRING_SENTINEL) ? undefined : { kind: 'fixed', term };
  if (term.value.startsWith(STRING_SENTINEL)) {
    const leaf = Number(term.value.slice(STRING_SENTINEL.length));
    if (term.value !== `${STRING_SENTINEL}${leaf}` || leaf >= leafCount) return undefined;
    return { kind: 'string', leaf, datatype, ...(term.language ? { language: term.language } : {}) };
  }
  if (term.value.includes(STRING_SENTINEL)) return undefined; // inside a JSON literal or the like
  const number = Number(term.value);
  if (datatype !== XSD_STRING && datatype !== RDF_JSON && number >= NUMBER_SENTINEL && number < NUMBER_SENTINEL + leafCount && Number.isInteger(number)) {
    // The sentinel is an integer: xsd:integer means "no coercion" or "coerced to integer"
    // (told apart at fill time), xsd:double "coerced to double", anything else "coerced to it".
    return { kind: 'number', leaf: number - NUMBER_SENTINEL, datatype, coerced: datatype !== XSD_INTEGER };
  }
  return { kind: 'fixed', term };
}

async function learn(document: Record<string, unknown>, leafCount: number): Promise<Template | null> {
  let dataset: Quad[];
  try {
    dataset = (await jsonld.toRDF(withSentinels(document, false, { next: 0 }), {
      documentLoader,
      safe: true,
      base: null,
      rdfDirection: 'i18n-datatype',
      produceGeneralizedRdf: false,
    })) as Quad[];
  } catch {
    return null; // jsonld refuses the shape: the general path reports why
  }
  const slots: Template['slots'] = [];
  const seen = new Set<number>();
  for (const quad of dataset) {
    const row = [quad.subject, quad.predicate, quad.object, quad.graph].map((term) => slotOf(term, leafCount));
    if (row.some((slot) => slot === undefined) || row[1]?.kind !== 'fixed') return null;
    for (const slot of row) if (slot && slot.kind !== 'fixed') seen.add(slot.leaf);
    slots.push(row as [Slot, Slot, Slot, Slot]);
  }
  // Every leaf must land somewhere exactly as itself; one that vanished or changed (e.g. a
  // string coerced to xsd:double) depends on its value in ways the template cannot replay.
  if (seen.size !== leafCount) return null;
  const iriLeaves = [...new Set(slots.flatMap((row) => row.filter((s) => s.kind === 'iri').map((s) => (s as { leaf: number }).leaf)))];
  const kinds = new Map<number, string>();
  for (const row of slots) {
    for (const slot of row) {
      if (slot.kind === 'fixed') continue;
      if ((kinds.get(slot.leaf) ?? slot.kind) !== slot.kind) return null; // a leaf used two ways
      kinds.set(slot.leaf, slot.kind);
    }
  }
  return { slots, iriLeaves, leafCount };
}

// jsonld's number → literal rule (toRdf.js _objectToRDF), for the template's datatype.
function numberTerm(value: number, slot: Extract<Slot, { kind: 'number' }>): Term | undefined {
  const isDouble = String(value).indexOf('.') !== -1 || Math.abs(value) >= 1e21;
  if (isDouble || slot.datatype === XSD_DOUBLE) {
    // xsd:integer in the template is ambiguous for a double (no coercion → xsd:double, coerced → integer).
    if (!slot.coerced) return undefined;
    return { termType: 'Literal', value: value.toExponential(15).replace(/(\d)0*e\+?/, '$1E'), datatype: { termType: 'NamedNode', value: slot.datatype } };
  }
  return { termType: 'Literal', value: value.toFixed(0), datatype: { termType: 'NamedNode', value: slot.datatype } };
}

function fill(template: Template, leaves: (string | number)[]): Quad[] | undefined {
  for (const index of template.iriLeaves) {
    const value = leaves[index];
    if (typeof value !== 'string' || !SAFE_IRI.test(value) || termNames.has(value)) return undefined;
  }
  const dataset: Quad[] = [];
  const unique = new Set<string>();
  for (const row of template.slots) {
    const terms: Term[] = [];
    for (const slot of row) {
      let term: Term | undefined;
      if (slot.kind === 'fixed') term = slot.term;
      else if (slot.kind === 'iri') term = { termType: 'NamedNode', value: leaves[slot.leaf] as string };
      else if (slot.kind === 'string') {
        const value = leaves[slot.leaf];
        if (typeof value !== 'string') return undefined;
        term = { termType: 'Literal', value, datatype: { termType: 'NamedNode', value: slot.datatype }, ...(slot.language ? { language: slot.language } : {}) };
      } else {
        const value = leaves[slot.leaf];
        if (typeof value !== 'number') return undefined;
        term = numberTerm(value, slot);
      }
      if (!term) return undefined;
      terms.push(term);
    }
    const [subject, predicate, object, graph] = terms as [Term, Term, Term, Term];
    // Nodes that share an id merge in jsonld's node map, so equal quads appear once.
    const key = `${subject.value}\u0000${predicate.value}\u0000${object.termType}\u0000${object.value}\u0000${object.datatype?.value ?? ''}\u0000${object.language ?? ''}\u0000${graph.value}`;
    if (unique.has(key)) continue;
    unique.add(key);
    dataset.push({ subject, predicate, object, graph });
  }
  return dataset;
}

const templates = new Map<string, Promise<Template | null>>();

export async function fastCanonicalize(document: Record<string, unknown>): Promise<string | undefined> {
  const shape = shapeOf(document);
  if (!shape) return undefined;
  let template = templates.get(shape.key);
  if (!template) {
    if (templates.size >= MAX_SHAPES) templates.clear();
    template = learn(document, shape.leaves.length);
    templates.set(shape.key, template);
  }
  const learned = await template;
  if (!learned || learned.leafCount !== shape.leaves.length) return undefined;
  const dataset = fill(learned, shape.leaves);
  if (!dataset) return undefined;
  return rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0', format: 'application/n-quads' });
}
