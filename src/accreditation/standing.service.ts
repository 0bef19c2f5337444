// The accreditation of a record as of a day: the one computation of "accredited on date D" that
// record pages, their API, Registers 2–3 (same period join and statuses), search and credential
// verification share. An organization's standing is its institutional decisions (Register 2), a
// programme's the programme decisions covering it (Register 3), each as its status period on the
// day stood, negative and lapsed ones included so the public sees them too.
import type { Db } from '../platform/db/database.ts';
import { todayInAlmaty } from '../platform/calendar/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import { organizationById, programmeById } from '../registry/registry.api.ts';
import { accreditedOn } from './decision-status.ts';
import { conditionsOf } from './follow-up.repository.ts';
import * as registers from './registers.repository.ts';
import { presentEntry } from './registers.service.ts';

/** More decisions than any record has; Registers 2–3 page, a record's standing does not. */
const DECISIONS_PER_RECORD = 200;

export type StandingEntry = ReturnType<typeof presentEntry> & {
  /** in force on the day: positive, and its status on the day active or extended */
  accredited: boolean;
  conditions: { title: string; dueOn: string; status: string }[];
  certificateUrl: string | null;
};

export { accreditedOn } from './decision-status.ts';

export async function accreditationStandingOn(
  db: Db,
  ids: { organizationIds?: readonly string[]; programmeIds?: readonly string[] },
  day: string,
): Promise<StandingEntry[]> {
  const page = { limit: DECISIONS_PER_RECORD, offset: 0 };
  const [institutional, programmes] = await Promise.all([
    ids.organizationIds?.length ? registers.listRegister(db, 2, { day, organizationIds: ids.organizationIds }, page) : { items: [] },
    ids.programmeIds?.length ? registers.listRegister(db, 3, { day, programmeIds: ids.programmeIds }, page) : { items: [] },
  ]);
  const entries = [...institutional.items, ...programmes.items].map(presentEntry);
  const conditions = await conditionsOf(
    db,
    entries.map((e) => e.decisionId),
  );
  return entries.map((e) => {
    const accredited = accreditedOn(e);
    return {
      ...e,
      accredited,
      conditions: conditions.filter((c) => c.decision_id === e.decisionId).map((c) => ({ title: c.title, dueOn: c.due_on, status: c.status })),
      certificateUrl: accredited && e.certificateNumber ? `/api/accreditation/decisions/${e.decisionId}/certificate.pdf` : null,
    };
  });
}

/** Public: a record's accreditation as of `asOf` (default today in Almaty), for pages and the API. */
export async function accreditationStanding(ctx: Ctx, ids: { organizationIds?: readonly string[]; programmeIds?: readonly string[] }, asOf?: string) {
  const day = asOf ?? todayInAlmaty();
  return { asOf: day, entries: await accreditationStandingOn(ctx.db, ids, day) };
}

/** The accreditation of one organization or programme of the register; an unknown id is a 404. */
export async function recordAccreditation(ctx: Ctx, kind: 'organization' | 'programme', id: string, asOf?: string) {
  const found = kind === 'organization' ? await organizationById(ctx.db, id) : await programmeById(ctx.db, id);
  if (!found) throw notFound(kind, id);
  const standing = await accreditationStanding(ctx, kind === 'organization' ? { organizationIds: [id] } : { programmeIds: [id] }, asOf);
  return { ...standing, accredited: standing.entries.some((e) => e.accredited) };
}
