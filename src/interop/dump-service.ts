// Open-data dumps: a full snapshot of every public register (CSV per register with CSVW metadata,
// JSON-LD, and a DCAT-AP catalogue) written to the file store and listed with dates, sizes and
// checksums. Synthetic records never go into the dump of real data; an instance that holds the
// demonstration data set also publishes a separate dump labelled "demonstration" with only those.
import { systemActor } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import { toJson } from '../platform/db/schema.ts';
import { notFound } from '../platform/errors.ts';
import { fileStore, sha256Hex } from '../platform/files/files.ts';
import { defineJob } from '../platform/jobs/jobs.ts';
import { settings } from '../platform/settings.ts';
import { csvLine } from '../platform/tabular/write-cell.ts';
import { dcatCatalogue, csvwMetadata } from './dump-metadata.ts';
import type { DumpFile } from './dump-store.table.ts';
import { jsonLdContext, jsonLdNode, registerRows } from './export-register.ts';
import type { AnyDescriptor } from './import-descriptor.ts';
import { REGISTERS } from './import-registers.ts';

export type DumpLabel = 'real' | 'demonstration';
export type DumpView = { id: string; createdAt: string; label: DumpLabel; files: DumpFile[] };

type Built = { file: Omit<DumpFile, 'sha256' | 'size'>; bytes: Uint8Array };

async function registerFiles(ctx: Ctx, descriptor: AnyDescriptor, label: DumpLabel, baseUrl: string): Promise<Built[]> {
  const scope = { lang: 'kk' as const, publicOnly: true, synthetic: label === 'demonstration' };
  // Machine-readable headers (the column keys); the CSVW metadata gives their titles in kk/ru/en.
  const csv: string[] = [csvLine(descriptor.columns.map((c) => c.key))];
  const graph: string[] = [];
  for await (const { id, cells } of registerRows(ctx, descriptor, scope)) {
    csv.push(csvLine(descriptor.columns.map((c) => cells[c.key] ?? '')));
    graph.push(JSON.stringify(jsonLdNode(descriptor, id, cells, baseUrl)));
  }
  const name = `${label === 'demonstration' ? 'demo-' : ''}${descriptor.register}`;
  const dataset = descriptor.register;
  const records = graph.length;
  return [
    { file: { name: `${name}.csv`, dataset, format: 'csv', mediaType: 'text/csv', records }, bytes: Buffer.from(csv.join('')) },
    {
      file: { name: `${name}.csv-metadata.json`, dataset, format: 'csvw', mediaType: 'application/csvm+json', records: null },
      bytes: Buffer.from(JSON.stringify(csvwMetadata(descriptor, `${name}.csv`, label), null, 2)),
    },
    {
      file: { name: `${name}.jsonld`, dataset, format: 'jsonld', mediaType: 'application/ld+json', records },
      bytes: Buffer.from(`{"@context":${JSON.stringify(jsonLdContext(baseUrl))},"@graph":[\n${graph.join(',\n')}\n]}\n`),
    },
  ];
}

async function holdsSyntheticRecords(ctx: Ctx): Promise<boolean> {
  for (const descriptor of Object.values(REGISTERS)) {
    if ((await descriptor.page(ctx, { limit: 1, synthetic: true, publicOnly: true })).length) return true;
  }
  return false;
}

/** Writes one dump; the bytes are published after its row commits. */
async function writeDump(ctx: Ctx, label: DumpLabel, baseUrl: string): Promise<DumpView> {
  const built: Built[] = [];
  for (const descriptor of Object.values(REGISTERS)) built.push(...(await registerFiles(ctx, descriptor, label, baseUrl)));
  const files: DumpFile[] = built.map((b) => ({ ...b.file, sha256: sha256Hex(b.bytes), size: b.bytes.byteLength }));
  const row = await ctx.db.insertInto('open_data_dumps').values({ label, files: toJson(files) }).returning(['id', 'created_at']).executeTakeFirstOrThrow();
  const catalogueBytes = Buffer.from(
    JSON.stringify(dcatCatalogue({ baseUrl, dumpId: row.id, issued: row.created_at.toISOString(), label, files }), null, 2),
  );
  const catalogue: DumpFile = { name: `${label === 'demonstration' ? 'demo-' : ''}catalogue.jsonld`, dataset: 'catalogue', format: 'dcat', mediaType: 'application/ld+json', sha256: sha256Hex(catalogueBytes), size: catalogueBytes.byteLength, records: null };
  const all = [...files, catalogue];
  await ctx.db.updateTable('open_data_dumps').set({ files: toJson(all) }).where('id', '=', row.id).execute();
  const store = fileStore();
  for (const [bytes, file] of [...built.map((b, i) => [b.bytes, files[i]] as const), [catalogueBytes, catalogue] as const]) {
    if (!file || (await store.has(file.sha256))) continue;
    await store.publish(await store.stage(bytes), file.sha256);
  }
  return { id: row.id, createdAt: row.created_at.toISOString(), label, files: all };
}

/** The daily snapshot: the real data, and the demonstration data separately when the instance has any. */
export async function writeOpenDataDumps(ctx: Ctx, baseUrl: string): Promise<DumpView[]> {
  const dumps = [await writeDump(ctx, 'real', baseUrl)];
  if (await holdsSyntheticRecords(ctx)) dumps.push(await writeDump(ctx, 'demonstration', baseUrl));
  return dumps;
}

export async function listDumps(db: Db, limit = 30): Promise<DumpView[]> {
  const rows = await db.selectFrom('open_data_dumps').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at.toISOString(), label: r.label, files: r.files }));
}

export async function dumpFile(db: Db, id: string, name: string): Promise<{ file: DumpFile; bytes: Uint8Array }> {
  const row = await db.selectFrom('open_data_dumps').select('files').where('id', '=', id).executeTakeFirst();
  const file = row?.files.find((f) => f.name === name);
  const bytes = file ? await fileStore().read(file.sha256) : null;
  if (!file || !bytes) throw notFound('open-data file', `${id}/${name}`);
  return { file, bytes };
}

export const OPEN_DATA_DUMP_JOB = 'interop.open-data-dump';

export const openDataDumpJob = defineJob<{ baseUrl?: string }>({
  name: OPEN_DATA_DUMP_JOB,
  // Every night at 03:15 Almaty time, when the registers are quiet.
  cron: '15 3 * * *',
  retryLimit: 1,
  async handler(data, job) {
    const ctx: Ctx = { db: job.db, actor: systemActor('open-data dump'), lang: 'en', log: job.log, requestId: null };
    await writeOpenDataDumps(ctx, data?.baseUrl ?? settings().PUBLIC_URL);
  },
});

/** The dumps as the open-data page shows them. */
export function openDataDumps(ctx: Ctx): Promise<DumpView[]> {
  return listDumps(ctx.db);
}
