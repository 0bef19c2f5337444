// The typed view of the database. Platform declares its own tables and an open `Database`
// interface; src/database.ts, at the root, adds every module's *.table.ts to it by declaration
// merging, so platform code and modules share one `Db` type while platform imports no module.
import type { ColumnType, Generated } from 'kysely';

/** A jsonb column: read as T, written as a JSON string (pg would turn JS arrays into SQL arrays). */
export type JsonColumn<T> = ColumnType<T, string, string>;
type Json = JsonColumn<unknown>;
export type NullableJson<T> = ColumnType<T | null, string | null, string | null>;

/**
 * What a repository writes to a table: every column the database does not generate, jsonb ones as
 * the values before `withJson` serializes them.
 */
export type WriteValues<T> = {
  [K in keyof T as T[K] extends { __insert__: infer I } ? (undefined extends I ? never : K) : K]: T[K] extends { __select__: infer S } ? S : T[K];
};

/** Serializes a value for a jsonb column. */
export const toJson = (value: unknown): string => JSON.stringify(value);

/** `T` with its jsonb columns `K` as the strings written to them (null where the value may be null). */
export type WithJson<T, K extends keyof T> = { [P in keyof T]: P extends K ? (null extends T[P] ? string | null : string) : T[P] };

/** The values with the given jsonb columns serialized; an absent column stays absent, null stays null. */
export function withJson<T extends object, K extends keyof T>(values: T, columns: readonly K[]): WithJson<T, K> {
  const out = { ...values } as Record<string, unknown>;
  for (const column of columns) {
    if (!(column in values)) continue;
    const value = values[column];
    out[column as string] = value === null || value === undefined ? null : toJson(value);
  }
  return out as WithJson<T, K>;
}

export type LangMap = { kk: string; ru: string; en: string };

/** A record's name (kk and ru required, en optional) as its three `name_*` columns. */
export const nameColumns = (name: { kk: string; ru: string; en?: string | null }) => ({ name_kk: name.kk, name_ru: name.ru, name_en: name.en ?? null });
export type Source = { document: string; lines: string | null; translated?: string[]; note?: string } | null;

export type PlatformTables = {
  users: {
    id: Generated<string>;
    email: string;
    display_name: string;
    password_hash: string;
    preferred_lang: Generated<string>;
    is_synthetic: Generated<boolean>;
    disabled_at: Date | null;
    created_at: Generated<Date>;
    /** TOTP two-factor sign-in (platform/auth/two-factor.ts): the base32 secret, on once confirmed. */
    totp_secret: string | null;
    totp_enabled_at: Date | null;
    totp_recovery_hashes: Generated<string[]>;
  };
  role_assignments: {
    id: Generated<string>;
    user_id: string;
    role: string;
    organization_id: string | null;
    created_at: Generated<Date>;
    /** The last day (Asia/Almaty) the role is held, e.g. the end of a council term; null: open-ended. */
    ends_on: string | null;
  };
  /** What waits for a user (platform/notifications): shown in the workspace, e-mailed when SMTP_URL is set. */
  notifications: {
    id: Generated<string>;
    user_id: string;
    kind: string;
    /** Message parameters; a parameter named …Key is a message key, translated when shown. */
    params: JsonColumn<Record<string, string>>;
    /** Where the notification leads, without the language prefix (e.g. /workspace/accreditation/cases/…). */
    link: string | null;
    /** One notification per recipient and key: the same event told twice is stored once. */
    dedupe_key: string;
    created_at: Generated<Date>;
    read_at: Date | null;
    emailed_at: Date | null;
  };
  /** Requests per bucket and window (sign-in throttling, rate limits): see platform/http/rate-limit.ts. */
  request_counters: { bucket: string; window_start: Date; hits: number };
  sessions: { token_hash: string; user_id: string; created_at: Generated<Date>; expires_at: Date };
  api_tokens: {
    id: Generated<string>;
    user_id: string;
    name: string;
    token_hash: string;
    created_at: Generated<Date>;
    revoked_at: Date | null;
    expires_at: Date;
    last_used_at: Date | null;
  };
  audit_checkpoints: {
    id: Generated<number>;
    seq: number;
    entry_count: number;
    hash: string;
    signed_at: Date;
    key_id: string;
    signature: string;
  };
  audit_log: {
    seq: Generated<number>;
    at: Generated<Date>;
    actor_id: string | null;
    actor_label: string;
    action: string;
    entity_type: string;
    entity_id: string;
    before: NullableJson<unknown>;
    after: NullableJson<unknown>;
    request_id: string | null;
    prev_hash: string;
    hash: string;
  };
  record_versions: {
    entity_type: string;
    entity_id: string;
    version: number;
    valid_from: Date;
    valid_to: Date | null;
    action: string;
    actor_id: string | null;
    actor_label: string;
    request_id: string | null;
    /** JSON null for a tombstone: the record was deleted at valid_from. */
    data: Json;
    summary: JsonColumn<Record<string, unknown>>;
    /** Commit order of versions across every record (migration 0035, the change feed); bigint as text. */
    change_seq: Generated<string>;
  };
  search_terms: { term: string };
  /** One row per distinct content; the bytes live in the file store under the hash (migration 0014). */
  files: {
    sha256: string;
    size: number;
    media_type: string;
    extension: string;
    created_by: string | null;
    created_at: Generated<Date>;
  };
  search_documents: {
    entity_type: string;
    entity_id: string;
    title_kk: string;
    title_ru: string;
    title_en: string;
    codes: string[];
    folded: string;
    name_keys: string[];
    tsv: string;
    tsv_title: string;
    region_code: string | null;
    field_code: string | null;
    nqf_level: number | null;
    languages: string[];
    organization_kind: string | null;
    organization_id: string | null;
    status: string | null;
    is_public: boolean;
    is_synthetic: boolean;
    /** Kazakh alphabetical order of title_kk (migration 0020) */
    title_kk_sort: Generated<string>;
    changed_at: Generated<Date>;
  };
};

/** Every table: platform's here, the modules' merged in by src/database.ts. */
export interface Database extends PlatformTables {}
