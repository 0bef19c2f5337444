// Kysely table types of the open-data dumps (interop module).
import type { Generated } from 'kysely';
import type { JsonColumn } from '../platform/db/schema.ts';

export type DumpFile = { name: string; dataset: string; format: 'csv' | 'jsonld' | 'csvw' | 'dcat'; mediaType: string; sha256: string; size: number; records: number | null };

export type DumpTables = {
  open_data_dumps: {
    id: Generated<string>;
    created_at: Generated<Date>;
    /** 'real': no synthetic record in it; 'demonstration': only the demonstration data set. */
    label: 'real' | 'demonstration';
    files: JsonColumn<DumpFile[]>;
  };
};
