// What `npm start` does before serving: migrate, then load reference and demo data once.
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { systemActor } from '../platform/access/roles.ts';
import type { Db } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { progressPrinter } from './progress.ts';
import { seedDemo } from './seed-demo.ts';
import { seedReference } from './seed-reference.ts';

export async function bootstrap(db: Db, config: Config, log: Logger): Promise<void> {
  await migrateToLatest(db);
  const ctx = { db, actor: systemActor('sapa bootstrap'), lang: 'en' as const, log, requestId: null };
  const hasReference = await db.selectFrom('nqf_levels').select('level').limit(1).executeTakeFirst();
  if (!hasReference) {
    log.info('loading reference data');
    await seedReference(ctx, progressPrinter());
  }
  if (config.SAPA_DEMO) {
    const hasDemo = await db.selectFrom('programmes').select('id').where('is_synthetic', '=', true).limit(1).executeTakeFirst();
    if (!hasDemo) {
      log.info('loading demonstration data');
      await seedDemo(ctx, progressPrinter());
    }
  }
}
