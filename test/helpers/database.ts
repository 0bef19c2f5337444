// A fresh, migrated database per test file, copied from a template built once per content:
// PGlite opens a copy of a template data directory kept in the OS temp dir; with DATABASE_URL a
// new PostgreSQL database is created from a template database. Test files run in parallel, so a
// template is built by one process while the others wait (see docs/decisions.md, 10 and 45).
// Templates: `reference` (migrations + reference data) and `demo` (reference + the demo seed).
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/config.ts';
import { systemActor } from '../../src/platform/access/roles.ts';
import { TEST_PASSWORD_COST, usePasswordCost } from '../../src/platform/auth/password.ts';
import { type Db, kyselyFor } from '../../src/platform/db/database.ts';
import { DataDirInUseError, acquireDataDirLock } from '../../src/platform/db/data-dir-lock.ts';
import { startEmbeddedPostgres } from '../../src/platform/db/embedded.ts';
import { useSettings } from '../../src/platform/settings.ts';
import { silentLogger } from './logger.ts';

// Every test process hashes passwords cheaply (~130 test users); production keeps full cost.
usePasswordCost(TEST_PASSWORD_COST);

export type TestDatabase = { db: Db; url: string; close(): Promise<void> };
export type TemplateName = 'reference' | 'demo';

const root = new URL('../../', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .map((f) => join(root, dir, f))
    .filter((f) => statSync(f).isFile())
    .sort();
}

let key: string | null = null;
/**
 * Any change to the code or data that writes a template's rows gives new templates. The seeds go
 * through the services, so that is all of src/ except tests, plus data/.
 */
function templateKey(): string {
  if (key) return key;
  const hash = createHash('sha256');
  const sources = filesUnder('src').filter((f) => !/\.(test\.tsx?|checks\.ts)$/.test(f) && !/\.fixtures?\.ts$|-fixtures\.ts$/.test(f));
  for (const file of [...sources, ...filesUnder('data/reference'), ...filesUnder('data/demo')]) {
    hash.update(relative(root, file)).update(readFileSync(file));
  }
  key = hash.digest('hex').slice(0, 16);
  return key;
}

/** The configuration test apps run with (createTestApp uses it too). */
// In-process requests have no client address, so every test request would share one rate-limit
// bucket: the limits are off unless a test turns them on (test/hardening.web.test.ts).
// Audit checkpoints belong to one database and their key to one process: each test process keeps
// its own, so a checkpoint one file's database signed never meets another file's chain.
let auditDir: string | null = null;
const ownAuditDir = () => (auditDir ??= mkdtempSync(join(tmpdir(), 'sapa-test-audit-')));

// The environment the process started with: a file that sets a variable (the CLI test's child
// processes inherit it) leaves it to its lane-mates otherwise.
const startingEnv = { ...process.env };

/**
 * Test files that share a process (test/run.ts runs several in one) start each as a process of its
 * own would: the environment it started with, no configuration set, and audit checkpoints of their own.
 */
export function startTestFile(): void {
  for (const name of Object.keys(process.env)) if (!(name in startingEnv)) delete process.env[name];
  Object.assign(process.env, startingEnv);
  auditDir = null;
  useSettings(null);
  usePasswordCost(TEST_PASSWORD_COST);
}

/**
 * After each file of a lane: what a file may leave running or cached for the process. A job runner
 * still started would take the next file's jobs onto this file's (closed) database, and its
 * `startJobs` would find a runner already there; indicator values are cached by the audit log's
 * length, which the next file's database may share.
 */
export async function endTestFile(): Promise<void> {
  const { stopJobs } = await import('../../src/platform/jobs/jobs.ts');
  await stopJobs();
  const { forgetIndicatorCache } = await import('../../src/indicators/indicators.service.ts');
  forgetIndicatorCache();
  // A file that registered catalogs of its own (registration.test.ts) took the modules' away.
  const i18n = await import('../../src/platform/i18n/i18n.ts');
  if (i18n.catalogs !== catalogsAtStart) {
    const { FRAGMENTS } = await import('../../src/locales.ts');
    i18n.registerCatalogs(FRAGMENTS);
  }
}

let catalogsAtStart: unknown = null;
/** The catalogs as a file found them (after the lane loaded it, so after src/wiring.ts if it uses it). */
export async function noteCatalogs(): Promise<void> {
  catalogsAtStart = (await import('../../src/platform/i18n/i18n.ts')).catalogs;
}

export const testConfig = (env: Record<string, string> = {}) =>
  loadConfig({
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    RATE_LIMIT_SEARCH_PER_MINUTE: '0',
    RATE_LIMIT_VERIFY_PER_MINUTE: '0',
    AUDIT_CHECKPOINT_DIR: join(ownAuditDir(), 'checkpoints'),
    AUDIT_KEY_FILE: join(ownAuditDir(), 'audit.pem'),
    TOTP_KEY_FILE: join(ownAuditDir(), 'totp.key'),
    ...env,
  });

const setupCtx = (db: Db) => ({ db, actor: systemActor('test-setup'), lang: 'en' as const, log: silentLogger, requestId: null });

/** What `demo` recorded while seeding: seed.test.ts checks the progress it showed. */
type DemoRecord = { progress: string[] };

// The seeds are imported only by the process that builds a template.
async function buildTemplate(name: TemplateName, db: Db): Promise<DemoRecord | null> {
  if (name === 'reference') {
    const { migrateToLatest } = await import('../../src/platform/db/migrate.ts');
    const { seedReference } = await import('../../src/cli/seed-reference.ts');
    await migrateToLatest(db);
    await seedReference(setupCtx(db));
    return null;
  }
  // The demo seed runs the services as the CLI does, so it needs what the entry points wire up.
  await import('../../src/wiring.ts');
  const { seedDemo } = await import('../../src/cli/seed-demo.ts');
  useSettings(testConfig());
  const progress: string[] = [];
  await seedDemo(setupCtx(db), (step, done, total) => progress.push(`${step} ${done}/${total}`));
  return { progress };
}

const recordPath = (template: string) => join(tmpdir(), `${template}.json`);

// --- PGlite: template data directories -------------------------------------------------------

async function waitForTurn(dir: string): Promise<(() => void) | null> {
  for (;;) {
    if (existsSync(dir)) return null;
    try {
      const lock = acquireDataDirLock(dir);
      if (!existsSync(dir)) return () => lock.release();
      lock.release();
      return null;
    } catch (error) {
      if (!(error instanceof DataDirInUseError)) throw error;
      // Another test process is building it: wait (a stale lock of a killed one is taken over).
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Old templates and the copies of killed test processes, left in the temp dir for over a day. */
function removeLeftovers(): void {
  const dayAgo = Date.now() - 86_400_000;
  for (const path of [tmpdir(), copiesDir].flatMap((dir) => readdirSync(dir).filter((e) => e.startsWith('sapa-test-')).map((e) => join(dir, e)))) {
    try {
      if (statSync(path).mtimeMs < dayAgo) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
}

/** The template's data directory, built (by this process, or waited for) when missing. */
async function pgliteTemplate(name: TemplateName): Promise<string> {
  const dir = join(tmpdir(), `sapa-test-${name}-${templateKey()}`);
  const release = await waitForTurn(dir);
  if (!release) {
    // Marks it used, so removeLeftovers keeps it.
    utimesSync(dir, new Date(), new Date());
    return dir;
  }
  try {
    removeLeftovers();
    const building = mkdtempSync(`${dir}.building-`);
    const dataDir = join(building, 'db');
    if (name === 'demo') cpSync(await pgliteTemplate('reference'), dataDir, { recursive: true });
    const embedded = await startEmbeddedPostgres({ dataDir, maxConnections: 4 });
    const { db } = kyselyFor(embedded.url, 2);
    try {
      const record = await buildTemplate(name, db);
      if (record) writeFileSync(recordPath(`sapa-test-${name}-${templateKey()}`), JSON.stringify(record));
    } finally {
      await db.destroy();
      await embedded.stop();
    }
    // Published whole or not at all: a killed build leaves only its `.building-*` directory.
    renameSync(dataDir, dir);
    rmSync(building, { recursive: true, force: true });
  } finally {
    release();
  }
  return dir;
}

// Each file's copy of a template lives in memory where Linux offers it: on the disk (ext4 on this
// machine) copying the ~45 MB directory and PostgreSQL's writes cost ~1 s of system CPU per file
// more than on tmpfs (decision 111). A copy lives as long as its file.
const copiesDir = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

async function pgliteDatabase(template: TemplateName): Promise<TestDatabase> {
  const source = await pgliteTemplate(template);
  const own = mkdtempSync(join(copiesDir, 'sapa-test-db-'));
  const dataDir = join(own, 'db');
  // A copy on disk opens in a fraction of the time loading a tarball into memory takes.
  cpSync(source, dataDir, { recursive: true });
  const embedded = await startEmbeddedPostgres({ dataDir, maxConnections: 12 });
  const { db } = kyselyFor(embedded.url, 5);
  return {
    db,
    url: embedded.url,
    async close() {
      await db.destroy();
      await embedded.stop();
      rmSync(own, { recursive: true, force: true });
    },
  };
}

// --- PostgreSQL: template databases ------------------------------------------------------------

async function withAdmin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const postgresTemplateName = (name: TemplateName) => `sapa_tpl_${name === 'demo' ? 'demo_' : ''}${templateKey()}`;
// One advisory lock per template: files cloning the reference need not wait for the demo seed.
const LOCK_IDS: Record<TemplateName, number> = { reference: 7263102, demo: 7263103 };

/** Creates `target` from the template, building the template first when it is missing. */
async function cloneTemplate(admin: pg.Client, serverUrl: string, name: TemplateName, target: string): Promise<void> {
  await admin.query('SELECT pg_advisory_lock($1)', [LOCK_IDS[name]]);
  try {
    const template = await ensurePostgresTemplate(admin, serverUrl, name);
    await admin.query(`CREATE DATABASE ${target} TEMPLATE ${template}`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [LOCK_IDS[name]]);
  }
}

/**
 * Called with the template's advisory lock held, so one process builds while the others wait. The
 * template is built under another name and renamed when complete: a killed build never leaves a
 * half-prepared template behind under the real name.
 */
async function ensurePostgresTemplate(admin: pg.Client, serverUrl: string, name: TemplateName): Promise<string> {
  const template = postgresTemplateName(name);
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
  if (exists.rowCount && (name === 'reference' || existsSync(recordPath(template)))) return template;
  if (exists.rowCount) await admin.query(`DROP DATABASE ${template} WITH (FORCE)`);
  const building = `${template}_b${randomBytes(3).toString('hex')}`;
  if (name === 'demo') await cloneTemplate(admin, serverUrl, 'reference', building);
  else await admin.query(`CREATE DATABASE ${building}`);
  const { db } = kyselyFor(databaseUrl(serverUrl, building), 2);
  try {
    const record = await buildTemplate(name, db);
    if (record) writeFileSync(recordPath(template), JSON.stringify(record));
  } catch (error) {
    await db.destroy();
    await admin.query(`DROP DATABASE ${building} WITH (FORCE)`);
    throw error;
  }
  await db.destroy();
  await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
  return template;
}

async function postgresDatabase(serverUrl: string, templateName: TemplateName): Promise<TestDatabase> {
  const name = `sapa_t_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (admin) => cloneTemplate(admin, serverUrl, templateName, name));
  const url = databaseUrl(serverUrl, name);
  const { db } = kyselyFor(url, 5);
  return {
    db,
    url,
    async close() {
      await db.destroy();
      await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

// --- API ---------------------------------------------------------------------------------------

/** An embedded data directory on disk, migrated and with reference data, as `npm start` leaves it. */
export async function createTestDataDir(dataDir: string): Promise<void> {
  cpSync(await pgliteTemplate('reference'), dataDir, { recursive: true });
}

export async function createTestDatabase(options: { template?: TemplateName } = {}): Promise<TestDatabase> {
  const template = options.template ?? 'reference';
  const serverUrl = process.env.DATABASE_URL;
  return serverUrl ? postgresDatabase(serverUrl, template) : pgliteDatabase(template);
}

/** Builds the template when it is missing (the global test set-up does it before the files run). */
export async function prepareTemplate(template: TemplateName): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    await pgliteTemplate(template);
    return;
  }
  await withAdmin(serverUrl, async (admin) => {
    await admin.query('SELECT pg_advisory_lock($1)', [LOCK_IDS[template]]);
    try {
      await ensurePostgresTemplate(admin, serverUrl, template);
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [LOCK_IDS[template]]);
    }
  });
}

/** The progress lines the demo seed showed when the demo template was built (after createTestDatabase). */
export function demoSeedProgress(): string[] {
  const template = process.env.DATABASE_URL ? postgresTemplateName('demo') : `sapa-test-demo-${templateKey()}`;
  return (JSON.parse(readFileSync(recordPath(template), 'utf8')) as DemoRecord).progress;
}
