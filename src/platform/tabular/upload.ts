// An uploaded spreadsheet as rows, and the preview every importer answers before it writes:
// rows to create or leave unchanged, and every problem with its row, column and a localized
// message. The register importer (src/interop) and the credential batch and certificate files
// share it, so they read the same encodings, delimiters and XLSX and refuse the same files alike.
// (Its file-level messages are the importer's catalog entries, errors.interop.*.)
import { AppError } from '../errors.ts';
import { type Lang, translator } from '../i18n/i18n.ts';
import { UnknownEncodingError } from './decode.ts';
import { type ReadOptions, type Table, UnreadableTableError, readTable } from './read-table.ts';

export const MAX_UPLOAD_ROWS = 20_000;

const fileProblem = (path: string, messageKey: string, params?: Record<string, string | number>) =>
  new AppError('validation_failed', 422, 'errors.validationFailed', { issues: [{ path, messageKey, params }] });

/** Reads the upload, or throws a 422 naming the field `path` (no file, unknown encoding, unreadable, empty, too long). */
export async function readUploadTable(bytes: Uint8Array, options: ReadOptions = {}, path = 'file', maxRows = MAX_UPLOAD_ROWS): Promise<Table> {
  if (!bytes.byteLength) throw fileProblem(path, 'errors.interop.noFile');
  let table: Table;
  try {
    table = await readTable(bytes, options);
  } catch (error) {
    if (error instanceof UnknownEncodingError) throw fileProblem(path, 'errors.interop.unknownEncoding', { encoding: error.encoding });
    if (error instanceof UnreadableTableError) throw fileProblem(path, 'errors.interop.unreadable', { message: error.message });
    throw error;
  }
  if (!table.rows.length) throw fileProblem(path, 'errors.interop.emptyFile');
  if (table.rows.length > maxRows) throw fileProblem(path, 'errors.interop.tooManyRows', { maximum: maxRows });
  return table;
}

export type PreviewAction = 'create' | 'unchanged' | 'invalid';
export type PreviewProblem = { row: number; column: string | null; key: string; message: string };
export type RowsPreview = {
  total: number;
  create: number;
  unchanged: number;
  invalid: number;
  rows: { row: number; action: PreviewAction; label: string }[];
  problems: PreviewProblem[];
};

export type CheckedPreviewRow = {
  row: number;
  action: PreviewAction;
  /** What a person recognizes the row by (a learner's name, a certificate's number). */
  label: string;
  problems: { column: string | null; messageKey: string; params?: Record<string, string | number> }[];
};

/** The preview of checked rows, messages in `lang` (their catalog entries name the row themselves). */
export function rowsPreview(lang: Lang, rows: CheckedPreviewRow[]): RowsPreview {
  const t = translator(lang);
  const count = (action: PreviewAction) => rows.filter((r) => r.action === action).length;
  return {
    total: rows.length,
    create: count('create'),
    unchanged: count('unchanged'),
    invalid: count('invalid'),
    rows: rows.map((r) => ({ row: r.row, action: r.action, label: r.label })),
    problems: rows.flatMap((r) => r.problems.map((p) => ({ row: r.row, column: p.column, key: p.messageKey, message: t(p.messageKey, { row: r.row, column: p.column ?? '', ...p.params }) }))),
  };
}
