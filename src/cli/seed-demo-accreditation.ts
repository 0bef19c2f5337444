// Demonstration accreditation data: KAZSEE and IQAA in Register 1, KAZSEE's
// experts and council, and cases in EVERY state of the case machine — programme and institutional,
// EUR-ACE® and cross-border — driven through the real services with past dates, so that every
// workspace and public page has something to show: Registers 2 and 3 (1/3/5/7-year terms, an
// expired and a negative decision), appeals, follow-up items, overdue deadlines, a challenged and
// replaced expert, a recused council member. Satbayev University (the demo admin's) has several
// cases. Runs inside the demo seed's transaction with the system actor; synthetic throughout.

import { fileAppeal } from '../accreditation/appeal.service.ts';
import { type CaseState, statesFrom } from '../accreditation/case-states.ts';
import { createFollowUp, reviewFollowUp, submitFollowUp } from '../accreditation/follow-up.service.ts';
import { addDays, todayInAlmaty } from '../platform/calendar/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { withFileBatch } from '../platform/files/files.ts';
import { programmeInputSchema } from '../registry/programme.schema.ts';
import { createProgramme, transitionProgramme } from '../registry/programme.service.ts';
import { appealDecision, type CasePlan, type DrivenCase, driveCase } from './seed-demo-accreditation-cases.ts';
import { orgIdByKey, seedPeople } from './seed-demo-accreditation-people.ts';
import type { Progress } from './seed-reference.ts';

/** States from which a case has a panel (it is formed when the SAR is accepted). */
const WITH_PANEL: readonly CaseState[] = statesFrom('sar-accepted', 'published');

type Candidate = { organizationId: string; programmes: { id: string; field: string }[] };

/** Universities with included demo programmes outside medicine (KAZSEE is not in WFME). */
async function candidates(ctx: Ctx, satbayev: string): Promise<Candidate[]> {
  const rows = await ctx.db
    .selectFrom('programmes as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select(['p.id', 'p.organization_id', 'p.field_code', 'o.key'])
    .where('p.is_synthetic', '=', true)
    .where('p.status', '=', 'included')
    .where('p.field_code', '<>', '10')
    .where('o.kind', '=', 'university')
    .where('p.organization_id', '<>', satbayev)
    .orderBy('o.key')
    .orderBy('p.code')
    .execute();
  const out = new Map<string, Candidate>();
  for (const r of rows) {
    const c = out.get(r.organization_id) ?? { organizationId: r.organization_id, programmes: [] };
    c.programmes.push({ id: r.id, field: r.field_code });
    out.set(r.organization_id, c);
  }
  return [...out.values()];
}

const SATBAYEV_PROGRAMMES = [
  ['6B07101', '071', { kk: 'Электр энергетикасы', ru: 'Электроэнергетика', en: 'Electric power engineering' }],
  ['6B07201', '072', { kk: 'Мұнай-газ ісі', ru: 'Нефтегазовое дело', en: 'Petroleum engineering' }],
  ['6B07301', '073', { kk: 'Сәулет', ru: 'Архитектура', en: 'Architecture' }],
  ['6B06101', '061', { kk: 'Ақпараттық жүйелер', ru: 'Информационные системы', en: 'Information systems' }],
  ['7M07101', '071', { kk: 'Автоматтандыру және басқару', ru: 'Автоматизация и управление', en: 'Automation and control' }],
] as const;

/** Satbayev University's own demo programmes (it is not among the universities the demo fills). */
async function satbayevProgrammes(ctx: Ctx, satbayev: string): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, [code, direction, name]] of SATBAYEV_PROGRAMMES.entries()) {
    const master = code.startsWith('7');
    const input = programmeInputSchema.parse({
      organizationId: satbayev,
      code: `${code.slice(0, 5)}${String(90 + i).padStart(2, '0')}`,
      name,
      fieldCode: direction.slice(0, 2),
      directionCode: direction,
      nqfLevel: master ? 7 : 6,
      degree: master ? 'master-profile' : 'bachelor',
      creditsEcts: master ? 90 : 240,
      languages: ['kk', 'ru', 'en'],
      councilApprovedOn: '2018-05-30',
      outcomes: [
        {
          code: 'LO1',
          text: { kk: `${name.kk} саласындағы жүйелерді жобалайды`, ru: `Проектирует системы в области «${name.ru}»`, en: `Designs systems in ${name.en}` },
        },
      ],
      courses: [
        {
          code: 'ENG101',
          name: { kk: 'Инженерлік жобалау', ru: 'Инженерное проектирование', en: 'Engineering design' },
          cycle: 'major',
          component: 'core',
          credits: 6,
          outcomes: ['LO1'],
        },
      ],
    });
    const created = await createProgramme(ctx, input, { isSynthetic: true, at: new Date('2018-06-01T12:00:00+05:00') });
    for (const [k, action] of (['submit', 'start-review', 'include'] as const).entries()) {
      await transitionProgramme(ctx, created.id, action, undefined, new Date(Date.UTC(2018, 6, 1 + k * 20)));
    }
    ids.push(created.id);
  }
  return ids;
}

type Spec = Omit<CasePlan, 'organizationId' | 'programmeIds' | 'start'> & {
  /** Which organization: 'satbayev' or the n-th other university (IQAA's cases too). */
  at: 'satbayev' | number;
  /** The day the target state was reached (the case starts as long before as its path takes). */
  reachedOn: string;
  programme?: number;
  reaccreditation?: boolean;
  tag?: 'follow-ups' | 'appeal-rejected' | 'appeal-pending' | 'complaint';
};

const ALL = ['ueis', 'ministry', 'website'] as const;

/** The demo's cases: at least one per state (the test checks), with the features each page needs. */
const SPECS: Spec[] = [
  // Satbayev University: an expired first accreditation, its 7-year renewal, programmes in Register 3.
  { at: 'satbayev', body: 'kazsee', kind: 'institutional', target: 'published', reachedOn: '2019-11-20', publicationsDone: [...ALL] },
  { at: 'satbayev', body: 'kazsee', kind: 'institutional', target: 'published', reachedOn: '2025-01-25', reaccreditation: true, publicationsDone: [...ALL] },
  {
    at: 'satbayev',
    body: 'kazsee',
    kind: 'programme',
    programme: 0,
    target: 'published',
    grades: 'recommendations',
    reachedOn: '2025-07-01',
    publicationsDone: ['ueis', 'ministry'],
    tag: 'follow-ups',
  },
  {
    at: 'satbayev',
    body: 'kazsee',
    kind: 'programme',
    programme: 1,
    eurAce: true,
    enaee: 'approved',
    target: 'published',
    reachedOn: '2026-02-20',
    publicationsDone: [...ALL],
  },
  { at: 'satbayev', body: 'kazsee', kind: 'programme', programme: 2, target: 'council-scheduled', meetsOn: '2026-12-08', reachedOn: '2026-11-12' },
  { at: 'satbayev', body: 'kazsee', kind: 'programme', programme: 3, target: 'sar-in-preparation', reachedOn: '2026-04-15' },
  { at: 'satbayev', body: 'kazsee', kind: 'programme', programme: 4, target: 'draft', reachedOn: '2026-11-20' },
  // Other universities: one case in each remaining state.
  {
    at: 0,
    body: 'kazsee',
    kind: 'programme',
    target: 'published',
    grades: 'non-compliant',
    reachedOn: '2025-10-15',
    publicationsDone: [...ALL],
    tag: 'appeal-rejected',
  },
  { at: 1, body: 'kazsee', kind: 'institutional', target: 'published', reachedOn: '2025-03-10', publicationsDone: [...ALL] },
  {
    at: 2,
    body: 'kazsee',
    kind: 'institutional',
    crossBorder: true,
    target: 'published',
    reachedOn: '2025-12-05',
    publicationsDone: ['ueis'],
    decision: { outcome: 'accredited', termYears: 3, departureReason: 'Совет сократил срок: филиал открыт недавно, выпуск ещё не состоялся (демо).' },
  },
  {
    at: 3,
    body: 'kazsee',
    kind: 'programme',
    target: 'published',
    grades: 'remarks',
    reachedOn: '2026-05-20',
    publicationsDone: [...ALL],
    tag: 'appeal-pending',
  },
  { at: 4, body: 'kazsee', kind: 'programme', target: 'council-decided', grades: 'recommendations', reachedOn: '2026-11-05' },
  { at: 5, body: 'kazsee', kind: 'programme', hasGraduates: false, target: 'approved', reachedOn: '2026-11-15' },
  { at: 6, body: 'kazsee', kind: 'programme', eurAce: true, target: 'enaee-submitted', reachedOn: '2026-10-20' },
  { at: 7, body: 'kazsee', kind: 'programme', eurAce: true, enaee: 'approved', target: 'enaee-approved', reachedOn: '2026-11-01' },
  { at: 8, body: 'kazsee', kind: 'programme', eurAce: true, enaee: 'rejected', target: 'enaee-rejected', reachedOn: '2026-10-10' },
  { at: 9, body: 'kazsee', kind: 'programme', target: 'council-scheduled', meetsOn: '2026-12-08', reachedOn: '2026-11-12' },
  { at: 10, body: 'kazsee', kind: 'programme', challenge: 'replaced', target: 'report-final', reachedOn: '2026-11-18', tag: 'complaint' },
  { at: 11, body: 'kazsee', kind: 'programme', target: 'report-factual-check', reachedOn: '2026-10-20' },
  { at: 12, body: 'kazsee', kind: 'programme', target: 'report-template-check', reachedOn: '2026-11-16' },
  { at: 13, body: 'kazsee', kind: 'programme', target: 'report-drafting', reachedOn: '2026-11-10' },
  { at: 14, body: 'kazsee', kind: 'institutional', target: 'visit-completed', reachedOn: '2026-11-19' },
  { at: 15, body: 'kazsee', kind: 'programme', target: 'visit-in-progress', reachedOn: '2026-11-23' },
  { at: 16, body: 'kazsee', kind: 'programme', target: 'visit-scheduled', reachedOn: '2026-11-09' },
  { at: 17, body: 'kazsee', kind: 'programme', challenge: 'open', target: 'sar-accepted', reachedOn: '2026-11-02' },
  { at: 18, body: 'kazsee', kind: 'programme', target: 'sar-revision-requested', reachedOn: '2026-10-01' },
  { at: 19, body: 'kazsee', kind: 'programme', target: 'sar-review', reachedOn: '2026-08-10' },
  { at: 20, body: 'kazsee', kind: 'programme', target: 'sar-submitted', reachedOn: '2026-11-18' },
  { at: 21, body: 'kazsee', kind: 'programme', target: 'terminated-noncompliant', reachedOn: '2026-06-30' },
  { at: 22, body: 'kazsee', kind: 'institutional', target: 'coordinator-assigned', reachedOn: '2026-11-16' },
  { at: 23, body: 'kazsee', kind: 'programme', target: 'contract-signed', reachedOn: '2026-11-11' },
  { at: 24, body: 'kazsee', kind: 'programme', target: 'accepted', reachedOn: '2026-11-13' },
  { at: 25, body: 'kazsee', kind: 'programme', target: 'rejected', reachedOn: '2026-10-28' },
  { at: 26, body: 'kazsee', kind: 'programme', target: 'resubmitted', reachedOn: '2026-11-17' },
  { at: 27, body: 'kazsee', kind: 'programme', target: 'appealed', reachedOn: '2026-11-06' },
  { at: 28, body: 'kazsee', kind: 'programme', target: 'withdrawn', reachedOn: '2026-09-01' },
  { at: 29, body: 'kazsee', kind: 'programme', target: 'submitted', reachedOn: '2026-11-21' },
  { at: 30, body: 'kazsee', kind: 'programme', target: 'contracting', reachedOn: '2026-11-19' },
  { at: 31, body: 'iqaa', kind: 'institutional', target: 'registered', reachedOn: '2026-11-18' },
  { at: 32, body: 'iqaa', kind: 'programme', target: 'initial-review', reachedOn: '2026-11-20' },
  { at: 33, body: 'iqaa', kind: 'programme', target: 'contracting', reachedOn: '2026-11-04' },
];

/**
 * The specs' dates are written as seen on DEMO_TODAY; the demo moves them by the days since, so
 * that deadlines are as overdue and meetings as upcoming whenever it is seeded.
 */
const DEMO_TODAY = '2026-11-24';
let shiftDays = 0;
const on = (day: string) => addDays(day, shiftDays);

/** The other university whose case council@demo is recused on (spec 'at: 9'). */
const COUNCIL_CONFLICT_AT = 9;

export async function seedDemoAccreditation(ctx: Ctx, progress: Progress): Promise<void> {
  shiftDays = Math.max(0, Math.round((Date.parse(todayInAlmaty()) - Date.parse(DEMO_TODAY)) / 86_400_000));
  const satbayev = await orgIdByKey(ctx, 'satbayev-university');
  const pool = await candidates(ctx, satbayev);
  if (!pool.length) throw new Error('demo accreditation data needs demo programmes');
  const orgAt = (n: number) => pool[n % pool.length] as Candidate;
  const teamsNeeded = new Map<string, number>();
  for (const s of SPECS) {
    if (!WITH_PANEL.includes(s.target)) continue;
    const key = s.at === 'satbayev' ? satbayev : orgAt(s.at).organizationId;
    teamsNeeded.set(key, (teamsNeeded.get(key) ?? 0) + 1);
  }
  const people = await seedPeople(ctx, {
    teams: Math.max(...teamsNeeded.values()),
    councilConflictOrganizationId: orgAt(COUNCIL_CONFLICT_AT).organizationId,
    satbayev,
  });
  const satbayevIds = await satbayevProgrammes(ctx, satbayev);
  progress('demo accreditation people', 1, 1);

  const used = new Set<string>();
  const teamsUsed = new Map<string, number>();
  const driven: (DrivenCase & { spec: Spec })[] = [];
  await withFileBatch(async (batch) => {
    for (const [i, spec] of SPECS.entries()) {
      const organizationId = spec.at === 'satbayev' ? satbayev : orgAt(spec.at).organizationId;
      let programmeIds: string[] = [];
      if (spec.kind === 'programme') {
        if (spec.at === 'satbayev') programmeIds = [satbayevIds[spec.programme ?? 0] as string];
        else {
          const own = orgAt(spec.at).programmes.filter((p) => !used.has(p.id));
          const pick = (spec.eurAce && own.find((p) => p.field === '07')) || own[0];
          if (!pick) throw new Error('demo accreditation data: no free programme');
          programmeIds = [pick.id];
        }
        for (const id of programmeIds) used.add(id);
      }
      let team = null;
      if (WITH_PANEL.includes(spec.target)) {
        const n = teamsUsed.get(organizationId) ?? 0;
        teamsUsed.set(organizationId, n + 1);
        team = people.teams[n] ?? null;
      }
      const plan: CasePlan = { ...spec, organizationId, programmeIds, start: on(spec.reachedOn), ...(spec.meetsOn && { meetsOn: on(spec.meetsOn) }) };
      const result = await driveCase(ctx, plan, people, team, {
        // Evidence PDFs for Satbayev University's cases only: enough to show, quick to make.
        ...(spec.at === 'satbayev' && { batch }),
        reaccreditation: spec.reaccreditation ?? false,
        reachedOn: on(spec.reachedOn),
      });
      driven.push({ ...result, spec });
      progress('demo accreditation cases', i + 1, SPECS.length);
    }
  });

  for (const d of driven) await afterDecision(ctx, d);
  await markSynthetic(
    ctx,
    driven.map((d) => d.id),
    people.expertIds,
  );
  progress('demo accreditation follow-up', 1, 1);
}

/** Follow-up items, appeals and a complaint on the cases that show them. */
async function afterDecision(ctx: Ctx, d: DrivenCase & { spec: Spec }): Promise<void> {
  const decided = d.decisionId;
  if (d.spec.tag === 'follow-ups' && decided) {
    await createFollowUp(ctx, decided, {
      kind: 'recommendation',
      title: 'Вовлечь работодателей в пересмотр результатов обучения (демо)',
      standardCode: '2',
      dueOn: on('2026-06-30'),
    });
    const plan = await createFollowUp(ctx, decided, { kind: 'corrective-action-plan', title: 'План корректирующих действий (демо)', dueOn: on('2025-09-30') });
    await submitFollowUp(ctx, plan.id, {
      text: 'План корректирующих действий на 2025–2027 годы (демо).',
      documentRef: 'Исх. № 05-11/204',
      submittedOn: on('2025-09-20'),
    });
    await reviewFollowUp(ctx, plan.id, { result: 'accepted', comment: 'План принят (демо).', reviewedOn: on('2025-10-06') });
    await createFollowUp(ctx, decided, { kind: 'interim-report', title: 'Промежуточный отчёт о выполнении рекомендаций (демо)', dueOn: on('2027-06-30') });
  }
  if (d.spec.tag === 'appeal-rejected' && decided) {
    await appealDecision(
      ctx,
      d,
      addDays(on(d.spec.reachedOn), 10),
      'rejected',
      'Университет не согласен с оценкой «не соответствует» по стандарту 2: доказательства были представлены (демо).',
    );
  }
  if (d.spec.tag === 'appeal-pending' && decided) {
    await createFollowUp(ctx, decided, {
      kind: 'condition',
      title: 'Устранить замечания по стандарту 2 до повторной экспертизы (демо)',
      standardCode: '2',
      dueOn: on('2027-01-31'),
    });
    await appealDecision(
      ctx,
      d,
      addDays(on(d.spec.reachedOn), 12),
      'pending',
      'Срок аккредитации 1 год несоразмерен: замечания устранены до заседания совета (демо).',
    );
  }
  if (d.spec.tag === 'complaint') {
    await fileAppeal(ctx, {
      caseId: d.id,
      kind: 'complaint',
      subject: 'panel',
      form: 'written',
      signedBy: 'Проректор по академическим вопросам (демо)',
      signatoryPosition: 'Проректор',
      documentRef: 'Исх. № 03-07/77 (демо)',
      grounds: 'Визит начался на два часа позже согласованной программы (демо).',
      receivedOn: on('2026-11-20'),
    });
  }
}

/**
 * The services create decisions and experts without the synthetic flag (they have no such input):
 * the demo marks what it made so that it can never be taken for real data.
 */
async function markSynthetic(ctx: Ctx, caseIds: string[], expertIds: string[]): Promise<void> {
  if (caseIds.length) await ctx.db.updateTable('accreditation_decisions').set({ is_synthetic: true }).where('case_id', 'in', caseIds).execute();
  await ctx.db.updateTable('experts').set({ is_synthetic: true }).where('id', 'in', expertIds).execute();
}
