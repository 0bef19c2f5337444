// Register 1 from data/reference/accreditation-bodies.json: one recognition per body that the
// seeds say is recognized (only KAZSEE: order No. 482 of 27 September 2017). Idempotent.
import { readReference } from '../platform/reference/reference-files.ts';
import type { Ctx } from '../platform/context.ts';
import { toJson } from '../platform/db/schema.ts';
import { organizationIdByKey } from '../registry/registry.api.ts';

/** The file's free-text accreditation types mapped to case kinds. */
function scopeTypes(types: string[]): string[] {
  const out = new Set<string>();
  for (const t of types) {
    if (/institutional/i.test(t)) out.add('institutional');
    if (/programme|program|EUR-ACE/i.test(t)) out.add('programme');
  }
  return [...out];
}

export async function seedRecognitions(ctx: Ctx): Promise<number> {
  let n = 0;
  for (const b of readReference('accreditation-bodies')) {
    if (!b.recognition) continue;
    const bodyId = await organizationIdByKey(ctx.db, b.key);
    if (!bodyId) continue;
    const orderNumber = b.recognition.order.replace(/^No\.\s*/i, '');
    const exists = await ctx.db
      .selectFrom('accreditation_recognitions')
      .select('id')
      .where('body_id', '=', bodyId)
      .where('order_number', '=', orderNumber)
      .executeTakeFirst();
    if (exists) continue;
    const raw = b as unknown as { legalForm?: string; address?: string; country?: string };
    await ctx.db
      .insertInto('accreditation_recognitions')
      .values({
        body_id: bodyId,
        national: b.national,
        order_number: orderNumber,
        order_date: b.recognition.date,
        valid_from: b.recognition.date,
        valid_to: b.recognition.validTo ?? null,
        status: 'active',
        scope_types: scopeTypes(b.scope?.accreditationTypes ?? []),
        scope_levels: b.scope?.levels ?? [],
        scope_fields: b.scope?.fields ?? [],
        networks: b.networks.map((x) => x.toUpperCase()),
        legal_details: toJson({ legalForm: raw.legalForm ?? null, address: raw.address ?? null, country: raw.country ?? null, register: 'Register 1 (MES RK)' }),
        source: b.recognition.source ? toJson(b.recognition.source) : null,
      })
      .execute();
    n++;
  }
  return n;
}
