// Demonstration data of oversight (issue 16), written through the services with past days: every
// demo university and Satbayev University have a self-assessment against the Guidelines'
// higher-education standards accepted in June 2022 (a working internal QA system, which the demo
// accreditation decisions after that need); on top of it the review states a reader should see —
// Satbayev's new cycle submitted and awaiting the ministry, one returned with comments, one draft,
// and one university whose latest accepted self-assessment shows a system that does not work.
// Those three are the last universities by key, which the demo's accreditation cases do not use.
import type { Ctx } from '../platform/context.ts';
import { organizationIdByKey } from '../registry/registry.api.ts';
import { reviewAssessment, saveAssessment, startAssessment, submitAssessment } from '../oversight/internal-qa.service.ts';
import type { Rating } from '../oversight/internal-qa.rules.ts';

const NARRATIVE: Record<Rating, { ru: string }> = {
  met: { ru: 'Стандарт выполняется: политика утверждена учёным советом, процедуры описаны, результаты опросов обсуждаются ежегодно.' },
  'partially-met': { ru: 'Стандарт выполняется частично: процедура утверждена, но её результаты пока не анализируются по каждой программе.' },
  'not-met': { ru: 'Стандарт не выполняется: процедуры нет, ответственные не назначены.' },
};

/** One cycle: ratings for the ten standards (the rest "met"), actions for those not fully met. */
async function cycle(ctx: Ctx, organizationId: string, startOn: string, ratings: Partial<Record<string, Rating>>, end: { submitOn?: string; review?: { on: string; result: 'accepted' | 'returned'; comment: string } }) {
  const a = await startAssessment(ctx, organizationId, { on: startOn });
  const entries = a.standards.map((s) => {
    const rating = ratings[s.code] ?? 'met';
    return { standardCode: s.code, rating, narrative: NARRATIVE[rating].ru };
  });
  const actions = entries
    .filter((e) => e.rating !== 'met')
    .map((e) => ({ standardCode: e.standardCode, action: 'Утвердить процедуру и анализировать её результаты по каждой программе', owner: 'Руководитель службы качества', dueOn: '2027-06-30' }));
  await saveAssessment(ctx, a.id, { summary: 'Самооценка системы внутреннего обеспечения качества (демонстрационные данные).', ratings: entries, actions }, { on: startOn });
  if (end.submitOn) await submitAssessment(ctx, a.id, { on: end.submitOn });
  if (end.review) await reviewAssessment(ctx, a.id, { result: end.review.result, comment: end.review.comment }, { on: end.review.on });
}

export async function seedDemoOversight(ctx: Ctx, universities: { id: string; key: string | null }[]): Promise<void> {
  const satbayev = await organizationIdByKey(ctx.db, 'satbayev-university');
  const byKey = [...universities].sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));
  const ids = [...new Set([...(satbayev ? [satbayev] : []), ...byKey.map((u) => u.id)])];
  const accepted = { submitOn: '2022-05-20', review: { on: '2022-06-15', result: 'accepted' as const, comment: 'Принято.' } };
  for (const id of ids) await cycle(ctx, id, '2022-04-01', { '7': 'partially-met' }, accepted);

  if (satbayev) await cycle(ctx, satbayev, '2026-10-01', { '9': 'partially-met' }, { submitOn: '2026-11-20' });
  const [notWorking, returned, draft] = byKey.slice(-3);
  if (notWorking) {
    await cycle(ctx, notWorking.id, '2026-08-01', { '2': 'not-met', '7': 'partially-met' }, {
      submitOn: '2026-08-25',
      review: { on: '2026-09-15', result: 'accepted', comment: 'Самооценка достоверна; стандарт 2 не выполняется — система не работает.' },
    });
  }
  if (returned) {
    await cycle(ctx, returned.id, '2026-09-01', {}, {
      submitOn: '2026-10-01',
      review: { on: '2026-10-20', result: 'returned', comment: 'Стандарт 8: укажите, где опубликована информация о программах.' },
    });
  }
  if (draft) await cycle(ctx, draft.id, '2026-11-10', { '5': 'partially-met' }, {});
}
