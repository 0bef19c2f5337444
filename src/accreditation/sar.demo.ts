// Demonstration self-assessment reports for seeded cases (for the demo seeder): versions with a
// text in kk, ru and en in every section and, given a file batch, a generated PDF as evidence.
import { actorId } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';
import { type FileBatch, putFile } from '../platform/files/files.ts';
import { recordChange } from '../platform/history/history.ts';
import { FONT, createPdf, pdfBytes } from '../platform/pdf/pdf.ts';
import { sectionsForCase } from './sar.service.ts';
import * as repo from './sar.repository.ts';

const DEMO = {
  kk: (title: string) => `«${title}» стандарты бойынша өзін-өзі бағалау: күшті жақтары, әлсіз жақтары және жақсарту жоспары (демонстрациялық мәтін).`,
  ru: (title: string) => `Самооценка по стандарту «${title}»: сильные стороны, слабые стороны и план улучшений (демонстрационный текст).`,
  en: (title: string) => `Self-assessment against the standard "${title}": strengths, weaknesses and an improvement plan (demonstration text).`,
};

async function demoEvidencePdf(caseNumber: string): Promise<Uint8Array> {
  const doc = createPdf({ metadata: { title: `Demonstration evidence ${caseNumber}` } });
  doc.font(FONT.bold).fontSize(14).text(`Өзін-өзі бағалау есебіне қосымша / Приложение к отчёту по самооценке / SAR annex — ${caseNumber}`);
  doc.font(FONT.regular).fontSize(10).moveDown().text('Демонстрациялық құжат. Демонстрационный документ. Demonstration document.');
  return pdfBytes(doc);
}

/**
 * Writes `versions` versions of the case's report (each earlier one submitted; the last one
 * submitted when `lastSubmitted`), whatever the case's state: demonstration data only.
 */
export async function seedDemoSar(ctx: Ctx, caseId: string, options: { versions: number; lastSubmitted: boolean; batch?: FileBatch }): Promise<void> {
  const c = await repo.findSarCase(ctx.db, caseId);
  if (!c || options.versions < 1) return;
  const sections = await sectionsForCase(ctx, c);
  const by = actorId(ctx.actor);
  const number = (await ctx.db.selectFrom('accreditation_cases').select('number').where('id', '=', caseId).executeTakeFirstOrThrow()).number;
  const evidence = options.batch ? await putFile(ctx, await demoEvidencePdf(number), { declaredName: `sar-annex-${number}.pdf`, batch: options.batch }) : null;
  const existing = (await repo.listVersions(ctx.db, caseId)).length;
  for (let n = existing + 1; n <= existing + options.versions; n++) {
    const version = await repo.insertVersion(ctx.db, caseId, n, by);
    for (const s of sections) {
      await repo.upsertSection(ctx.db, version.id, s.code, { text_kk: DEMO.kk(s.title.kk), text_ru: DEMO.ru(s.title.ru), text_en: DEMO.en(s.title.en) }, by);
    }
    if (evidence) {
      await repo.insertEvidence(ctx.db, {
        version_id: version.id,
        standard_code: sections[0]?.code ?? null,
        file_sha256: evidence.sha256,
        file_name: `sar-annex-${number}.pdf`,
        title: null,
        uploaded_by: by,
      });
    }
    const submitted = n < existing + options.versions || options.lastSubmitted;
    if (submitted) await repo.markSubmitted(ctx.db, version.id, by);
    const after = { caseId, version: n, status: submitted ? 'submitted' : 'draft', demo: true };
    await recordChange(ctx, { entityType: 'sar-version', entityId: version.id, action: 'sar.demo-version', before: null, after });
  }
}
