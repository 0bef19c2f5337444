// Kysely table types owned by helper C (files, self-assessment reports; migration 0014). Placeholder until its tables land.
export type DocumentTables = {};
