// Fast RDF canonicalization for credentials of a known shape (owner: helper F). Placeholder:
// undefined means "not known here, use the general JSON-LD path".
export function fastCanonicalize(_document: Record<string, unknown>): string | undefined {
  return undefined;
}
