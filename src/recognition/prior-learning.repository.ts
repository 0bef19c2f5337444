// SQL of prior-learning requests and their evidence.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import type { RecognitionTables } from './recognition.table.ts';

type Requests = RecognitionTables['prior_learning_requests'];
export type RequestRow = Selectable<Requests>;
export type EvidenceRow = Selectable<RecognitionTables['prior_learning_evidence']>;

export const findRequest = (db: Db, id: string): Promise<RequestRow | undefined> =>
  db.selectFrom('prior_learning_requests').selectAll().where('id', '=', id).executeTakeFirst();

export const lockRequest = (db: Db, id: string): Promise<RequestRow | undefined> =>
  db.selectFrom('prior_learning_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const REQUEST_SORTS = { created: 'created_at', submitted: 'submitted_on', learner: 'learner_name', stage: 'stage' } as const;
export type RequestSort = keyof typeof REQUEST_SORTS;

export async function listRequests(
  db: Db,
  f: { learnerUserId?: string; organizationIds?: string[]; stage?: string; learnerLike?: string },
  page: { limit: number; offset: number; sort?: RequestSort; desc?: boolean },
) {
  let q = db.selectFrom('prior_learning_requests');
  if (f.learnerUserId) q = q.where('learner_user_id', '=', f.learnerUserId);
  if (f.organizationIds) q = f.organizationIds.length ? q.where('organization_id', 'in', f.organizationIds) : q.where(({ lit }) => lit(false));
  if (f.stage) q = q.where('stage', '=', f.stage);
  if (f.learnerLike) q = q.where('learner_name', 'ilike', f.learnerLike);
  const column = REQUEST_SORTS[page.sort ?? 'created'];
  const dir = (page.desc ?? true) ? 'desc' : 'asc';
  const [items, count] = await Promise.all([
    q
      .selectAll()
      .orderBy(column, (ob) => (dir === 'desc' ? ob.desc().nullsLast() : ob.asc().nullsLast()))
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export const insertRequest = (db: Db, v: Insertable<Requests>): Promise<RequestRow> =>
  db.insertInto('prior_learning_requests').values(v).returningAll().executeTakeFirstOrThrow();

export const updateRequest = (db: Db, id: string, v: Updateable<Requests>): Promise<RequestRow> =>
  db.updateTable('prior_learning_requests').set({ ...v, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

export const evidenceOf = (db: Db, requestId: string): Promise<EvidenceRow[]> =>
  db.selectFrom('prior_learning_evidence').selectAll().where('request_id', '=', requestId).orderBy('created_at').orderBy('id').execute();

export const insertEvidence = (db: Db, v: Insertable<RecognitionTables['prior_learning_evidence']>): Promise<EvidenceRow> =>
  db.insertInto('prior_learning_evidence').values(v).returningAll().executeTakeFirstOrThrow();

export const findEvidence = (db: Db, requestId: string, id: string): Promise<(EvidenceRow & { media_type: string | null }) | undefined> =>
  db
    .selectFrom('prior_learning_evidence as e')
    .leftJoin('files as f', 'f.sha256', 'e.file_sha256')
    .selectAll('e')
    .select('f.media_type')
    .where('e.request_id', '=', requestId)
    .where('e.id', '=', id)
    .executeTakeFirst();

export const userContact = (db: Db, id: string): Promise<{ email: string; display_name: string } | undefined> =>
  db.selectFrom('users').select(['email', 'display_name']).where('id', '=', id).executeTakeFirst();
