// SQL of the risk view: the rule in force and the organizations' scores.
import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { toJson } from '../platform/db/schema.ts';

export type ScoreRow = { id: string; organization_id: string; assessed_on: string; score: number; level: string; indicators: unknown; factors: unknown; rule: unknown };

export async function currentRule(db: Db): Promise<unknown | undefined> {
  return (await db.selectFrom('oversight_risk_rule').select('rule').where('key', '=', 'current').executeTakeFirst())?.rule;
}

export async function setRule(db: Db, rule: unknown): Promise<void> {
  await db
    .insertInto('oversight_risk_rule')
    .values({ key: 'current', rule: toJson(rule) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ rule: toJson(rule), updated_at: new Date() }))
    .execute();
}

/** Records a score; a second assessment on the same day replaces that day's. */
export async function upsertScore(db: Db, v: Omit<ScoreRow, 'id'>): Promise<void> {
  const values = { ...v, indicators: toJson(v.indicators), factors: toJson(v.factors), rule: toJson(v.rule) };
  await db
    .insertInto('oversight_risk_scores')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['organization_id', 'assessed_on']).doUpdateSet({ score: values.score, level: values.level, indicators: values.indicators, factors: values.factors, rule: values.rule }),
    )
    .execute();
}

/** The latest score of each organization, optionally only those of a level of risk. */
export async function latestScores(db: Db, f: { level?: string; organizationIds?: string[] }): Promise<ScoreRow[]> {
  let q = db
    .selectFrom('oversight_risk_scores as s')
    .selectAll('s')
    .where(({ eb, selectFrom }) =>
      eb('s.assessed_on', '=', selectFrom('oversight_risk_scores as l').select(sql<string>`max(l.assessed_on)`.as('m')).whereRef('l.organization_id', '=', 's.organization_id')),
    );
  if (f.level) q = q.where('s.level', '=', f.level);
  if (f.organizationIds) q = f.organizationIds.length ? q.where('s.organization_id', 'in', f.organizationIds) : q.where(({ lit }) => lit(false));
  return (await q.orderBy('s.score', 'desc').orderBy('s.organization_id').execute()) as ScoreRow[];
}

export async function scoresOf(db: Db, organizationId: string): Promise<ScoreRow[]> {
  return (await db.selectFrom('oversight_risk_scores').selectAll().where('organization_id', '=', organizationId).orderBy('assessed_on', 'desc').execute()) as ScoreRow[];
}
