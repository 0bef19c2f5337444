// Templates a person fills in: the register's header row in their language and an example row.
import ExcelJS from 'exceljs';
import type { Lang } from '../platform/i18n/i18n.ts';
import { csvLine } from '../platform/tabular/write-cell.ts';
import type { AnyDescriptor } from './import-descriptor.ts';

export async function templateBytes(descriptor: AnyDescriptor, lang: Lang, format: 'csv' | 'xlsx'): Promise<Uint8Array> {
  const columns = descriptor.columns.filter((c) => c.path);
  const header = columns.map((c) => c.label[lang]);
  const example = columns.map((c) => c.example);
  if (format === 'csv') return Buffer.from(`\uFEFF${csvLine(header)}${csvLine(example)}`);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(descriptor.register);
  sheet.addRow(header).font = { bold: true };
  sheet.addRow(example);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
