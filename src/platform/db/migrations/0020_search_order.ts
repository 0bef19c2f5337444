// Search results sorted by Kazakh name (the key of 0010_kazakh_order), by programme code and by
// last change, and the changed-at time every write of a search document refreshes.
import { type Kysely, sql } from 'kysely';

const ALPHABET = 'аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя';
const KEYS = Array.from(ALPHABET, (_, i) => String.fromCodePoint(0x100 + i)).join('');
const LATIN = 'abcdefghijklmnopqrstuvwxyz';
const LATIN_KEYS = Array.from(LATIN, (_, i) => String.fromCodePoint(0x180 + i)).join('');
const FROM = ALPHABET + ALPHABET.toUpperCase() + LATIN + LATIN.toUpperCase();
const TO = KEYS + KEYS + LATIN_KEYS + LATIN_KEYS;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE search_documents ADD COLUMN title_kk_sort text GENERATED ALWAYS AS (${sql.raw(`translate(title_kk, '${FROM}', '${TO}') COLLATE "C"`)}) STORED`.execute(db);
  await sql`ALTER TABLE search_documents ADD COLUMN changed_at timestamptz NOT NULL DEFAULT now()`.execute(db);
  await sql`CREATE INDEX search_documents_kazakh_order ON search_documents (title_kk_sort, entity_id)`.execute(db);
  await sql`CREATE INDEX search_documents_changed ON search_documents (changed_at DESC)`.execute(db);
}
