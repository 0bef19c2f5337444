// Shared by the frameworks API tests: a test app with the three actors they write and read as.
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';

export const lang = (en: string, ru = `${en} (ru)`, kk = `${en} (kk)`) => ({ kk, ru, en });

export type FrameworksApp = { t: TestApp; ministry: string; council: string; learner: string };

/** A fresh test app with tokens for the ministry, a sector council and a learner. */
export async function openFrameworksApp(): Promise<FrameworksApp> {
  const t = await createTestApp();
  return { t, ministry: await t.tokenFor('ministry'), council: await t.tokenFor('sector-council'), learner: await t.tokenFor('learner') };
}
