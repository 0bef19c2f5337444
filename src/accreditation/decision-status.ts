// "The status of a decision on a day" and "was it in force on a day": one rule that decision pages,
// certificates, Registers 2–3, credential verification and micro-credential entitlement all apply.
import { type Expression, type RawBuilder, sql } from 'kysely';
import type { DecisionStatus } from './decision.schema.ts';

/** The stored statuses under which a positive decision is in force until its validity ends. */
export const IN_FORCE_STATUSES: readonly string[] = ['active', 'extended'];

/** The status a reader sees on `day`: an active or extended decision past its validity is expired. */
export function decisionStatusOn(status: string, validTo: string | null, day: string): DecisionStatus {
  if (IN_FORCE_STATUSES.includes(status) && validTo !== null && validTo < day) return 'expired';
  return status as DecisionStatus;
}

/** A positive decision is in force on `day` when its validity has started and its status on that day is in force. */
export function decisionInForceOn(d: { outcome: string; status: string; validFrom: string | null; validTo: string | null }, day: string): boolean {
  return d.outcome === 'accredited' && d.validFrom !== null && d.validFrom <= day && IN_FORCE_STATUSES.includes(decisionStatusOn(d.status, d.validTo, day));
}

/**
 * decisionStatusOn written in SQL, for lists filtered by status and paged in the database
 * (Registers 2–3); decision-status.test.ts checks that both forms agree.
 */
export function decisionStatusOnSql(status: Expression<string>, validTo: Expression<string | null>, day: string): RawBuilder<string> {
  const inForce = sql.join(IN_FORCE_STATUSES.map((s) => sql.lit(s)));
  return sql<string>`case when ${status} in (${inForce}) and ${validTo} < ${day}::date then 'expired' else ${status} end`;
}

/**
 * A decision carries the EUR-ACE® label only once ENAEE approved it: a request merely submitted to
 * ENAEE, or one ENAEE refused, is a plain programme accreditation. Registers, statistics, record
 * pages and search all read the label through this rule (or its SQL form below).
 */
export function eurAceLabelled(d: { outcome: string; eurAce: boolean; enaeeStatus: string | null }): boolean {
  return d.outcome === 'accredited' && d.eurAce && d.enaeeStatus === 'approved';
}

/** eurAceLabelled in SQL over a decisions row alias (`d`). */
export function eurAceLabelledSql(decision: string): RawBuilder<boolean> {
  const column = (name: string) => sql.ref(`${decision}.${name}`);
  return sql<boolean>`(${column('outcome')} = 'accredited' and ${column('eur_ace')} and coalesce(${column('enaee_status')} = 'approved', false))`;
}

/** Whether a register entry (a decision's period on the day) means "accredited on that day". */
export const accreditedOn = (e: { outcome: string; status: string }): boolean => e.outcome === 'accredited' && IN_FORCE_STATUSES.includes(e.status);
