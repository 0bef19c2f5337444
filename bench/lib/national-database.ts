// A fresh PostgreSQL database with the national data set, for benches that run `sapa serve` itself
// (the --workers figure, the soak). Returns its URL and the ids the requests pick from.
import { generateNationalDataSet } from '../generate.ts';
import { type BenchDatabase, openFreshDatabase, prepareDatabase } from './database.ts';
import { tableProgress } from './progress.ts';

export type NationalDatabase = {
  database: BenchDatabase;
  url: string;
  publicProgrammeIds: string[];
  organizationIds: string[];
};

export async function nationalDatabase(scale = Number(process.env.BENCH_SCALE ?? 1)): Promise<NationalDatabase> {
  if (!process.env.DATABASE_URL) throw new Error('needs a PostgreSQL server (DATABASE_URL): `sapa serve` runs beside the bench');
  const database = await openFreshDatabase({ poolSize: 4 });
  await prepareDatabase(database.db);
  const data = await generateNationalDataSet(database.db, {
    organizations: Math.max(20, Math.round(1000 * scale)),
    programmes: Math.max(50, Math.round(10_000 * scale)),
    sqfs: Math.max(2, Math.round(50 * scale)),
    standards: Math.max(10, Math.round(600 * scale)),
    onProgress: tableProgress(),
  });
  process.stderr.write(`data set generated in ${(data.ms / 1000).toFixed(1)} s\n`);
  const { rows } = await database.pool.query<{ url: string }>('SELECT current_database() AS url');
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${rows[0]?.url}`;
  return { database, url: url.toString(), publicProgrammeIds: data.publicProgrammeIds, organizationIds: data.organizationIds };
}
