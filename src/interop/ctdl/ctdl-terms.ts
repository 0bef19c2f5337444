// A check of CTDL JSON-LD against CTDL's published terms, bundled from Credential Engine's registry
// (bundled/ctdl-terms.json: every class of its subclass map, and the properties its JSON schemas
// allow each credential, organization and learning-opportunity class). A class without its own
// property list is checked against its nearest listed superclass. Nothing is fetched. Pure.

export type CtdlTerms = { classes: string[]; properties: Record<string, string[]> };

/** Superclasses whose property lists stand for subclasses the bundled schemas do not list. */
const LISTED_AS: Record<string, string> = { 'ceterms:LearningProgram': 'ceterms:LearningOpportunityProfile' };

function nodesOf(value: unknown, into: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(value)) for (const v of value) nodesOf(v, into);
  else if (value && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    if (typeof node['@type'] === 'string') into.push(node);
    for (const [k, v] of Object.entries(node)) if (!k.startsWith('@') || k === '@graph') nodesOf(v, into);
  }
  return into;
}

/** Every unknown class, and every property a known class does not have, in a CTDL graph. */
export function ctdlViolations(graph: unknown, terms: CtdlTerms): string[] {
  const classes = new Set(terms.classes);
  const found: string[] = [];
  for (const node of nodesOf(graph)) {
    const type = node['@type'] as string;
    const where = `${type} at ${String(node['@id'] ?? '(blank node)')}`;
    if (!classes.has(type)) {
      found.push(`${where}: ${type} is not a CTDL class`);
      continue;
    }
    const allowed = terms.properties[LISTED_AS[type] ?? type];
    if (!allowed) continue;
    for (const key of Object.keys(node)) if (!key.startsWith('@') && !allowed.includes(key)) found.push(`${where}: ${key} is not a property of ${type}`);
  }
  return found;
}
