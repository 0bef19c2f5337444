// Kysely table types owned by helper E (keys, credentials, status lists; migration 0016). Placeholder until its tables land.
export type CredentialTables = {};
