// The sapa command: serve, migrate, seed, user add, token, council term, audit verify, reminders, issue, backup,
// restore, import, export, dump, openapi.
import { enrolTwoFactorFor, resetTwoFactor } from '../platform/auth/two-factor.ts';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Command } from 'commander';
import '../wiring.ts';
import { loadConfig } from '../config.ts';
import { ROLES, type Role, systemActor } from '../platform/access/roles.ts';
import { verifyAuditTrail } from '../platform/audit/audit.service.ts';
import { API_TOKEN_DAYS, createUser, issueApiToken } from '../platform/auth/auth.service.ts';
import { inTransaction } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { problemFor } from '../platform/http/problem.ts';
import { dateSchema } from '../platform/http/openapi-common.ts';
import { setCouncilTerm } from '../accreditation/council-members.service.ts';
import { describeOwner } from '../platform/db/data-dir-lock.ts';
import { type Db, openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { createLogger } from '../platform/log.ts';
import { startServer } from '../server.ts';
import { backup, describeBackup, restore } from './backup-archive.ts';
import { bootstrap } from './bootstrap.ts';
import { progressPrinter } from './progress.ts';
import { seedDemo } from './seed-demo.ts';
import { seedReference } from './seed-reference.ts';

const config = loadConfig();
const log = createLogger(config);

/**
 * Runs a command on the database. On the embedded database, a running Sapa owns the directory:
 * the command then works through its socket, so the server sees the effect at once.
 */
async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 4, access: 'shared' });
  if (handle.sharedWith) console.error(`working through ${describeOwner(handle.sharedWith)}`);
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

const systemCtx = (db: Db) => ({ db, actor: systemActor('sapa cli'), lang: 'en' as const, log, requestId: null });

const program = new Command('sapa').description("Sapa: Kazakhstan's register of qualifications and quality assurance");

program
  .command('serve')
  .description('start the HTTP server')
  .option('--bootstrap', 'migrate, and load reference (and demo, unless SAPA_DEMO=false) data when missing')
  .option('--workers <n>', 'HTTP processes sharing the port (needs DATABASE_URL); the primary runs the jobs', (v) => Number.parseInt(v, 10), 1)
  .option('--no-jobs', 'do not run background jobs here: a separate `sapa worker` runs them')
  .action(async (opts: { bootstrap?: boolean; workers: number; jobs: boolean }) => {
    if (!Number.isInteger(opts.workers) || opts.workers < 1) throw new Error('--workers must be a whole number of at least 1');
    const { serveWithWorkers } = await import('../serve-cluster.ts');
    await serveWithWorkers(config, opts.workers, {
      jobs: opts.jobs,
      bootstrap: opts.bootstrap ? (db) => bootstrap(db, config, log) : async (db) => void (await migrateToLatest(db)),
    });
  });

program
  .command('worker')
  .description('run the background jobs (reminders, batch issuance, checkpoints, dumps, e-mail) beside HTTP processes started with --no-jobs; needs DATABASE_URL')
  .action(async () => {
    const { runJobWorker } = await import('../serve-cluster.ts');
    await runJobWorker(config);
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(() =>
    withDatabase(async (db) => {
      const applied = await migrateToLatest(db);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    }),
  );

program
  .command('seed')
  .description('load data')
  .option('--reference', 'real reference data from data/reference/')
  .option('--demo', 'the labelled synthetic demonstration data set')
  .action((opts: { reference?: boolean; demo?: boolean }) =>
    withDatabase(async (db) => {
      if (!opts.reference && !opts.demo) throw new Error('say --reference, --demo or both');
      await migrateToLatest(db);
      const progress = progressPrinter();
      if (opts.reference) await seedReference(systemCtx(db), progress);
      if (opts.demo) await seedDemo(systemCtx(db), progress);
    }),
  );

const user = program.command('user').description('manage users');
user
  .command('add')
  .description('create a user with one role')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .requiredOption('--password <password>')
  .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
  .option('--organization <id>', 'organization id the role is scoped to')
  .action((opts: { email: string; name: string; password: string; role: string; organization?: string }) =>
    withDatabase(async (db) => {
      const created = await inTransaction(systemCtx(db), (ctx) =>
        createUser(ctx, {
          email: opts.email,
          displayName: opts.name,
          password: opts.password,
          roles: [{ role: opts.role as Role, organizationId: opts.organization ?? null }],
        }),
      );
      console.log(`user ${created.id} created`);
    }),
  );

const token = program.command('token').description('API tokens: issue, list, revoke');
token
  .command('issue')
  .description('issue an API token for a user (printed once)')
  .requiredOption('--email <email>')
  .option('--name <name>', 'what the token is for', 'cli')
  .option('--days <n>', `days until it expires (at most ${API_TOKEN_DAYS.max})`, String(API_TOKEN_DAYS.default))
  .action((opts: { email: string; name: string; days: string }) =>
    withDatabase(async (db) => {
      const userId = await userIdByEmail(db, opts.email);
      const issued = await inTransaction(systemCtx(db), (ctx) => issueApiToken(ctx, userId, opts.name, undefined, { expiresInDays: Number(opts.days) }));
      console.error(`token ${issued.id} expires ${issued.expiresAt.toISOString()}`);
      console.log(issued.token);
    }),
  );
token
  .command('list')
  .description("a user's API tokens (never their secrets)")
  .requiredOption('--email <email>')
  .action((opts: { email: string }) =>
    withDatabase(async (db) => {
      const userId = await userIdByEmail(db, opts.email);
      const { listApiTokens } = await import('../platform/auth/api-tokens.service.ts');
      const ctx = { ...systemCtx(db), actor: { kind: 'user' as const, userId, label: opts.email, roles: [] } };
      for (const t of await listApiTokens(ctx)) {
        console.log(`${t.id}  ${t.state.padEnd(7)}  expires ${t.expiresAt}  last used ${t.lastUsedAt ?? 'never'}  ${t.name}`);
      }
    }),
  );
token
  .command('revoke')
  .description('revoke an API token at once')
  .argument('<id>', 'the token id (sapa token list shows it)')
  .action((id: string) =>
    withDatabase(async (db) => {
      const { revokeApiToken } = await import('../platform/auth/api-tokens.service.ts');
      const revoked = await inTransaction(systemCtx(db), (ctx) => revokeApiToken(ctx, id));
      console.log(`token ${revoked.id} (${revoked.name}, ${revoked.userEmail}) revoked at ${revoked.revokedAt}`);
    }),
  );

const twoFactor = program.command('two-factor').description('TOTP two-factor sign-in of a user');
twoFactor
  .command('enrol')
  .description('turn it on for a user now; prints the secret, its otpauth:// address and ten recovery codes (once)')
  .requiredOption('--email <email>')
  .action((opts: { email: string }) =>
    withDatabase(async (db) => {
      const enrolled = await inTransaction(systemCtx(db), (ctx) => enrolTwoFactorFor(ctx, opts.email));
      console.log(`secret: ${enrolled.secret}\naddress: ${enrolled.uri}\nrecovery codes:\n${enrolled.recoveryCodes.join('\n')}`);
    }),
  );
twoFactor
  .command('reset')
  .description('turn it off for a user who lost the app and the recovery codes')
  .requiredOption('--email <email>')
  .action((opts: { email: string }) =>
    withDatabase(async (db) => {
      await inTransaction(systemCtx(db), (ctx) => resetTwoFactor(ctx, opts.email));
      console.log(`two-factor sign-in is off for ${opts.email}`);
    }),
  );

const council = program.command('council').description("an accreditation body's council");
council
  .command('term')
  .description("set the last day of a council member's term (none: open-ended); from a meeting after it, they are off its roster")
  .requiredOption('--body <id>', 'the accreditation body (organization id)')
  .requiredOption('--email <email>', 'the council member')
  .requiredOption('--ends-on <date>', 'YYYY-MM-DD, or none')
  .action((opts: { body: string; email: string; endsOn: string }) =>
    withDatabase(async (db) => {
      const endsOn = opts.endsOn === 'none' ? null : dateSchema.parse(opts.endsOn);
      const userId = await userIdByEmail(db, opts.email);
      const m = await inTransaction(systemCtx(db), (ctx) => setCouncilTerm(ctx, opts.body, userId, endsOn));
      console.log(`${m.email}: council member since ${m.appointedOn}, ${m.endsOn ? `term ends ${m.endsOn}` : 'open-ended'}`);
    }),
  );

async function userIdByEmail(db: Db, email: string): Promise<string> {
  const u = await db.selectFrom('users').select('id').where('email', '=', email.toLowerCase()).executeTakeFirst();
  if (!u) throw new Error(`no user ${email}`);
  return u.id;
}

const audit = program.command('audit').description('audit trail');
audit
  .command('verify')
  .description('check every link of the hash chain and the chain against every signed checkpoint; reports the first problem')
  .action(() =>
    withDatabase(async (db) => {
      const progress = progressPrinter();
      const result = await verifyAuditTrail(db, (checked, total) => progress('audit entries', checked, total));
      if (result.ok) {
        console.log(`audit trail intact: ${result.checked} entries, ${result.checkpoints} signed checkpoint(s) match`);
      } else {
        console.log(`audit trail BROKEN at entry ${result.firstBreak?.seq} (${result.firstBreak?.reason}); ${result.checked} entries before it are intact`);
        process.exitCode = 1;
      }
    }),
  );
audit
  .command('checkpoint')
  .description('sign a checkpoint of the chain head now (also made daily by the server)')
  .action(() =>
    withDatabase(async (db) => {
      const { makeAuditCheckpoint } = await import('../platform/audit/checkpoints.ts');
      const checkpoint = await makeAuditCheckpoint(db);
      console.log(checkpoint ? `checkpoint signed: ${checkpoint.count} entries, head ${checkpoint.seq} ${checkpoint.hash} (key ${checkpoint.keyId})` : 'the audit trail is empty');
    }),
  );

program
  .command('reminders')
  .description('remind open accreditation deadlines due within 5 working days or overdue (once a day), state controls due within the window or overdue (once per due day), and list accreditations expiring within a year without a new case')
  .option('--date <YYYY-MM-DD>', "the day to remind for (default: today in Almaty)")
  .action((opts: { date?: string }) =>
    withDatabase(async (db) => {
      const { sendDeadlineReminders } = await import('../accreditation/reminders.ts');
      const { todayInAlmaty } = await import('../platform/calendar/calendar.ts');
      const progress = progressPrinter();
      const sent = await inTransaction(systemCtx(db), (ctx) => sendDeadlineReminders(ctx, opts.date ?? todayInAlmaty(), { progress: (done, total) => progress('deadline reminders', done, total) }));
      for (const r of sent) console.log(`${r.caseNumber} ${r.step} due ${r.dueOn}${r.overdue ? ' OVERDUE' : ''}`);
      console.log(`${sent.length} reminder(s) sent`);
      const { sendOtherReminders } = await import('../accreditation/reminder-sources.ts');
      const others = await inTransaction(systemCtx(db), (ctx) => sendOtherReminders(ctx, opts.date ?? todayInAlmaty()));
      for (const [name, n] of Object.entries(others)) console.log(`${n} ${name} reminder(s) sent`);
      const { deliverNotificationMail } = await import('../platform/notifications/mail.ts');
      const mailed = await deliverNotificationMail(db, log);
      if (mailed) console.log(`${mailed} e-mail(s) sent`);
      // Re-accreditation must start at least a year before expiry (PRODUCT §3.3).
      const { expiryReminders } = await import('../accreditation/follow-up.service.ts');
      const expiring = await expiryReminders(systemCtx(db), opts.date ?? todayInAlmaty());
      for (const e of expiring) console.log(`${e.certificateNumber ?? e.decisionId} ${e.organization.name.ru}: expires ${e.validTo} (${e.daysLeft} days), no re-accreditation case yet`);
      console.log(`${expiring.length} accreditation(s) expiring within a year without a new case`);
    }),
  );

program
  .command('issue')
  .description('issue credentials from a CSV of learners for a specification (every row checked first; nothing twice)')
  .requiredOption('--batch <file>', 'CSV (any usual encoding) or XLSX file: name, email, identifier, date (YYYY-MM-DD or DD.MM.YYYY), grade')
  .requiredOption('--spec <id>', 'micro-credential specification id')
  .option('--partial', 'issue the good rows even when some rows are bad')
  .action((opts: { batch: string; spec: string; partial?: boolean }) =>
    withDatabase(async (db) => {
      const { readFileSync } = await import('node:fs');
      const { createBatch, runBatch } = await import('../credentials/batch.service.ts');
      // Bytes, not UTF-8 text: the importer's reader detects Windows-1251 and UTF-16 and reads XLSX.
      const file = new Uint8Array(readFileSync(opts.batch));
      const { batch, created } = await inTransaction(systemCtx(db), (ctx) =>
        createBatch(ctx, { specificationId: opts.spec, file, partial: opts.partial ?? false }, { enqueue: false }),
      );
      if (!created) console.log(`this file was submitted before as batch ${batch.id}; issuing only what is still pending`);
      const progress = progressPrinter();
      await runBatch(db, log, batch.id, (done, total) => progress('rows', done, total));
      const { getBatch } = await import('../credentials/batch.service.ts');
      let result = await getBatch(systemCtx(db), batch.id, { limit: 1000 });
      console.log(`batch ${result.id}: ${result.issued} issued, ${result.skipped} issued before, ${result.invalid} invalid, ${result.failed} failed`);
      // Every row with a problem, a page of rows at a time.
      for (;;) {
        for (const row of result.rows.filter((r) => r.errors.length)) console.log(`  row ${row.row}: ${row.errors.map((e) => e.message).join('; ')}`);
        if (!result.nextCursor) break;
        result = await getBatch(systemCtx(db), batch.id, { limit: 1000, cursor: Number(result.nextCursor) });
      }
      if (result.failed) process.exitCode = 1;
    }),
  );

program
  .command('backup')
  .description('write the database and the file store, with checksums, to one gzip tarball (the embedded database needs Sapa stopped; a server database does not)')
  .argument('<file>', 'where to write the backup, e.g. sapa-backup.tar.gz')
  .action(async (file: string) => {
    console.error(`backing up ${config.DATABASE_URL ? 'the PostgreSQL database' : config.DATA_DIR} and ${config.FILES_DIR} …`);
    const manifest = await backup(config, file);
    console.log(`backup written to ${file}: ${describeBackup(manifest)}`);
  });

program
  .command('restore')
  .description('restore a backup: checks every checksum first; a server database must be new and empty, the embedded directory and the file store are kept aside')
  .argument('<file>', 'a backup written by sapa backup')
  .action(async (file: string) => {
    console.error(`restoring ${file} …`);
    const { manifest, keptAside } = await restore(config, file);
    console.log(`restored ${file}: ${describeBackup(manifest)}${keptAside.length ? `; the previous directory is kept as ${keptAside.join(' and ')}` : ''}`);
  });

program
  .command('import')
  .description('import a CSV or XLSX file into a register (programmes, organizations, qualifications): all rows or none')
  .argument('<register>')
  .argument('<file>')
  .option('--dry-run', 'only preview: rows to create, update or leave unchanged, and every problem')
  .option('--encoding <name>', 'the text encoding when detection should be overridden, e.g. windows-1251')
  .option('--lang <lang>', 'language of the problem messages (kk, ru, en)', 'en')
  .action(async (register: string, file: string, opts: { dryRun?: boolean; encoding?: string; lang?: string }) => {
    const { commitImport, previewImport } = await import('../interop/import-service.ts');
    const bytes = readFileSync(file);
    const lang = (['kk', 'ru', 'en'].includes(opts.lang ?? '') ? opts.lang : 'en') as 'kk' | 'ru' | 'en';
    const progress = progressPrinter();
    const outcome = await withDatabase((db) => {
      const ctx = { ...systemCtx(db), lang };
      return opts.dryRun
        ? previewImport(ctx, register, bytes, { encoding: opts.encoding })
        : commitImport(ctx, register, bytes, { encoding: opts.encoding, onProgress: (done, total) => progress(`import ${register}`, done, total) });
    });
    for (const p of outcome.problems) console.error(p.message);
    console.log(`${outcome.committed ? 'imported' : opts.dryRun ? 'preview' : 'nothing stored'}: ${outcome.create} to create, ${outcome.update} to update, ${outcome.unchanged} unchanged, ${outcome.problems.length} problems (${outcome.format}${outcome.encoding ? `, ${outcome.encoding}` : ''})`);
    if (outcome.problems.length) process.exitCode = 1;
  });

program
  .command('export')
  .description('write a register as CSV, XLSX or JSON-LD to a file (or standard output)')
  .argument('<register>')
  .option('--format <format>', 'csv, xlsx or jsonld', 'csv')
  .option('--lang <lang>', 'language of the headers and names', 'kk')
  .option('--out <file>')
  .action(async (register: string, opts: { format: string; lang: string; out?: string }) => {
    const { exportStream, EXPORT_FORMATS } = await import('../interop/export-register.ts');
    const { registerDescriptor } = await import('../interop/import-service.ts');
    const format = EXPORT_FORMATS.find((f) => f === opts.format) ?? 'csv';
    const lang = (['kk', 'ru', 'en'].includes(opts.lang) ? opts.lang : 'kk') as 'kk' | 'ru' | 'en';
    await withDatabase(async (db) => {
      const stream = exportStream(systemCtx(db), registerDescriptor(register), format, { lang, baseUrl: config.PUBLIC_URL });
      await pipeline(stream, opts.out ? createWriteStream(opts.out) : process.stdout);
    });
  });

program
  .command('dump')
  .description('write the open-data dumps now (what the nightly job does)')
  .action(async () => {
    const { writeOpenDataDumps } = await import('../interop/dump-service.ts');
    const dumps = await withDatabase((db) => inTransaction(systemCtx(db), (ctx) => writeOpenDataDumps(ctx, config.PUBLIC_URL)));
    for (const dump of dumps) {
      console.log(`${dump.label} dump ${dump.id} (${dump.createdAt})`);
      for (const f of dump.files) console.log(`  ${f.name}  ${f.size} bytes  sha256 ${f.sha256}`);
    }
  });

const report = program.command('report').description('reports drawn from the national indicators, as HTML and PDF');
const reportAction = (kind: 'national' | 'agency') => (opts: { year: string; lang: string; body?: string; out: string }) =>
  withDatabase(async (db) => {
    if (!/^\d{4}$/.test(opts.year)) throw new Error(`--year takes a year such as 2024, not ${opts.year}`);
    if (!['kk', 'ru', 'en'].includes(opts.lang)) throw new Error(`--lang takes kk, ru or en, not ${opts.lang}`);
    const { buildReport, reportFileName } = await import('../indicators/report.ts');
    const { reportHtml } = await import('../indicators/report-html.ts');
    const { reportPdf } = await import('../indicators/report-pdf.ts');
    const { mkdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const progress = progressPrinter();
    const lang = opts.lang as 'kk' | 'ru' | 'en';
    const built = await buildReport(systemCtx(db), { kind, year: Number(opts.year), lang, body: opts.body, onProgress: progress });
    progress('PDF', 0, 1);
    const name = reportFileName({ kind, year: Number(opts.year), lang, body: opts.body });
    mkdirSync(opts.out, { recursive: true });
    writeFileSync(join(opts.out, `${name}.html`), reportHtml(built, { baseUrl: config.PUBLIC_URL }));
    writeFileSync(join(opts.out, `${name}.pdf`), await reportPdf(built));
    progress('PDF', 1, 1);
    const figures = built.chapters.reduce((n, c) => n + c.figures.length, 0);
    console.log(`${join(opts.out, name)}.html and .pdf: ${built.chapters.length} chapter(s), ${figures} figure(s)`);
  });
report
  .command('national')
  .description('the national report of a year: chapters of the National Report where data exists, numbered figures and tables, annex of definitions')
  .requiredOption('--year <YYYY>', 'the year (data as of its last day, or today)')
  .option('--lang <kk|ru|en>', 'language', 'kk')
  .option('--out <dir>', 'folder to write the .html and .pdf to', '.')
  .action(reportAction('national'));
report
  .command('agency')
  .description("an accreditation body's yearly activity report")
  .requiredOption('--body <key-or-id>', 'the body (its key, e.g. kazsee, or id)')
  .requiredOption('--year <YYYY>', 'the year')
  .option('--lang <kk|ru|en>', 'language', 'kk')
  .option('--out <dir>', 'folder to write the .html and .pdf to', '.')
  .action(reportAction('agency'));

program
  .command('openapi')
  .description('print the OpenAPI 3.1 document (or write it to a file)')
  .option('--write <file>')
  .action(async (opts: { write?: string }) => {
    const { openApiDocument } = await import('../openapi.ts');
    const text = `${JSON.stringify(openApiDocument(), null, 2)}\n`;
    if (opts.write) writeFileSync(opts.write, text);
    else process.stdout.write(text);
  });

/** The same words the API would say, in English, with every field problem on its own line. */
function describe(error: unknown): string {
  if (!(error instanceof AppError)) return error instanceof Error ? error.message : String(error);
  const problem = problemFor(error, 'en', 'cli', null);
  return [`${problem.title} (${problem.code}): ${problem.detail}`, ...(problem.errors ?? []).map((e) => `  ${e.path}: ${e.message}`)].join('\n');
}

program.parseAsync().catch((error: unknown) => {
  console.error(describe(error));
  process.exit(1);
});

