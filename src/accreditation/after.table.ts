// Kysely table types owned by helper A (appeals, follow-up; migration 0015). Placeholder until its tables land.
export type AfterDecisionTables = {};
