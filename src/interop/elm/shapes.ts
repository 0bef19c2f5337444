// A checker for the part of SHACL that ELM's published shapes lean on: target classes, closed
// shapes, and each property's minCount and maxCount. It reads the bundled Turtle shapes
// (bundled/AMS-constraints.ttl, from european-commission-empl/European-Learning-Model) and checks a
// document expanded by jsonld with the bundled context, so nothing is fetched at run time. Pure.

export type PropertyShape = { path: string; min: number; max: number | null };
export type NodeShape = { name: string; targetClass: string; closed: boolean; properties: PropertyShape[] };

function prefixesOf(turtle: string): Map<string, string> {
  return new Map([...turtle.matchAll(/@prefix\s+([\w-]*):\s*<([^>]+)>\s*\./g)].map((m) => [m[1] as string, m[2] as string]));
}

function iri(term: string, prefixes: Map<string, string>): string {
  const t = term.trim();
  if (t.startsWith('<')) return t.slice(1, -1);
  const [prefix, local] = t.split(':');
  return `${prefixes.get(prefix ?? '') ?? `${prefix}:`}${local ?? ''}`;
}

/** The node shapes of a SHACL Turtle file written as ELM writes them (one `x:NameShape` or `:NameShape` block per class). */
export function readShapes(turtle: string): NodeShape[] {
  const prefixes = prefixesOf(turtle);
  const blocks = turtle.split(/\n(?=[\w-]*:\w+Shape\s*\n)/).slice(1);
  return blocks.flatMap((block) => {
    const name = /^([\w-]*:\w+Shape)/.exec(block)?.[1];
    const target = /sh:targetClass\s+([^;\s]+)\s*;/.exec(block)?.[1];
    if (!name || !target) return [];
    const properties = block
      .split(/sh:property\s*\[/)
      .slice(1)
      .map((segment) => segment.split(/\n\s{1,4}\]\s*;?/)[0] ?? '')
      .map((p) => {
        const path = /sh:path\s+([^;\s]+)\s*;/.exec(p)?.[1];
        const min = /sh:minCount\s+(\d+)/.exec(p)?.[1];
        const max = /sh:maxCount\s+(\d+)/.exec(p)?.[1];
        return path ? { path: iri(path, prefixes), min: Number(min ?? 0), max: max === undefined ? null : Number(max) } : null;
      })
      .filter((p): p is PropertyShape => p !== null);
    return [{ name, targetClass: iri(target, prefixes), closed: /sh:closed\s+true/.test(block), properties }];
  });
}

type ExpandedNode = Record<string, unknown> & { '@id'?: string; '@type'?: string[] };

function nodesOf(value: unknown, into: ExpandedNode[] = []): ExpandedNode[] {
  if (Array.isArray(value)) for (const v of value) nodesOf(v, into);
  else if (value && typeof value === 'object' && !('@value' in value)) {
    const node = value as ExpandedNode;
    if (node['@type'] || Object.keys(node).some((k) => !k.startsWith('@'))) into.push(node);
    for (const [k, v] of Object.entries(node)) if (!k.startsWith('@')) nodesOf(v, into);
  }
  return into;
}

/** Every violation of the shapes by a JSON-LD document already expanded (`jsonld.expand`). */
export function violations(expanded: unknown, shapes: NodeShape[]): string[] {
  const found: string[] = [];
  for (const node of nodesOf(expanded)) {
    for (const shape of shapes.filter((s) => node['@type']?.includes(s.targetClass))) {
      const where = `${shape.name} at ${node['@id'] ?? '(blank node)'}`;
      const count = (path: string) => (Array.isArray(node[path]) ? (node[path] as unknown[]).length : 0);
      for (const p of shape.properties) {
        if (count(p.path) < p.min) found.push(`${where}: ${p.path} needs at least ${p.min}`);
        if (p.max !== null && count(p.path) > p.max) found.push(`${where}: ${p.path} allows at most ${p.max}`);
      }
      if (shape.closed) {
        const allowed = new Set(shape.properties.map((p) => p.path));
        for (const key of Object.keys(node)) if (!key.startsWith('@') && !allowed.has(key)) found.push(`${where}: ${key} is not allowed (closed shape)`);
      }
    }
  }
  return found;
}
