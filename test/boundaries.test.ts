// The module boundaries (docs/modules.md): no import cycles, imports only down the layers, pages
// through services, each module's SQL on its own tables. Runs dependency-cruiser on src/.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  cruiseSource,
  foreignTableViolations,
  type Graph,
  LAYERS,
  layerOf,
  RULES,
  sourceFiles,
  TEST_FILE,
  tableOwners,
  tablesNamedIn,
  tableUses,
  usesDb,
  webViolations,
} from './helpers/boundaries.ts';

/** The rules of RULES that would refuse an import from one file to another (path patterns only). */
function refusedBy(from: string, to: string): string[] {
  const matches = (pattern: string | string[] | undefined, path: string) =>
    pattern === undefined || (Array.isArray(pattern) ? pattern : [pattern]).some((p) => new RegExp(p).test(path));
  const misses = (pattern: string | string[] | undefined, path: string) => pattern !== undefined && matches(pattern, path);
  return RULES.filter(
    (r) => 'from' in r && 'to' in r && r.to.path !== undefined && matches(r.from.path, from) && !misses(r.from.pathNot, from) && matches(r.to.path, to),
  ).map((r) => r.name ?? '');
}

describe('module boundaries', () => {
  let graph: Graph;
  before(async () => {
    graph = await cruiseSource();
  });

  test('the import graph is complete: every relative import of src/ resolves to a file', () => {
    assert.ok(graph.modules.length > 300, `only ${graph.modules.length} modules cruised`);
    const unresolved = graph.modules.flatMap((m) =>
      m.dependencies.filter((d) => d.couldNotResolve && d.module.startsWith('.')).map((d) => `${m.source} → ${d.module}`),
    );
    assert.deepEqual(unresolved, []);
    const app = graph.modules.find((m) => m.source === 'src/app.ts');
    assert.ok(
      app?.dependencies.some((d) => d.resolved === 'src/wiring.ts'),
      'src/app.ts → src/wiring.ts not seen',
    );
  });

  test('src/ has no import cycles, type-only imports included', () => {
    assert.deepEqual(
      graph.violations.filter((v) => v.rule === 'no-circular').map((v) => v.to),
      [],
    );
  });

  test('every file of src/ belongs to a layer', () => {
    assert.deepEqual(
      sourceFiles('src').filter((f) => !layerOf(f)),
      [],
    );
  });

  test('platform imports nothing above it', () => {
    assert.deepEqual(
      graph.violations.filter((v) => v.rule === 'layer-platform').map((v) => `${v.from} → ${v.to}`),
      [],
    );
  });

  test('imports only point down the layers, and what the app runs loads no test code', () => {
    assert.deepEqual(
      graph.violations.filter((v) => v.rule.startsWith('layer-') || v.rule === 'no-test-support-in-app').map((v) => `${v.rule}: ${v.from} → ${v.to}`),
      [],
    );
  });

  test('pages reach no repository, database or SQL', () => {
    assert.deepEqual(webViolations(graph), []);
  });

  test("no module names another module's table in SQL", () => {
    assert.deepEqual(foreignTableViolations(), []);
  });

  test('every rule the check reports is one it defines', () => {
    const names = new Set(RULES.map((r) => r.name));
    assert.deepEqual(
      graph.violations.filter((v) => !names.has(v.rule)),
      [],
    );
  });
});

describe('the boundary rules themselves', () => {
  test('refuse upward and peer imports, allow downward ones; tests are exempt', () => {
    assert.deepEqual(refusedBy('src/platform/http/errors.ts', 'src/web/error.page.tsx'), ['layer-platform']);
    assert.deepEqual(refusedBy('src/platform/db/schema.ts', 'src/database.ts'), ['layer-platform']);
    assert.deepEqual(refusedBy('src/registry/x.ts', 'src/accreditation/y.ts'), ['layer-registry']);
    assert.deepEqual(refusedBy('src/credentials/x.ts', 'src/recognition/y.ts'), ['layer-credentials']);
    assert.deepEqual(refusedBy('src/accreditation/recognition.seed.ts', 'src/cli/reference-files.ts'), ['layer-accreditation']);
    assert.deepEqual(refusedBy('src/web/x.tsx', 'src/platform/context.ts'), []);
    assert.deepEqual(refusedBy('src/cli/main.ts', 'src/server.ts'), []);
    assert.deepEqual(refusedBy('src/app.ts', 'src/web/portal.routes.ts'), []);
    assert.deepEqual(refusedBy('src/platform/x.test.ts', 'src/web/y.tsx'), []);
    assert.ok(new RegExp(TEST_FILE).test('src/web/record.pages.test.ts'));
  });

  test('refuse what pages must not import, and test code in the app', () => {
    assert.deepEqual(refusedBy('src/web/x.page.tsx', 'src/accreditation/case.repository.ts'), ['web-no-repository']);
    assert.deepEqual(refusedBy('src/web/x.page.tsx', 'src/platform/db/database.ts'), ['web-no-database']);
    assert.deepEqual(refusedBy('src/web/x.page.tsx', 'node_modules/kysely/dist/esm/index.js'), ['web-no-sql']);
    assert.deepEqual(refusedBy('src/registry/x.service.ts', 'test/helpers/app.ts'), ['no-test-support-in-app']);
    assert.deepEqual(refusedBy('src/registry/x.service.ts', 'src/registry/x.fixtures.ts'), ['no-test-support-in-app']);
  });

  test('the layers are ordered as ARCHITECTURE.md lists them', () => {
    const rank = (name: string) => LAYERS.find((l) => l.name === name)?.rank;
    const order = ['platform', 'frameworks', 'registry', 'accreditation', 'credentials', 'web', 'app', 'server', 'cli'].map(rank);
    assert.deepEqual(
      order,
      [...order].sort((a = 0, b = 0) => a - b),
    );
    assert.equal(rank('credentials'), rank('recognition'));
    assert.equal(layerOf('src/config.ts')?.name, 'platform');
    assert.equal(layerOf('src/database.ts')?.name, 'app');
    assert.equal(layerOf('src/server.ts')?.name, 'server');
  });

  test('find the tables a file names in builder calls, joins and raw SQL', () => {
    const known = new Set(['programmes', 'organizations', 'users', 'licences', 'qualifications', 'certification_centres']);
    const text = `
      db.selectFrom('programmes as p').innerJoin('organizations as o', 'o.id', 'p.organization_id');
      db.insertInto('users').values({});
      db.updateTable('nothing_known').set({});
      const q = sql\`select 1 from licences l where exists (select 1 from qualifications q)\`;
      // db.deleteFrom('certification_centres') in a comment is not a query
      const s = 'from certification_centres';
    `;
    assert.deepEqual([...tablesNamedIn('src/x.ts', known, text)].sort(), ['licences', 'organizations', 'programmes', 'qualifications', 'users']);
    assert.deepEqual([...tablesNamedIn('src/x.ts', known, "db.deleteFrom('organizations').where(sql.ref('x'), '=', 1)")], ['organizations']);
  });

  test('tell the tables a file writes from those it only reads', () => {
    const known = new Set(['users', 'audit_log', 'programmes', 'licences', 'sessions']);
    const text = `
      db.selectFrom('users').selectAll();
      db.insertInto('audit_log').values({});
      sql\`update programmes set x = 1 where id in (select id from licences)\`;
      sql\`delete from sessions\`;
    `;
    const uses = tableUses('src/x.ts', known, text);
    assert.deepEqual([...uses.named].sort(), ['audit_log', 'licences', 'programmes', 'sessions', 'users']);
    assert.deepEqual([...uses.written].sort(), ['audit_log', 'programmes', 'sessions']);
  });

  test("see a page's database handle", () => {
    assert.equal(usesDb('src/web/x.tsx', "const rows = await c.get('ctx').db.selectFrom('x').execute();"), true);
    assert.equal(usesDb('src/web/x.tsx', 'const rows = await listThings(ctx, {});'), false);
  });

  test('give every table one owner, the module whose *.table.ts declares it', () => {
    const owners = tableOwners();
    assert.equal(owners.get('organizations'), 'registry');
    assert.equal(owners.get('nqf_levels'), 'frameworks');
    assert.equal(owners.get('accreditation_cases'), 'accreditation');
    assert.equal(owners.get('credentials'), 'credentials');
    assert.equal(owners.get('users'), 'platform');
    assert.equal(owners.get('files'), 'platform');
  });
});
