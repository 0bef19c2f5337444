// Importing certificates from a CSV (number, holder, title, date, valid until): every row checked
// first; one bad row (or a number already registered) imports nothing and every bad row is listed.
import { parseDay } from '../platform/tabular/dates.ts';
import { readCsvText } from '../platform/tabular/read-table.ts';
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

export async function importCertificates(ctx: Ctx, organizationId: string, csv: string): Promise<{ imported: number; ids: string[] }> {
  credentialAccess(ctx, organizationId).require('register-certificates');
  let table: ReturnType<typeof readCsvText>;
  try {
    if (csv.includes('\uFFFD')) throw new Error('U+FFFD');
    table = readCsvText(csv);
  } catch (error) {
    throw validationFailed([{ path: 'csv', messageKey: 'errors.product.batch.unreadable', params: { message: (error as Error).message } }]);
  }
  const header = table.header.map(columnOf);
  const records = table.rows.map(({ line, cells }) => ({ info: { lines: line }, record: Object.fromEntries(header.map((c, i) => [c, cells[i] ?? ''])) }));
  const columns = new Set(header);
  for (const c of ['number', 'holderName', 'title', 'issuedOn']) {
    if (!columns.has(c)) throw validationFailed([{ path: 'csv', messageKey: 'errors.product.batch.missingColumn', params: { column: c } }]);
  }
  if (!records.length) throw validationFailed([{ path: 'csv', messageKey: 'errors.product.batch.emptyFile' }]);
  // As for batches: a file too large to check and register in one request is refused up front.
  if (records.length > MAX_BATCH_ROWS) {
    throw validationFailed([{ path: 'csv', messageKey: 'errors.product.batch.tooManyRows', params: { maximum: MAX_BATCH_ROWS } }]);
  }

  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  const existing = new Set(
    (await ctx.db.selectFrom('certificates').select('number').where('organization_id', '=', organizationId).execute()).map((r) => r.number),
  );
  const rows = records.map(({ record, info }) => {
    const row = info.lines;
    const get = (c: string) => (record[c] ?? '').trim();
    const add = (column: string, key: string, params: Record<string, string | number> = {}) =>
      issues.push({ path: `rows.${row}.${column}`, messageKey: `errors.product.${key}`, params: { row, column, ...params } });
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
    return { number, holderName: get('holderName'), title: get('title'), issuedOn: issuedOn ?? '', validUntil: validUntil ?? undefined };
  });
  if (issues.length) {
    throw new AppError('validation_failed', 422, 'errors.product.batch.invalidRows', { issues, extra: { badRows: [...new Set(issues.map((i) => i.params?.row))] } });
  }
  const ids: string[] = [];
  for (const r of rows) ids.push((await registerCertificate(ctx, { organizationId, ...r })).id);
  return { imported: ids.length, ids };
}
