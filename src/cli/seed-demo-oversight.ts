// Demonstration data of oversight (issue 16), written through the services with past days: every
// demo university and Satbayev University have a self-assessment against the Guidelines'
// higher-education standards accepted in June 2022 (a working internal QA system, which the demo
// accreditation decisions after that need); on top of it the review states a reader should see —
// Satbayev's new cycle submitted and awaiting the ministry, one returned with comments, one draft,
// and one university whose latest accepted self-assessment shows a system that does not work.
// Those three are the last universities by key, which the demo's accreditation cases do not use.
// QA-system failures in each state: the university whose system does not work, scored high risk,
// has a failure declared by the authority with a recovery plan in progress and reports; the demo
// college's founders declared one that has recovered; the returned university declared its own
// and it was closed without recovery when the declaration was withdrawn.
import type { Ctx } from '../platform/context.ts';
import { organizationIdByKey } from '../registry/registry.api.ts';
import { reviewAssessment, saveAssessment, startAssessment, submitAssessment } from '../oversight/internal-qa.service.ts';
import type { Rating } from '../oversight/internal-qa.rules.ts';
import { addReport, closeFailure, declareFailure, savePlan } from '../oversight/qa-failure.service.ts';
import { assessRisk, latestRiskIsHigh } from '../oversight/risk.service.ts';

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

const measure = (kind: 'risk-management' | 'financial' | 'advisory' | 'regulatory', description: string, owner: string, dueOn: string, status: 'planned' | 'in-progress' | 'done' | 'dropped') => ({
  kind,
  description,
  owner,
  dueOn,
  status,
});

/** A failure in each state (active with a plan in progress, recovered, closed without recovery). */
export async function seedDemoQaFailures(ctx: Ctx, universities: { id: string; key: string | null }[]): Promise<void> {
  const byKey = [...universities].sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));
  const [notWorking, returned] = byKey.slice(-3);
  if (notWorking) {
    await assessRisk(ctx, { organizationIds: [notWorking.id], on: '2026-09-20' });
    // Its system does not work and it has no institutional accreditation: high risk under the default rule.
    const declarant = (await latestRiskIsHigh(ctx, notWorking.id)) ? 'authority' : 'organization';
    const f = await declareFailure(
      ctx,
      { organizationId: notWorking.id, declarant, grounds: 'Высокий риск: система внутреннего обеспечения качества не работает (стандарт 2 не выполняется), нет институциональной аккредитации.' },
      { on: '2026-09-25' },
    );
    await savePlan(
      ctx,
      f.id,
      {
        measures: [
          measure('risk-management', 'Ввести реестр рисков качества и ежемесячный разбор на учёном совете', 'Ректор', '2026-12-31', 'in-progress'),
          measure('advisory', 'Наставничество университета с работающей системой качества', 'Департамент высшего образования', '2027-03-31', 'in-progress'),
          measure('regulatory', 'Разъяснение требований к политике обеспечения качества', 'Юридический департамент министерства', '2026-10-31', 'done'),
          measure('financial', 'Целевое финансирование обучения службы качества', 'Министерство', '2027-06-30', 'planned'),
        ],
      },
      { on: '2026-10-05' },
    );
    await addReport(ctx, f.id, { text: 'Реестр рисков утверждён, первый разбор проведён 28 октября.' }, { on: '2026-11-01', author: 'organization' });
    await addReport(ctx, f.id, { text: 'Выезд: реестр ведётся; политика качества в новой редакции на согласовании.' }, { on: '2026-11-20', author: 'authority' });
  }
  const college = await organizationIdByKey(ctx.db, 'demo-almaty-polytechnic-college');
  if (college) {
    const f = await declareFailure(
      ctx,
      { organizationId: college, declarant: 'founders', foundersName: 'Управление образования города Алматы', grounds: 'Учредитель: выпускники не сдают квалификационные экзамены, внутренний аудит не проводится.' },
      { on: '2025-02-10' },
    );
    await savePlan(
      ctx,
      f.id,
      {
        measures: [
          measure('risk-management', 'Внутренний аудит каждое полугодие', 'Директор колледжа', '2025-09-01', 'in-progress'),
          measure('advisory', 'Методическая помощь в подготовке к квалификационным экзаменам', 'Региональный методический кабинет', '2025-12-01', 'planned'),
        ],
      },
      { on: '2025-02-20' },
    );
    await addReport(ctx, f.id, { text: 'Первый внутренний аудит проведён, план корректирующих действий утверждён.' }, { on: '2025-09-05', author: 'organization' });
    await savePlan(
      ctx,
      f.id,
      {
        measures: [
          measure('risk-management', 'Внутренний аудит каждое полугодие', 'Директор колледжа', '2025-09-01', 'done'),
          measure('advisory', 'Методическая помощь в подготовке к квалификационным экзаменам', 'Региональный методический кабинет', '2025-12-01', 'done'),
        ],
      },
      { on: '2026-02-15' },
    );
    await addReport(ctx, f.id, { text: 'Доля выпускников, сдавших квалификационный экзамен, выросла до 86 %.' }, { on: '2026-06-10', author: 'authority' });
    await closeFailure(ctx, f.id, { outcome: 'recovered', reason: 'Меры выполнены, внутренний аудит работает.' }, { on: '2026-06-30' });
  }
  if (returned) {
    const f = await declareFailure(ctx, { organizationId: returned.id, declarant: 'organization', grounds: 'Служба качества расформирована при реорганизации.' }, { on: '2025-03-01' });
    await closeFailure(ctx, f.id, { outcome: 'closed', reason: 'Организация отозвала заявление: служба качества восстановлена приказом ректора до начала мер.' }, { on: '2025-04-15' });
  }
}
