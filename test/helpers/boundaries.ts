// The module boundaries of src/ as data, checked by test/boundaries.test.ts: the layers (an import
// only points down), the import graph from dependency-cruiser, and which module owns which table.
// docs/modules.md explains the rules; this file is where they are enforced.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cruise, type IForbiddenRuleType, type IModule } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import ts from 'typescript';

export const root = new URL('../../', import.meta.url).pathname;

/** Tests are entry points, exempt from the layers; fixtures and checks are not. */
export const TEST_FILE = '\\.test\\.tsx?$';
/** Code only tests run: never imported by what the app, server or CLI load. */
export const TEST_SUPPORT = '(\\.test|\\.fixtures|-fixtures|\\.checks)\\.tsx?$';

type Layer = { name: string; rank: number; path: string };

/**
 * Bottom to top (ARCHITECTURE.md "Boundaries"). A file may import its own layer or a lower rank;
 * layers of the same rank are peers and import neither each other nor anything above. config.ts
 * sits with platform: it parses the environment and imports nothing of the app. The root files
 * (app.ts, openapi.ts, and database.ts, locales.ts and wiring.ts, which hand platform the
 * modules' tables, catalogs and checks) form the app layer.
 */
export const LAYERS: readonly Layer[] = [
  { name: 'platform', rank: 0, path: '^src/(platform/|config\\.ts$)' },
  { name: 'frameworks', rank: 1, path: '^src/frameworks/' },
  { name: 'registry', rank: 2, path: '^src/registry/' },
  { name: 'accreditation', rank: 3, path: '^src/accreditation/' },
  { name: 'credentials', rank: 4, path: '^src/credentials/' },
  { name: 'oversight', rank: 4, path: '^src/oversight/' },
  { name: 'recognition', rank: 4, path: '^src/recognition/' },
  { name: 'interop', rank: 5, path: '^src/interop/' },
  { name: 'indicators', rank: 5, path: '^src/indicators/' },
  { name: 'web', rank: 6, path: '^src/web/' },
  { name: 'app', rank: 7, path: '^src/(?!config\\.ts$|server\\.ts$|serve-cluster\\.ts$)[^/]+$' },
  { name: 'server', rank: 8, path: '^src/(server|serve-cluster)\\.ts$' },
  { name: 'cli', rank: 9, path: '^src/cli/' },
];

export const layerOf = (file: string): Layer | undefined => LAYERS.find((l) => new RegExp(l.path).test(file));

const either = (paths: string[]) => paths.map((p) => `(${p})`).join('|');

function layerRules(): IForbiddenRuleType[] {
  return LAYERS.map((layer) => {
    const above = LAYERS.filter((l) => l.rank > layer.rank || (l.rank === layer.rank && l.name !== layer.name));
    return {
      name: `layer-${layer.name}`,
      comment: `${layer.name} imports only its own layer and lower ones: ${above.map((l) => l.name).join(', ')} are above it or its peers`,
      severity: 'error',
      from: { path: layer.path, pathNot: TEST_FILE },
      to: { path: either(above.map((l) => l.path)) },
    } satisfies IForbiddenRuleType;
  }).filter((rule) => rule.to.path !== '');
}

/** Rules about what pages may import; the boundary test asserts none is broken. */
export const WEB_RULES = ['web-no-repository', 'web-no-database', 'web-no-sql'] as const;

export const RULES: IForbiddenRuleType[] = [
  { name: 'no-circular', severity: 'error', comment: 'no import cycles, type-only imports included', from: {}, to: { circular: true } },
  ...layerRules(),
  {
    name: 'no-test-support-in-app',
    severity: 'error',
    comment: 'what the app runs never loads test helpers, fixtures or checks',
    from: { path: '^src/', pathNot: TEST_SUPPORT },
    to: { path: either(['^test/', `^src/.*${TEST_SUPPORT}`]) },
  },
  {
    name: 'web-no-repository',
    severity: 'error',
    comment: 'pages get their data from service view functions, never from a repository',
    from: { path: '^src/web/', pathNot: TEST_SUPPORT },
    to: { path: '\\.repository\\.ts$' },
  },
  {
    name: 'web-no-database',
    severity: 'error',
    comment: 'pages do not open or query the database (types such as LangMap are fine)',
    from: { path: '^src/web/', pathNot: TEST_SUPPORT },
    to: { path: '^src/platform/db/', dependencyTypesNot: ['type-only'] },
  },
  {
    name: 'web-no-sql',
    severity: 'error',
    comment: "pages write no SQL: kysely's sql and query builders stay in repositories",
    from: { path: '^src/web/', pathNot: TEST_SUPPORT },
    to: { path: '(^|/)node_modules/kysely/|^kysely$', dependencyTypesNot: ['type-only'] },
  },
];

export type Violation = { rule: string; from: string; to: string };

export type Graph = { modules: IModule[]; violations: Violation[] };

/** The import graph of src/ (type-only imports included) and the rules it breaks. */
export async function cruiseSource(): Promise<Graph> {
  // Files are named relative to baseDir, the repository root, whatever the working directory.
  const result = await cruise(
    ['src'],
    {
      baseDir: root,
      tsPreCompilationDeps: true,
      tsConfig: { fileName: join(root, 'tsconfig.json') },
      doNotFollow: { path: 'node_modules' },
      validate: true,
      ruleSet: { forbidden: RULES },
    },
    {},
    { tsConfig: extractTSConfig(join(root, 'tsconfig.json')) },
  );
  if (typeof result.output === 'string') throw new Error('dependency-cruiser returned text, not a result');
  const violations = result.output.summary.violations.map((v) => ({
    rule: v.rule.name,
    from: v.from,
    to: v.rule.name === 'no-circular' ? (v.cycle ?? []).map((c) => c.name).join(' → ') : v.to,
  }));
  return { modules: result.output.modules, violations };
}

// --- Tables: who owns them and who names them in SQL ---

/** Source files under a directory, relative to the repository root. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => relative(root, join(root, dir, f)))
    .sort();
}

const parse = (file: string, text?: string) =>
  ts.createSourceFile(
    file,
    text ?? readFileSync(join(root, file), 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );

/** The layer a table belongs to is the owner: the module whose *.table.ts declares it, or platform. */
export function tableOwners(): Map<string, string> {
  const owners = new Map<string, string>();
  const declarers = [...sourceFiles('src').filter((f) => f.endsWith('.table.ts')), 'src/platform/db/schema.ts'];
  for (const file of declarers) {
    const owner = layerOf(file)?.name ?? file;
    ts.forEachChild(parse(file), (node) => {
      if (!ts.isTypeAliasDeclaration(node) || !node.name.text.endsWith('Tables') || !ts.isTypeLiteralNode(node.type)) return;
      for (const member of node.type.members) {
        if (!member.name || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) continue;
        const table = member.name.text;
        const known = owners.get(table);
        if (known && known !== owner) throw new Error(`table ${table} is declared by both ${known} and ${owner}`);
        owners.set(table, owner);
      }
    });
  }
  return owners;
}

const BUILDER_CALLS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'crossJoin',
]);
const WRITE_CALLS = new Set(['insertInto', 'updateTable', 'deleteFrom', 'mergeInto']);
// In raw SQL, a table follows one of these words; the first group tells a write.
const RAW_TABLE = /\b(insert\s+into|update|delete\s+from|merge\s+into|from|join|table)\s+"?([a-z_][a-z0-9_]*)/gi;

export type TableUses = { named: Set<string>; written: Set<string> };

/** Every table a file names, and those it writes: Kysely's builder calls, sql.table(), raw sql`…`. */
export function tableUses(file: string, known: ReadonlySet<string>, text?: string): TableUses {
  const uses: TableUses = { named: new Set(), written: new Set() };
  const add = (name: string, write: boolean) => {
    const table =
      name
        .trim()
        .split(/\s+as\s+/i)[0]
        ?.trim() ?? '';
    if (!known.has(table)) return;
    uses.named.add(table);
    if (write) uses.written.add(table);
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const first = node.arguments[0];
      const isSqlTable = method === 'table' && ts.isIdentifier(node.expression.expression) && node.expression.expression.text === 'sql';
      if ((BUILDER_CALLS.has(method) || isSqlTable) && first) {
        const write = WRITE_CALLS.has(method);
        if (ts.isStringLiteralLike(first)) add(first.text, write);
        if (ts.isArrayLiteralExpression(first)) for (const e of first.elements) if (ts.isStringLiteralLike(e)) add(e.text, write);
      }
    }
    if (ts.isTaggedTemplateExpression(node) && /^sql\b/.test(node.tag.getText())) {
      const template = node.template;
      const texts = ts.isNoSubstitutionTemplateLiteral(template) ? [template.text] : [template.head.text, ...template.templateSpans.map((s) => s.literal.text)];
      for (const text of texts) for (const match of text.matchAll(RAW_TABLE)) add(match[2] ?? '', !/^(from|join|table)$/i.test(match[1] ?? ''));
    }
    ts.forEachChild(node, visit);
  };
  visit(parse(file, text));
  return uses;
}

export const tablesNamedIn = (file: string, known: ReadonlySet<string>, text?: string): Set<string> => tableUses(file, known, text).named;

/** A page's own handle on the database: ctx.db, c.get('ctx').db, deps.db and the like. */
export function usesDb(file: string, text?: string): boolean {
  let found = false;
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'db') found = true;
    if (!found) ts.forEachChild(node, visit);
  };
  visit(parse(file, text));
  return found;
}

// --- The checks of test/boundaries.test.ts, as sorted lists of stable strings ---

const isTestSupport = (file: string) => new RegExp(TEST_SUPPORT).test(file);

/** Where a dependency points, without this machine's path to node_modules. */
const target = (to: string) => to.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1] ?? to;

/** Pages reaching past the services: imports of repositories, the database, kysely; a db handle. */
export function webViolations(graph: Graph): string[] {
  const imports = graph.violations.filter((v) => (WEB_RULES as readonly string[]).includes(v.rule)).map((v) => `${v.rule}: ${v.from} → ${target(v.to)}`);
  const handles = sourceFiles('src/web')
    .filter((f) => !isTestSupport(f) && usesDb(f))
    .map((f) => `web-no-db-handle: ${f}`);
  return [...new Set([...imports, ...handles])].sort();
}

const WEB_RANK = LAYERS.find((l) => l.name === 'web')?.rank ?? 0;
// Migrations are the schema's one history, so they create every module's tables.
const MIGRATIONS = /^src\/platform\/db\/migrations\//;

/**
 * SQL of a module (or platform) on a table another module owns. Platform's own tables (users,
 * roles, audit, history, search, files) are shared ground every module may read, but only
 * platform's functions write them; web, the root and the CLI are checked by the web rules and
 * the layers instead.
 */
export function foreignTableViolations(): string[] {
  const owners = tableOwners();
  const known = new Set(owners.keys());
  const out: string[] = [];
  for (const file of sourceFiles('src')) {
    if (isTestSupport(file) || MIGRATIONS.test(file)) continue;
    const layer = layerOf(file);
    if (!layer || layer.rank >= WEB_RANK) continue;
    const uses = tableUses(file, known);
    for (const table of uses.named) {
      const owner = owners.get(table);
      if (owner === layer.name) continue;
      if (owner !== 'platform') out.push(`foreign-table: ${file} → ${table} (${owner})`);
      else if (uses.written.has(table)) out.push(`platform-table-write: ${file} → ${table}`);
    }
  }
  return out.sort();
}
