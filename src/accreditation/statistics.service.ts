// Yearly activity statistics per accreditation body (PRODUCT §3.3 "agency reporting"): public.
import type { Ctx } from '../platform/context.ts';
import * as repo from './statistics.repository.ts';

/** A year alone means the whole year: from=2019 is 2019-01-01, to=2021 is 2021-12-31. */
const dayOf = (v: string | undefined, end: boolean) => (v === undefined ? undefined : v.length === 4 ? `${v}-${end ? '12-31' : '01-01'}` : v);

export async function statistics(ctx: Ctx, q: { body?: string; from?: string; to?: string }) {
  const rows = await repo.yearlyCounts(ctx.db, { bodyId: q.body, from: dayOf(q.from, false), to: dayOf(q.to, true) });
  const items = rows.map((r) => ({
    body: { id: r.body_id, name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en }, shortName: r.short_name },
    year: r.year,
    institutional: r.institutional,
    programme: r.programme,
    crossBorder: r.cross_border,
    eurAce: r.eur_ace,
    refused: r.refused,
    total: r.institutional + r.programme + r.cross_border,
  }));
  const totals = new Map<
    string,
    { bodyId: string; institutional: number; programme: number; crossBorder: number; eurAce: number; refused: number; total: number }
  >();
  for (const i of items) {
    const t = totals.get(i.body.id) ?? { bodyId: i.body.id, institutional: 0, programme: 0, crossBorder: 0, eurAce: 0, refused: 0, total: 0 };
    t.institutional += i.institutional;
    t.programme += i.programme;
    t.crossBorder += i.crossBorder;
    t.eurAce += i.eurAce;
    t.refused += i.refused;
    t.total += i.total;
    totals.set(i.body.id, t);
  }
  return { items, total: items.length, totals: [...totals.values()] };
}
