// Bulk import and export of programmes on the national data set (bench/generate.ts).
// 1. Export: the whole programme register as CSV through the streaming exporter; the figure is the
//    peak heap growth while it runs, against the size of the file (a streamed export stays far
//    below the file; one that held the register would exceed it).
// 2. Import: the exported rows as new editions (edition 2, so every row is a create) through the
//    importer, which runs each row through the programme service (checks, history, audit, search
//    index), against a raw bulk load of the same rows into a scratch copy of the table measured
//    right before it (`INSERT … SELECT FROM json_populate_recordset`: COPY FROM STDIN needs a
//    stream client this repository does not ship, and PGlite has no STDIN). Target ≥ 0.3×.
// Knobs: BENCH_PROGRAMMES (default 10000), BENCH_ORGANIZATIONS (default 1000); BENCH_CPU_PROFILE=file
// writes a CPU profile of the import alone (open it in Chrome's DevTools or speedscope).
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import '../src/wiring.ts';
import { systemActor } from '../src/platform/access/roles.ts';
import type { Ctx } from '../src/platform/context.ts';
import { readCsvText } from '../src/platform/tabular/read-table.ts';
import { csvLine } from '../src/platform/tabular/write-cell.ts';
import { exportStream } from '../src/interop/export-register.ts';
import { commitImport, registerDescriptor } from '../src/interop/import-service.ts';
import { generateNationalDataSet } from './generate.ts';
import { benchLogger, openFreshDatabase, prepareDatabase } from './lib/database.ts';

const programmes = Number(process.env.BENCH_PROGRAMMES ?? 10_000);
const organizations = Number(process.env.BENCH_ORGANIZATIONS ?? Math.max(20, Math.round(programmes / 10)));
const log = (text: string) => process.stderr.write(`${text}\n`);
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

const database = await openFreshDatabase({ poolSize: 4 });
try {
  await prepareDatabase(database.db);
  log(`generating ${programmes} programmes at ${organizations} organizations (${database.kind})`);
  await generateNationalDataSet(database.db, { programmes, organizations });
  const ctx: Ctx = { db: database.db, actor: systemActor('bench'), lang: 'en', log: benchLogger, requestId: null };
  const descriptor = registerDescriptor('programmes');

  global.gc?.();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  const chunks: Buffer[] = [];
  let bytes = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 5);
  const started = performance.now();
  await pipeline(
    exportStream(ctx, descriptor, 'csv', { lang: 'en', baseUrl: 'https://sapa.bench' }),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.byteLength;
        chunks.push(chunk);
        peak = Math.max(peak, process.memoryUsage().heapUsed);
        done();
      },
    }),
  );
  clearInterval(sampler);
  const exportSeconds = (performance.now() - started) / 1000;
  // The file is kept only to import it below; the peak counts the chunks, so it is an upper bound.
  const file = Buffer.concat(chunks).toString('utf8');
  const rows = readCsvText(file).rows.length;
  console.log(
    JSON.stringify({
      figure: 'programme CSV export',
      rows,
      fileMb: round(bytes / 2 ** 20),
      peakHeapGrowthMb: round((peak - baseline) / 2 ** 20),
      seconds: round(exportSeconds),
    }),
  );

  // Every row as a new edition: the importer creates them all.
  const table = readCsvText(file);
  const at = (key: string) => descriptor.columns.findIndex((c) => c.key === key);
  const [editionAt, codeAt, nameRuAt] = [at('edition'), at('code'), at('nameRu')];
  // The generator gives some organizations two codes with the same name at one level, which the
  // programme service refuses (a duplicate); the code in the name keeps every row a valid create.
  const cellOf = (cells: string[], i: number) => (i === editionAt ? '2' : i === nameRuAt ? `${cells[i]} (${cells[codeAt]})` : (cells[i] ?? ''));
  const importFile = Buffer.from([csvLine(table.header), ...table.rows.map((r) => csvLine(r.cells.map((_, i) => cellOf(r.cells, i))))].join(''));

  await sql`CREATE TABLE bench_programmes_copy (LIKE programmes INCLUDING DEFAULTS)`.execute(database.db);
  const raw = await sql<{ payload: unknown }>`SELECT coalesce(json_agg(p), '[]'::json) AS payload FROM programmes p`.execute(database.db);
  const payload = JSON.stringify(raw.rows[0]?.payload ?? []);
  const rawStarted = performance.now();
  await sql`INSERT INTO bench_programmes_copy SELECT * FROM json_populate_recordset(NULL::bench_programmes_copy, ${payload}::json)`.execute(database.db);
  const rawRate = rows / ((performance.now() - rawStarted) / 1000);

  const profileFile = process.env.BENCH_CPU_PROFILE;
  const profiler = profileFile ? new Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  const importStarted = performance.now();
  const outcome = await commitImport(ctx, 'programmes', importFile);
  const importRate = rows / ((performance.now() - importStarted) / 1000);
  if (profiler && profileFile) {
    const { profile } = await profiler.post('Profiler.stop');
    await writeFile(profileFile, JSON.stringify(profile));
    profiler.disconnect();
  }
  if (!outcome.committed) log(`import refused ${outcome.problems.length} problems; first: ${outcome.problems[0]?.message}`);
  console.log(
    JSON.stringify({
      figure: 'programme CSV import vs raw bulk load',
      rows,
      created: outcome.create,
      importRowsPerSecond: round(importRate, 0),
      rawRowsPerSecond: round(rawRate, 0),
      ratio: round(importRate / rawRate, 3),
      target: 0.3,
      database: database.kind,
    }),
  );
} finally {
  await database.close();
}
