// Kazakh alphabetical order (А Ә Б … Ғ … Қ … Ң … Ө … Ұ Ү … Һ … І …) for every list sorted by its
// Kazakh name, on PostgreSQL and on PGlite alike (which has no ICU collations): each Cyrillic
// letter, either case, is mapped to one code point of U+0100…U+0129 in alphabet order, and the
// generated key is compared byte-wise (COLLATE "C"). Latin letters follow on U+0180…, so Latin
// names come after Cyrillic ones, as in ICU's Kazakh collation.
import { type Kysely, sql } from 'kysely';

const ALPHABET = 'аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя';
const KEYS = Array.from(ALPHABET, (_, i) => String.fromCodePoint(0x100 + i)).join('');
const LATIN = 'abcdefghijklmnopqrstuvwxyz';
const LATIN_KEYS = Array.from(LATIN, (_, i) => String.fromCodePoint(0x180 + i)).join('');
const FROM = ALPHABET + ALPHABET.toUpperCase() + LATIN + LATIN.toUpperCase();
const TO = KEYS + KEYS + LATIN_KEYS + LATIN_KEYS;

export async function up(db: Kysely<unknown>): Promise<void> {
  const key = (column: string) => sql.raw(`translate(${column}, '${FROM}', '${TO}') COLLATE "C"`);
  for (const table of ['organizations', 'programmes', 'qualifications']) {
    await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN name_kk_sort text GENERATED ALWAYS AS (${key('name_kk')}) STORED`.execute(db);
    await sql`CREATE INDEX ${sql.raw(`${table}_kazakh_order`)} ON ${sql.table(table)} (name_kk_sort, id)`.execute(db);
  }
}
