// Kysely table types owned by helper G (specifications, batches, certificates, learner; migration 0017). Placeholder until its tables land.
export type CredentialProductTables = {};
