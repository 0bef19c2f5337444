// Drives one demonstration accreditation case through the real services: the
// case engine's actions dated in the past, and before each step what it needs — the SAR, the panel
// (with a challenge), the visit and its protocol, the report's steps, the council and its votes.
import { decideAppeal, fileAppeal, setCommission } from '../accreditation/appeal.service.ts';
import type { ActionPayload } from '../accreditation/case.schema.ts';
import { createCase, takeAction } from '../accreditation/case.service.ts';
import { type CaseAction, type CaseState, TRANSITIONS } from '../accreditation/case-states.ts';
import { castVote, createMeeting, setMeetingStatus } from '../accreditation/council.service.ts';
import { findCase as decisionCase } from '../accreditation/decision.repository.ts';
import { markPublicationDone, proposalFor, recordEnaeeDecision } from '../accreditation/decision.service.ts';
import { acceptPanel, fileChallenge, resolveChallenge, setPanel } from '../accreditation/panel.service.ts';
import { addFactualComments, checkTemplate, createVersion, finalizeReport, submitReport } from '../accreditation/report.service.ts';
import { seedDemoSar } from '../accreditation/sar.demo.ts';
import { planVisit, signOpinion, signProtocol } from '../accreditation/visit.service.ts';
import { addDays } from '../platform/calendar/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import type { FileBatch } from '../platform/files/files.ts';
import { asUser, type DemoPeople, type Team } from './seed-demo-accreditation-people.ts';

export type Grades = 'compliant' | 'recommendations' | 'remarks' | 'non-compliant';

export type CasePlan = {
  body: 'kazsee' | 'iqaa';
  organizationId: string;
  kind: 'institutional' | 'programme';
  programmeIds?: string[];
  eurAce?: boolean;
  crossBorder?: boolean;
  hasGraduates?: boolean;
  /** The day the application was drafted (unless driveCase is given the day the target is reached). */
  start: string;
  target: CaseState;
  grades?: Grades;
  /** What the council decides when it departs from the decision rule (default: the rule's proposal). */
  decision?: { outcome: 'accredited' | 'refused'; termYears: number | null; departureReason?: string };
  /** The panel: the organization challenges the employer; 'replaced' resolves it, 'open' leaves it pending. */
  challenge?: 'replaced' | 'open';
  enaee?: 'approved' | 'rejected';
  /** Publication channels marked done after publication. */
  publicationsDone?: ('ueis' | 'ministry' | 'website')[];
  /** The council meeting's day (default: 24 days after the case is put on its agenda). */
  meetsOn?: string;
};

export type DrivenCase = { id: string; decisionId: string | null; plan: CasePlan };

type Step = {
  action: CaseAction;
  gap: number;
  payload?: (day: string) => ActionPayload;
  before?: (day: string) => Promise<void>;
  after?: (day: string) => Promise<void>;
};

const GRADE_OF = { compliant: 'compliant', recommendations: 'with-recommendations', remarks: 'with-remarks', 'non-compliant': 'non-compliant' } as const;

async function topStandards(ctx: Ctx, caseId: string): Promise<string[]> {
  const c = await ctx.db.selectFrom('accreditation_cases').select('standard_set_id').where('id', '=', caseId).executeTakeFirstOrThrow();
  if (!c.standard_set_id) return [];
  const rows = await ctx.db
    .selectFrom('standards')
    .select('code')
    .where('set_id', '=', c.standard_set_id)
    .where('parent_code', 'is', null)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.code);
}

function gradesFor(codes: string[], grades: Grades) {
  return codes.map((code, i) => ({
    standardCode: code,
    // One standard carries the plan's weakest grade; the decision rule follows the weakest.
    grade: i === 1 ? GRADE_OF[grades] : 'compliant',
    findings: 'Панель изучила документы и провела интервью (демо). The panel reviewed the evidence and held interviews (demo).',
    ...(i === 1 && grades !== 'compliant' && { recommendations: 'Усилить участие работодателей в пересмотре программы (демо).' }),
    ...(i === 0 && { goodPractice: 'Сильная связь с отраслью через базовые кафедры (демо).' }),
  }));
}

/** What the decision rule will propose for the plan's grades (for the panel's recommendation). */
function proposal(plan: CasePlan, reaccreditation: boolean): { outcome: 'accredited' | 'refused'; termYears: number | null } {
  const g = plan.grades ?? 'compliant';
  if (g === 'non-compliant') return { outcome: 'refused', termYears: null };
  let term = g === 'remarks' ? 1 : g === 'recommendations' ? 3 : reaccreditation ? 7 : 5;
  if (plan.kind === 'programme' && plan.hasGraduates === false && term > 3) term = 3;
  return { outcome: 'accredited', termYears: term };
}

/** The path of actions to the plan's target, with what each step needs done before it. */
function pathTo(
  ctx: Ctx,
  plan: CasePlan,
  people: DemoPeople,
  team: Team | null,
  id: () => string,
  env: { batch?: FileBatch; reaccreditation: boolean },
): Step[] {
  const steps: Step[] = [
    { action: 'apply', gap: 7 },
    { action: 'register', gap: 3 },
    { action: 'start-initial-review', gap: 2 },
  ];
  const t = plan.target;
  if (t === 'rejected' || t === 'resubmitted' || t === 'appealed') {
    steps.push({ action: 'reject', gap: 10, payload: () => ({ rejectReason: 'no-website-information', comment: 'На сайте нет сведений о программе (демо)' }) });
    if (t === 'resubmitted') steps.push({ action: 'resubmit', gap: 12 });
    if (t === 'appealed')
      steps.push({
        action: 'appeal',
        gap: 9,
        payload: () => ({ comment: 'Сведения были на сайте; прилагаем архивную копию страницы (демо)' }),
        after: async (day) => {
          await fileAppeal(ctx, {
            caseId: id(),
            kind: 'appeal',
            subject: 'initial-review-rejection',
            form: 'written',
            signedBy: 'Ректор (демо)',
            signatoryPosition: 'Ректор',
            documentRef: 'Исх. № 02-15/118 (демо)',
            grounds: 'Сведения о программе были размещены на сайте до подачи заявки; прилагаем архивную копию страницы.',
            receivedOn: day,
          });
        },
      });
    return steps;
  }
  steps.push(
    { action: 'accept', gap: 8 },
    { action: 'start-contracting', gap: 3 },
    { action: 'sign-contract', gap: 16, payload: (day) => ({ contractNumber: `Д-${day.slice(0, 4)}/${id().slice(0, 4).toUpperCase()}`, signedOn: day }) },
    { action: 'assign-coordinator', gap: 4, payload: () => ({ coordinatorUserId: people.coordinatorUserId }) },
    { action: 'start-sar', gap: 5 },
  );
  if (t === 'sar-in-preparation') {
    (steps.at(-1) as Step).after = () => seedDemoSar(ctx, id(), { versions: 1, lastSubmitted: false });
    return steps;
  }
  steps.push(
    { action: 'submit-sar', gap: 80, before: () => seedDemoSar(ctx, id(), { versions: 1, lastSubmitted: true, batch: env.batch }) },
    { action: 'start-sar-review', gap: 5 },
  );
  if (t === 'terminated-noncompliant') {
    steps.push({
      action: 'terminate-noncompliant',
      gap: 30,
      payload: () => ({ writtenOpinion: 'Отчёт по самооценке не соответствует критериям: нет анализа по стандартам 3–6 (демо).' }),
    });
    return steps;
  }
  if (t === 'sar-revision-requested') {
    steps.push({
      action: 'request-sar-revision',
      gap: 35,
      payload: () => ({ comment: 'Дополнить анализ по стандарту 4 результатами опроса работодателей (демо)' }),
    });
    return steps;
  }
  // Without a panel team the case cannot pass the SAR review (the caller checks the target was reached).
  if (!team) return steps;
  const institutional = plan.kind === 'institutional';
  steps.push({
    action: 'accept-sar',
    gap: 40,
    after: async () => {
      const members = [
        { expertId: team.chair, role: 'chair' as const },
        { expertId: team.academic2, role: 'member' as const },
        { expertId: team.academic3, role: 'member' as const },
        { expertId: team.employer, role: 'member' as const },
        { expertId: team.student, role: 'member' as const },
        ...(institutional
          ? [
              { expertId: team.foreign, role: 'foreign' as const },
              { userId: people.coordinatorUserId, role: 'coordinator' as const },
            ]
          : []),
      ];
      const panel = await setPanel(ctx, id(), { members });
      if (plan.challenge) {
        const employer = panel.members.find((m) => m.expertId === team.employer);
        const challenge = await fileChallenge(ctx, id(), {
          memberId: employer?.id as string,
          reason: 'Эксперт входит в наблюдательный совет конкурирующего университета (демо).',
        });
        if (plan.challenge === 'open') return;
        await resolveChallenge(ctx, id(), challenge.id, {
          decision: 'replace',
          replacement: { expertId: team.spareEmployer },
          comment: 'Отвод обоснован; эксперт заменён (демо).',
        });
      }
      await acceptPanel(ctx, id(), 'Университет согласен с составом экспертной группы (демо).');
    },
  });
  const visit = { start: '', end: '' };
  steps.push({
    action: 'schedule-visit',
    gap: 10,
    before: async (day) => {
      visit.start = addDays(day, 21);
      visit.end = addDays(day, 23);
      await planVisit(ctx, id(), {
        mode: institutional ? 'on-site' : 'hybrid',
        startsOn: visit.start,
        endsOn: visit.end,
        schedule: [
          { day: visit.start, time: '09:00', activity: 'Встреча с руководством / Meeting with the leadership' },
          { day: addDays(visit.start, 1), time: '10:00', activity: 'Осмотр лабораторий / Tour of the laboratories' },
        ],
        interviewGroups: [
          { group: 'leadership', day: visit.start, time: '09:00' },
          { group: 'teaching-staff', day: visit.start, time: '14:00', participants: 18 },
          { group: 'students', day: addDays(visit.start, 1), time: '11:00', participants: 30 },
          { group: 'employers', day: visit.end, time: '10:00', participants: 8 },
        ],
      });
    },
    payload: () => ({ visitStart: visit.start, visitEnd: visit.end, visitFormat: institutional ? 'on-site' : 'hybrid' }),
  });
  steps.push({ action: 'start-visit', gap: 21 });
  const chair = () => asUser(ctx, team.chairUserId);
  steps.push({
    action: 'complete-visit',
    gap: 2,
    before: async () => {
      const me = await chair();
      await signOpinion(me, id(), 'Сильная лабораторная база; слабая вовлечённость работодателей (демо).');
      await signProtocol(me, id(), 'Протокол визита экспертной группы подписан председателем (демо).');
    },
  });
  steps.push({ action: 'start-report', gap: 1 });
  const grades = async () => gradesFor(await topStandards(ctx, id()), plan.grades ?? 'compliant');
  if (t === 'report-drafting') {
    (steps.at(-1) as Step).after = async () => {
      await createVersion(ctx, id(), { summary: 'Черновик отчёта (демо)', grades: (await grades()).slice(0, 4) });
    };
    return steps;
  }
  // The panel recommends what the rule will propose; the council's decision is set when it meets.
  const expected = plan.decision ?? proposal(plan, env.reaccreditation);
  const decided = { ...expected };
  steps.push({
    action: 'submit-draft-report',
    gap: 15,
    before: async () => {
      await createVersion(ctx, id(), {
        summary: 'Отчёт внешней экспертной группы (демо). External review report (demo).',
        recommendedOutcome: expected.outcome,
        ...(expected.termYears && { recommendedTermYears: expected.termYears as 1 }),
        grades: await grades(),
      });
      await submitReport(ctx, id());
    },
  });
  steps.push({ action: 'send-for-factual-check', gap: 6, before: async () => void (await checkTemplate(ctx, id(), { result: 'pass' })) });
  steps.push({
    action: 'finalise-report',
    gap: 13,
    before: async () => {
      await addFactualComments(ctx, id(), 'Уточнение: в таблице 2.3 данные за 2024 год; обновлённые данные прилагаются (демо).');
      await finalizeReport(ctx, id(), { grades: [] });
    },
  });
  let meetingId = '';
  const meetsOn = { day: '' };
  steps.push({
    action: 'schedule-council',
    gap: 10,
    before: async (day) => {
      meetsOn.day = plan.meetsOn ?? addDays(day, 24);
      // The council follows the decision rule's own proposal unless the plan departs from it.
      if (!plan.decision) {
        const c = await decisionCase(ctx.db, id());
        const { proposal: p } = await proposalFor(ctx, c as NonNullable<typeof c>, plan.programmeIds ?? []);
        decided.outcome = p.outcome;
        decided.termYears = p.termYears;
      }
      const meeting = await createMeeting(ctx, {
        bodyId: people.kazsee,
        meetsOn: meetsOn.day,
        location: 'Астана, зал заседаний KAZSEE / online',
        agenda: [{ caseId: id(), proposedOutcome: decided.outcome, proposedTermYears: decided.termYears as 1 | null }],
      });
      meetingId = meeting.id;
    },
    after: async () => {
      // Members vote as themselves; a recused one is skipped (the service would refuse them).
      const voters = t === 'council-scheduled' ? people.councilUserIds.slice(1, 3) : people.councilUserIds;
      for (const [i, userId] of voters.entries()) {
        try {
          await castVote(await asUser(ctx, userId), meetingId, { caseId: id(), choice: i === 3 ? 'abstain' : 'for' });
        } catch (error) {
          if ((error as { status?: number }).status !== 403) throw error;
        }
      }
    },
  });
  steps.push({
    action: 'decide',
    gap: 24,
    payload: () => ({ outcome: decided.outcome, termYears: decided.termYears, departureReason: plan.decision?.departureReason ?? null }),
    after: async () => void (await setMeetingStatus(ctx, meetingId, 'held')),
  });
  steps.push({ action: 'approve', gap: 12 });
  if (plan.eurAce && expected.outcome === 'accredited') {
    steps.push({ action: 'submit-to-enaee', gap: 5 });
    const approved = plan.enaee !== 'rejected';
    steps.push({
      action: approved ? 'record-enaee-approval' : 'record-enaee-rejection',
      gap: 60,
      ...(!approved && { payload: () => ({ comment: 'ENAEE: результаты обучения не покрывают инженерную практику (демо)' }) }),
    });
    steps.push({ action: 'publish-eur-ace', gap: 4 });
  } else {
    steps.push({ action: 'publish', gap: 3 });
  }
  return steps;
}

/** A past day as a moment at noon in Almaty (UTC+5). */
const noon = (day: string) => new Date(`${day}T12:00:00+05:00`);

async function decisionOf(ctx: Ctx, caseId: string): Promise<string | null> {
  const d = await ctx.db.selectFrom('accreditation_decisions').select('id').where('case_id', '=', caseId).orderBy('created_at', 'desc').executeTakeFirst();
  return d?.id ?? null;
}

/** Creates the case and takes every step to its target; returns the case and its decision. */
export async function driveCase(
  ctx: Ctx,
  plan: CasePlan,
  people: DemoPeople,
  team: Team | null,
  env: { batch?: FileBatch; reaccreditation?: boolean; reachedOn?: string } = {},
): Promise<DrivenCase> {
  let caseId = '';
  const bodyId = plan.body === 'kazsee' ? people.kazsee : people.iqaa;
  const target = plan.target === 'withdrawn' ? 'sar-in-preparation' : plan.target;
  const steps =
    target === 'draft' ? [] : pathTo(ctx, { ...plan, target }, people, team, () => caseId, { batch: env.batch, reaccreditation: env.reaccreditation ?? false });
  // The case starts as long before `reachedOn` as its path to the target takes.
  let days = plan.target === 'withdrawn' ? 20 : 0;
  for (const step of steps) {
    days += step.gap;
    if (TRANSITIONS[step.action].to === target) break;
  }
  const start = env.reachedOn ? addDays(env.reachedOn, -days) : plan.start;
  const created = await createCase(
    ctx,
    {
      bodyId,
      organizationId: plan.organizationId,
      kind: plan.kind,
      programmeIds: plan.programmeIds ?? [],
      eurAce: plan.eurAce ?? false,
      crossBorder: plan.crossBorder ?? false,
      hasStudents: true,
      hasGraduates: plan.hasGraduates ?? true,
    },
    { at: noon(start), isSynthetic: true },
  );
  caseId = created.id;
  let day = start;
  let state: CaseState = 'draft';
  for (const step of steps) {
    if (state === target) break;
    day = addDays(day, step.gap);
    await step.before?.(day);
    const after = await takeAction(ctx, caseId, step.action, step.payload?.(day) ?? {}, { at: noon(day) });
    state = after.state;
    await step.after?.(day);
  }
  if (state !== target) throw new Error(`demo case ${created.number} stopped at ${state}, not ${target}`);
  if (plan.target === 'withdrawn') {
    day = addDays(day, 20);
    await takeAction(ctx, caseId, 'withdraw', { comment: 'Университет отзывает заявку: смена руководства программы (демо)' }, { at: noon(day) });
  }
  const decisionId = await decisionOf(ctx, caseId);
  if (decisionId && plan.eurAce && (state === 'enaee-approved' || state === 'enaee-rejected' || state === 'published')) {
    await recordEnaeeDecision(ctx, decisionId, plan.enaee === 'rejected' ? 'rejected' : 'approved');
  }
  if (decisionId && state === 'published') {
    for (const channel of plan.publicationsDone ?? [])
      await markPublicationDone(ctx, caseId, channel, addDays(day, channel === 'ueis' ? 2 : channel === 'ministry' ? 7 : 25));
  }
  return { id: caseId, decisionId, plan };
}

/** An appeal against a council decision: filed, a commission formed, decided (or left under review). */
export async function appealDecision(ctx: Ctx, driven: DrivenCase, receivedOn: string, outcome: 'rejected' | 'pending', reason: string) {
  const appeal = await fileAppeal(ctx, {
    caseId: driven.id,
    kind: 'appeal',
    subject: 'council-decision',
    form: 'written',
    signedBy: 'Ректор (демо)',
    signatoryPosition: 'Ректор',
    documentRef: `Исх. № 01-12/${receivedOn.slice(5, 7)}${receivedOn.slice(8)} (демо)`,
    grounds: reason,
    receivedOn,
  });
  await setCommission(ctx, appeal.id, [
    { name: 'Председатель апелляционной комиссии (демо)', role: 'chair' },
    { name: 'Независимый эксперт (демо)', role: 'member' },
    { name: 'Представитель студентов (демо)', role: 'member' },
  ]);
  if (outcome === 'rejected') {
    await decideAppeal(ctx, appeal.id, {
      outcome: 'rejected',
      reason: 'Комиссия подтвердила оценку: нарушений процедуры не выявлено (демо).',
      decidedOn: addDays(receivedOn, 28),
    });
  }
  return appeal;
}
