// Importing certificates from a CSV (number, holder, title, date, valid until): every row checked
// first; one bad row (or a number already registered) imports nothing and every bad row is listed.
import { parseDay } from '../platform/tabular/dates.ts';
import { type Table, readCsvText } from '../platform/tabular/read-table.ts';
import { type CheckedPreviewRow, type RowsPreview, readUploadTable, rowsPreview } from '../platform/tabular/upload.ts';
import type { Ctx } from '../platform/context.ts';
import { AppError, type FieldIssue, validationFailed } from '../platform/errors.ts';
import { MAX_BATCH_ROWS } from './batch.rows.ts';
import { registerCertificate } from './certificate-register.service.ts';
import { credentialAccess } from './credentials.access.ts';

const ALIASES: Record<string, string[]> = {
  number: ['number', 'no', 'certificatenumber', 'номер', 'нөмірі', 'нөмір'],
  holderName: ['holder', 'holdername', 'name', 'fullname', 'фио', 'атыжөні', 'аты-жөні'],
  title: ['title', 'programme', 'qualification', 'программа', 'квалификация', 'бағдарлама', 'біліктілік'],
  issuedOn: ['date', 'issuedon', 'issued', 'дата', 'датавыдачи', 'күні', 'берілгенкүні'],
  validUntil: ['validuntil', 'valid', 'expires', 'действителендо', 'жарамды'],
};
const columnOf = (h: string) => {
  const n = h.trim().toLowerCase().replace(/[\s_]+/g, '');
  return Object.entries(ALIASES).find(([, a]) => a.includes(n))?.[0] ?? `ignored:${h}`;
};

/** The certificates file: CSV text, or uploaded bytes (any usual encoding, or XLSX) read by the importer's reader. */
export type CertificateSource = string | { file: Uint8Array; encoding?: string };

async function tableOf(source: CertificateSource): Promise<Pick<Table, 'header' | 'rows'>> {
  if (typeof source !== 'string') return readUploadTable(source.file, { encoding: source.encoding }, 'csv');
  try {
    if (source.includes('\uFFFD')) throw new Error('U+FFFD');
    return readCsvText(source);
  } catch (error) {
    throw validationFailed([{ path: 'csv', messageKey: 'errors.product.batch.unreadable', params: { message: (error as Error).message } }]);
  }
}

type CertificateValue = { number: string; holderName: string; title: string; issuedOn: string; validUntil?: string };

/** Every row checked (file problems thrown at once); a number already registered is a problem of its row. */
async function checkCertificates(ctx: Ctx, organizationId: string, source: CertificateSource): Promise<{ checked: CheckedPreviewRow[]; values: CertificateValue[] }> {
  credentialAccess(ctx, organizationId).require('register-certificates');
  const table = await tableOf(source);
  const header = table.header.map(columnOf);
  const records = table.rows.map(({ line, cells }) => ({ row: line, record: Object.fromEntries(header.map((c, i) => [c, cells[i] ?? ''])) }));
  const columns = new Set(header);
  for (const c of ['number', 'holderName', 'title', 'issuedOn']) {
    if (!columns.has(c)) throw validationFailed([{ path: 'csv', messageKey: 'errors.product.batch.missingColumn', params: { column: c } }]);
  }
  if (!records.length) throw validationFailed([{ path: 'csv', messageKey: 'errors.product.batch.emptyFile' }]);
  // As for batches: a file too large to check and register in one request is refused up front.
  if (records.length > MAX_BATCH_ROWS) {
    throw validationFailed([{ path: 'csv', messageKey: 'errors.product.batch.tooManyRows', params: { maximum: MAX_BATCH_ROWS } }]);
  }
  const seen = new Map<string, number>();
  const existing = new Set(
    (await ctx.db.selectFrom('certificates').select('number').where('organization_id', '=', organizationId).execute()).map((r) => r.number),
  );
  const values: CertificateValue[] = [];
  const checked = records.map(({ record, row }): CheckedPreviewRow => {
    const problems: CheckedPreviewRow['problems'] = [];
    const get = (c: string) => (record[c] ?? '').trim();
    const add = (column: string, key: string, params: Record<string, string | number> = {}) =>
      problems.push({ column, messageKey: `errors.product.${key}`, params: { row, column, ...params } });
    for (const c of ['number', 'holderName', 'title', 'issuedOn']) if (!get(c)) add(c, 'row.required');
    const issuedOn = parseDay(get('issuedOn'));
    const validUntil = parseDay(get('validUntil'));
    if (get('issuedOn') && !issuedOn) add('issuedOn', 'row.invalidDate');
    if (get('validUntil') && !validUntil) add('validUntil', 'row.invalidDate');
    const number = get('number');
    if (number && existing.has(number)) add('number', 'certificate.duplicateNumber', { number });
    const first = seen.get(number);
    if (number && first !== undefined) add('number', 'row.duplicate', { first });
    else if (number) seen.set(number, row);
    values.push({ number, holderName: get('holderName'), title: get('title'), issuedOn: issuedOn ?? '', validUntil: validUntil ?? undefined });
    return { row, action: problems.length ? 'invalid' : 'create', label: number, problems };
  });
  return { checked, values };
}

/** What the file would register, registering nothing: rows to create and every problem, localized. */
export async function previewCertificates(ctx: Ctx, organizationId: string, source: CertificateSource): Promise<RowsPreview> {
  return rowsPreview(ctx.lang, (await checkCertificates(ctx, organizationId, source)).checked);
}

export async function importCertificates(ctx: Ctx, organizationId: string, source: CertificateSource): Promise<{ imported: number; ids: string[] }> {
  const { checked, values } = await checkCertificates(ctx, organizationId, source);
  const issues: FieldIssue[] = checked.flatMap((r) =>
    r.problems.map((p) => ({ path: `rows.${r.row}.${p.column}`, messageKey: p.messageKey, params: p.params })),
  );
  if (issues.length) {
    throw new AppError('validation_failed', 422, 'errors.product.batch.invalidRows', { issues, extra: { badRows: checked.filter((r) => r.problems.length).map((r) => r.row) } });
  }
  const ids: string[] = [];
  for (const r of values) ids.push((await registerCertificate(ctx, { organizationId, ...r })).id);
  return { imported: ids.length, ids };
}
