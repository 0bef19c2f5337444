import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parseDay } from './dates.ts';
import { decodeText } from './decode.ts';
import { detectDelimiter, readTable } from './read-table.ts';
import { csvLine, neutralize, unneutralize } from './write-cell.ts';

const TEXT = 'ФИО;Почта;Дата\nАсель Нурова;asel@example.kz;15.01.2026\nҚайрат Әлиев;kairat@example.kz;2026-01-16\n';
const RUSSIAN = 'ФИО;Почта;Дата\nАсель Нурова;asel@example.kz;15.01.2026\nБерик Оспанов;berik@example.kz;2026-01-16\n';

test('decodes UTF-8, UTF-8 with BOM, UTF-16 LE and BE (with and without BOM) and Windows-1251', () => {
  const cases: [string, Uint8Array, string][] = [
    ['utf-8', Buffer.from(TEXT, 'utf8'), TEXT],
    ['utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), TEXT],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf-16le')]), TEXT],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf-16be')]), TEXT],
    ['utf-16le', iconv.encode(TEXT, 'utf-16le'), TEXT],
    ['windows-1251', iconv.encode(RUSSIAN, 'windows-1251'), RUSSIAN],
  ];
  for (const [encoding, bytes, expected] of cases) {
    const decoded = decodeText(bytes);
    assert.equal(decoded.text, expected, encoding);
    assert.equal(decoded.encoding, encoding);
  }
  // A short Windows-1251 name alone (chardet's weakest case) still reads as Cyrillic.
  assert.equal(decodeText(iconv.encode('Асель', 'windows-1251')).text, 'Асель');
  assert.equal(decodeText(iconv.encode(RUSSIAN, 'koi8-r'), 'koi8-r').text, RUSSIAN);
});

test('detects comma, semicolon and tab delimiters, ignoring quoted ones', () => {
  assert.equal(detectDelimiter('a,b,c\n1;2'), ',');
  assert.equal(detectDelimiter('a;b;c\n'), ';');
  assert.equal(detectDelimiter('a\tb\tc\n'), '\t');
  assert.equal(detectDelimiter('"x,y,z";b\n'), ';');
});

test('reads CSV rows with their line numbers, skipping blank lines, and XLSX the same', async () => {
  const csv = await readTable(Buffer.from('name\tdate\r\nAsel\t15.01.2026\r\n\r\n"Berik\nOspan"\t2026-01-16\r\n'));
  assert.deepEqual(csv.header, ['name', 'date']);
  assert.deepEqual(csv.rows, [
    { line: 2, cells: ['Asel', '15.01.2026'] },
    { line: 5, cells: ['Berik\nOspan', '2026-01-16'] },
  ]);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('x');
  sheet.addRow(['name', 'date', 'credits']);
  sheet.addRow(['Асель', new Date('2026-01-15T00:00:00Z'), 240]);
  const xlsx = await readTable(new Uint8Array(await workbook.xlsx.writeBuffer()));
  assert.equal(xlsx.format, 'xlsx');
  assert.deepEqual(xlsx.rows, [{ line: 2, cells: ['Асель', '2026-01-15', '240'] }]);
});

test('dates in ISO and dd.mm.yyyy; impossible days refused', () => {
  assert.equal(parseDay('2026-01-15'), '2026-01-15');
  assert.equal(parseDay('15.01.2026'), '2026-01-15');
  assert.equal(parseDay('5.1.2026'), '2026-01-05');
  assert.equal(parseDay('31.02.2026'), null);
  assert.equal(parseDay('2026/01/15'), null);
});

test('formula-looking cells are written as text and read back unchanged', () => {
  for (const v of ['=1+1', '+7 701', '-5', '@SUM(A1)']) {
    assert.ok(neutralize(v).startsWith("'"));
    assert.equal(unneutralize(neutralize(v)), v);
  }
  assert.equal(neutralize('Asel'), 'Asel');
  assert.equal(csvLine(['=HYPERLINK("x")', 'a;b', 3]), `"'=HYPERLINK(""x"")","a;b",3\r\n`);
});
