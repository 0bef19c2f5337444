// Register 1: accreditation bodies recognized by the ministry, with the scope of their recognition.
import { type Ctx, requirePermission } from '../platform/context.ts';
import { todayInAlmaty } from '../platform/calendar/calendar.ts';
import type { Source } from '../platform/db/schema.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import type { z } from '@hono/zod-openapi';
import { oneOf } from '../platform/records/one-of.ts';
import { RECOGNITION_STATUSES, type RecognitionInput, type RecognitionPatch, type recognitionSchema } from './recognition.schema.ts';
import * as repo from './recognition.repository.ts';
import type { RecognitionLike } from './recognition.rules.ts';

export const RECOGNITION = 'accreditation-recognition';

export type Recognition = z.output<typeof recognitionSchema> & RecognitionLike;

export function presentRecognition(r: repo.RecognitionRow, today = todayInAlmaty()): Recognition {
  return {
    id: r.id,
    bodyId: r.body_id,
    national: r.national,
    orderNumber: r.order_number,
    orderDate: r.order_date,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    // A recognition past its end is shown as expired whatever was stored.
    status: r.status === 'active' && r.valid_to !== null && r.valid_to < today ? 'expired' : oneOf(RECOGNITION_STATUSES, r.status, 'accreditation_recognitions.status'),
    scopeTypes: r.scope_types,
    scopeLevels: r.scope_levels,
    scopeFields: r.scope_fields,
    networks: r.networks,
    legalDetails: r.legal_details,
    source: r.source,
  };
}

export function presentBody(b: Pick<repo.BodyRow, 'id' | 'key' | 'name_kk' | 'name_ru' | 'name_en' | 'short_name' | 'identifiers' | 'status'>) {
  return {
    id: b.id,
    key: b.key,
    name: { kk: b.name_kk, ru: b.name_ru, en: b.name_en },
    shortName: b.short_name,
    country: b.identifiers?.country ?? null,
    status: b.status,
  };
}

export async function listRegisterOne(ctx: Ctx, q: { status?: string; scopeType?: string; network?: string; asOf?: string; limit: number; offset: number }) {
  const today = todayInAlmaty();
  const { items, total } = await repo.listRecognitions(ctx.db, { ...q, today }, q);
  return {
    items: items.map((r) => ({
      ...presentRecognition(r, q.asOf ?? today),
      body: presentBody({ id: r.body_id, key: r.body_key, name_kk: r.name_kk, name_ru: r.name_ru, name_en: r.name_en, short_name: r.short_name, identifiers: r.identifiers, status: r.body_status }),
    })),
    total,
  };
}

async function bodyOrThrow(ctx: Ctx, id: string) {
  const body = await repo.findBody(ctx.db, id);
  if (body?.kind !== 'accreditation-body') throw notFound('accreditation-body', id);
  return body as repo.BodyRow;
}

export async function getBody(ctx: Ctx, id: string) {
  const body = await bodyOrThrow(ctx, id);
  const [recognitions, sets] = await Promise.all([repo.recognitionsOf(ctx.db, id), repo.standardSetsOwnedBy(ctx.db, id)]);
  return {
    ...presentBody(body),
    recognitions: recognitions.map((r) => presentRecognition(r)),
    standardSets: sets.map((s) => ({ id: s.id, key: s.key, version: s.version, scope: s.scope, validFrom: s.valid_from, validTo: s.valid_to })),
  };
}

/** The recognitions of a body, for the coverage check of a new case. */
export async function recognitionsOfBody(ctx: Ctx, bodyId: string): Promise<Recognition[]> {
  return (await repo.recognitionsOf(ctx.db, bodyId)).map((r) => presentRecognition(r));
}

function checkDates(validFrom: string, validTo: string | null | undefined) {
  if (validTo && validTo < validFrom) {
    throw new AppError('validation_failed', 422, 'errors.validationFailed', {
      issues: [{ path: 'validTo', messageKey: 'errors.field.dateOrder', params: { from: 'validFrom', to: 'validTo' } }],
    });
  }
}

export async function addRecognition(ctx: Ctx, bodyId: string, input: RecognitionInput, meta: { source?: Source } = {}) {
  requirePermission(ctx, 'accreditation-body.manage');
  await bodyOrThrow(ctx, bodyId);
  checkDates(input.validFrom, input.validTo);
  const row = await repo.insertRecognition(
    ctx.db,
    bodyId,
    {
      national: input.national,
      order_number: input.orderNumber,
      order_date: input.orderDate,
      valid_from: input.validFrom,
      valid_to: input.validTo ?? null,
      status: input.status,
      scope_types: input.scopeTypes,
      scope_levels: input.scopeLevels,
      scope_fields: input.scopeFields,
      networks: input.networks.map((n) => n.toUpperCase()),
      legal_details: input.legalDetails,
    },
    meta.source ?? null,
  );
  const after = presentRecognition(row);
  await recordChange(ctx, { entityType: RECOGNITION, entityId: row.id, action: 'accreditation-recognition.create', before: null, after });
  return after;
}

export async function updateRecognition(ctx: Ctx, bodyId: string, id: string, patch: RecognitionPatch) {
  requirePermission(ctx, 'accreditation-body.manage');
  const current = await repo.findRecognition(ctx.db, id);
  if (!current || current.body_id !== bodyId) throw notFound(RECOGNITION, id);
  checkDates(patch.validFrom ?? current.valid_from, patch.validTo === undefined ? current.valid_to : patch.validTo);
  const before = presentRecognition(current);
  // An empty PATCH changes nothing: no UPDATE (it would be one without a SET), no audit entry.
  if (Object.values(patch).every((value) => value === undefined)) return before;
  const row = await repo.updateRecognition(ctx.db, id, {
    ...(patch.orderNumber !== undefined && { order_number: patch.orderNumber }),
    ...(patch.orderDate !== undefined && { order_date: patch.orderDate }),
    ...(patch.validFrom !== undefined && { valid_from: patch.validFrom }),
    ...(patch.validTo !== undefined && { valid_to: patch.validTo }),
    ...(patch.status !== undefined && { status: patch.status }),
    ...(patch.scopeTypes !== undefined && { scope_types: patch.scopeTypes }),
    ...(patch.scopeLevels !== undefined && { scope_levels: patch.scopeLevels }),
    ...(patch.scopeFields !== undefined && { scope_fields: patch.scopeFields }),
    ...(patch.networks !== undefined && { networks: patch.networks.map((n) => n.toUpperCase()) }),
    ...(patch.legalDetails !== undefined && { legal_details: patch.legalDetails }),
  });
  const after = presentRecognition(row);
  await recordChange(ctx, { entityType: RECOGNITION, entityId: id, action: 'accreditation-recognition.update', before, after });
  return after;
}
