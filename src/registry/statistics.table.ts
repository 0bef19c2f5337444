// Kysely table types of the national statistics datasets (registry module, migration 0110).
import type { Generated } from 'kysely';

export type StatisticsTables = {
  statistical_observations: {
    id: Generated<string>;
    dataset: 'students' | 'population' | 'grants' | 'faculty';
    period: string;
    region_code: string | null;
    level: string | null;
    gender: string | null;
    funding: string | null;
    age: string | null;
    degree: string | null;
    title: string | null;
    value: number;
    source: string;
    is_synthetic: Generated<boolean>;
    row_version: Generated<number>;
    updated_at: Generated<Date>;
  };
};
