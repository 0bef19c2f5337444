// Kysely table types owned by helper B (panels, visits, reports, council; migration 0013). Placeholder until its tables land.
export type PanelTables = {};
