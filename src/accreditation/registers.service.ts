// Registers 2 and 3 (PRODUCT §3.3): computed from approved decisions, never edited; public, with
// negative decisions; "as of" a day they show each decision as its status period on that day
// stood (appeals, withdrawals and extensions count from their own dates).
import { todayInAlmaty } from '../platform/calendar/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { validationFailed } from '../platform/errors.ts';
import type { z } from '@hono/zod-openapi';
import { standingBadges } from '../registry/registry.api.ts';
import { accreditedOn } from './decision-status.ts';
import * as repo from './registers.repository.ts';
import { REGISTER_STATUSES, type registerQuerySchema } from './registers.schema.ts';

export type RegisterQuery = z.infer<typeof registerQuerySchema>;

function statusesOf(q: RegisterQuery): string[] | undefined {
  if (q.status) {
    const list = q.status
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = list.filter((s) => !(REGISTER_STATUSES as string[]).includes(s));
    if (unknown.length) throw validationFailed(unknown.map((s) => ({ path: 'status', messageKey: 'errors.after.unknownStatus', params: { status: s } })));
    return list;
  }
  if (q.outcome === 'accredited') return ['active', 'extended'];
  if (q.outcome === 'refused') return ['refused'];
  return undefined;
}

const name = (kk: string, ru: string, en: string | null) => ({ kk, ru, en });

export function presentEntry(r: repo.RegisterRow) {
  return {
    decisionId: r.decision_id,
    caseId: r.case_id,
    kind: r.kind,
    organization: { id: r.org_id, name: name(r.org_name_kk, r.org_name_ru, r.org_name_en), shortName: r.org_short_name, regionCode: r.org_region_code },
    body: { id: r.body_id, name: name(r.body_name_kk, r.body_name_ru, r.body_name_en), shortName: r.body_short_name },
    programme: r.programme_id
      ? {
          id: r.programme_id,
          code: r.programme_code as string,
          name: name(r.programme_name_kk as string, r.programme_name_ru as string, r.programme_name_en ?? null),
          fieldCode: r.programme_field_code as string,
          nqfLevel: r.programme_nqf_level as number,
          degree: r.programme_degree ?? null,
        }
      : null,
    outcome: r.outcome,
    termYears: r.term_years,
    status: r.status,
    decidedOn: r.decided_on,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    certificateNumber: r.certificate_number,
    eurAce: r.eur_ace,
    enaeeStatus: r.enaee_status,
    crossBorder: r.cross_border,
    decisionUrl: `/api/accreditation/decisions/${r.decision_id}`,
    badges: standingBadges({
      accredited: accreditedOn(r),
      eurAce: r.eur_ace,
      programmeStatus: r.programme_id ? r.programme_status : null,
      synthetic: r.is_synthetic || (r.programme_id ? !!r.programme_is_synthetic : r.org_is_synthetic),
    }),
  };
}

export async function listRegister(ctx: Ctx, register: 2 | 3, q: RegisterQuery) {
  const { items, total } = await repo.listRegister(
    ctx.db,
    register,
    {
      day: q.asOf ?? todayInAlmaty(),
      bodyId: q.body,
      organizationId: q.organization,
      regionCode: q.region,
      fieldCode: q.field,
      outcome: q.outcome === 'any' ? undefined : q.outcome,
      statuses: statusesOf(q),
      eurAce: q.eurAce,
      q: q.q,
    },
    q,
  );
  return { items: items.map(presentEntry), total };
}
