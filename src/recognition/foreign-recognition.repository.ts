// SQL of foreign-qualification applications and their documents.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import type { RecognitionTables } from './recognition.table.ts';

type Apps = RecognitionTables['foreign_recognition_applications'];
export type ApplicationRow = Selectable<Apps>;
export type DocumentRow = Selectable<RecognitionTables['foreign_recognition_documents']>;

export const findApplication = (db: Db, id: string): Promise<ApplicationRow | undefined> =>
  db.selectFrom('foreign_recognition_applications').selectAll().where('id', '=', id).executeTakeFirst();

/** Locks the row for a step, so two decisions on one application cannot both pass. */
export const lockApplication = (db: Db, id: string): Promise<ApplicationRow | undefined> =>
  db.selectFrom('foreign_recognition_applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const applicationByCertificate = (db: Db, number: string): Promise<ApplicationRow | undefined> =>
  db.selectFrom('foreign_recognition_applications').selectAll().where('certificate_number', '=', number).executeTakeFirst();

export type ApplicationFilters = { applicantUserId?: string; expertUserId?: string; states?: string[] };

export async function listApplications(db: Db, f: ApplicationFilters, page: { limit: number; offset: number }) {
  let q = db.selectFrom('foreign_recognition_applications');
  if (f.applicantUserId) q = q.where('applicant_user_id', '=', f.applicantUserId);
  if (f.expertUserId) q = q.where('expert_user_id', '=', f.expertUserId);
  if (f.states?.length) q = q.where('state', 'in', f.states);
  const [items, count] = await Promise.all([
    q.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Applications whose clock runs (complete file, not decided) and that have not been alerted today. */
export const runningClocks = (db: Db): Promise<ApplicationRow[]> =>
  db.selectFrom('foreign_recognition_applications').selectAll().where('state', '=', 'evaluation').where('complete_on', 'is not', null).execute();

export const insertApplication = (db: Db, v: Insertable<Apps>): Promise<ApplicationRow> =>
  db.insertInto('foreign_recognition_applications').values(v).returningAll().executeTakeFirstOrThrow();

export const updateApplication = (db: Db, id: string, v: Updateable<Apps>): Promise<ApplicationRow> =>
  db
    .updateTable('foreign_recognition_applications')
    .set({ ...v, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

export const documentsOf = (db: Db, applicationId: string): Promise<DocumentRow[]> =>
  db.selectFrom('foreign_recognition_documents').selectAll().where('application_id', '=', applicationId).orderBy('created_at').orderBy('id').execute();

export const insertDocument = (db: Db, v: Insertable<RecognitionTables['foreign_recognition_documents']>): Promise<DocumentRow> =>
  db.insertInto('foreign_recognition_documents').values(v).returningAll().executeTakeFirstOrThrow();

export const findDocument = (db: Db, applicationId: string, id: string): Promise<(DocumentRow & { media_type: string }) | undefined> =>
  db
    .selectFrom('foreign_recognition_documents as d')
    .innerJoin('files as f', 'f.sha256', 'd.file_sha256')
    .selectAll('d')
    .select('f.media_type')
    .where('d.application_id', '=', applicationId)
    .where('d.id', '=', id)
    .executeTakeFirst();

/** The language the applicant chose (their account's preferred language), for documents made for them. */
export const applicantLanguage = async (db: Db, userId: string): Promise<string | undefined> =>
  (await db.selectFrom('users').select('preferred_lang').where('id', '=', userId).executeTakeFirst())?.preferred_lang;
