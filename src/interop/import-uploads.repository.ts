// SQL of the uploads kept between an import's preview and its commit.
import type { Db } from '../platform/db/database.ts';

export async function insertUpload(db: Db, v: { userId: string; register: string; fileName: string; encoding: string | null; bytes: Uint8Array }): Promise<string> {
  const row = await db
    .insertInto('import_uploads')
    .values({ user_id: v.userId, register: v.register, file_name: v.fileName, encoding: v.encoding, bytes: v.bytes })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const dropUploadsBefore = (db: Db, userId: string, before: Date) =>
  db.deleteFrom('import_uploads').where('user_id', '=', userId).where('created_at', '<', before).execute();

export const findUpload = (db: Db, id: string, userId: string, options: { forUpdate?: boolean } = {}) => {
  const query = db.selectFrom('import_uploads').selectAll().where('id', '=', id).where('user_id', '=', userId);
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
};

export const setImportJob = (db: Db, id: string, jobId: string) => db.updateTable('import_uploads').set({ import_job_id: jobId }).where('id', '=', id).execute();
