// Message catalogs of feature modules are fragments merged into the platform catalogs. Each
// fragment keeps its keys under its own namespace (e.g. errors.case.*, ui.case.*), so modules never
// collide. The fragments are listed at the root (src/locales.ts): platform imports no module.
export type Catalog = Record<string, unknown>;

/** Deep-merges fragments into a catalog; a key defined twice is a programming error. */
export function mergeCatalog(base: Catalog, fragments: Catalog[]): Catalog {
  const out = structuredClone(base);
  const merge = (target: Catalog, source: Catalog, path: string) => {
    for (const [key, value] of Object.entries(source)) {
      const here = path ? `${path}.${key}` : key;
      const existing = target[key];
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        if (existing !== undefined && (typeof existing !== 'object' || existing === null)) throw new Error(`i18n key defined twice: ${here}`);
        target[key] = existing ?? {};
        merge(target[key] as Catalog, value as Catalog, here);
      } else {
        if (existing !== undefined) throw new Error(`i18n key defined twice: ${here}`);
        target[key] = value;
      }
    }
  };
  for (const fragment of fragments) merge(out, fragment, '');
  return out;
}
