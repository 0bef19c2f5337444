// The people and the frame of the accreditation demo: IQAA's recognition beside
// KAZSEE's, KAZSEE's 2018 standards for the older cases, extra demo accounts (panel chairs and
// council members), the experts database and the council members' declared conflicts. Synthetic.

import { declareConflict } from '../accreditation/council.service.ts';
import { createExpert, excludeExpert } from '../accreditation/experts.service.ts';
import { addRecognition } from '../accreditation/recognition.service.ts';
import { createSetVersion } from '../accreditation/standards.service.ts';
import type { Actor, Role } from '../platform/access/roles.ts';
import { createUser } from '../platform/auth/auth.service.ts';
import { addDays, todayInAlmaty } from '../platform/calendar/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { DEMO_PASSWORD } from './demo-users.ts';

export type Team = {
  chair: string;
  academic2: string;
  academic3: string;
  employer: string;
  student: string;
  foreign: string;
  spareEmployer: string;
  chairUserId: string;
};

export type DemoPeople = {
  kazsee: string;
  iqaa: string;
  coordinatorUserId: string;
  councilUserIds: string[];
  /** Panel teams: team n serves the n-th case with a panel at each organization (panel service conflicts otherwise). */
  teams: Team[];
  expertIds: string[];
};

export async function orgIdByKey(ctx: Ctx, key: string): Promise<string> {
  const row = await ctx.db.selectFrom('organizations').select('id').where('key', '=', key).executeTakeFirst();
  if (!row) throw new Error(`demo accreditation data needs the organization '${key}': run \`sapa seed --reference\` first`);
  return row.id;
}

async function userIdByEmail(ctx: Ctx, email: string): Promise<string> {
  return (await ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

/** The same context acting as a user (experts sign protocols, council members vote as themselves). */
export async function asUser(ctx: Ctx, userId: string): Promise<Ctx> {
  const [user, roles] = await Promise.all([
    ctx.db.selectFrom('users').select(['display_name']).where('id', '=', userId).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('role_assignments').select(['role', 'organization_id']).where('user_id', '=', userId).execute(),
  ]);
  const actor: Actor = {
    kind: 'user',
    userId,
    label: user.display_name,
    roles: roles.map((r) => ({ role: r.role as Role, organizationId: r.organization_id })),
  };
  return { ...ctx, actor };
}

async function demoUser(ctx: Ctx, email: string, name: string, role: Role, organizationId: string | null): Promise<string> {
  const { id } = await createUser(ctx, { email, displayName: name, password: DEMO_PASSWORD, roles: [{ role, organizationId }], isSynthetic: true });
  return id;
}

/** IQAA in Register 1 (a synthetic order), so that two bodies are recognized in the demo. */
async function recognizeIqaa(ctx: Ctx, iqaa: string): Promise<void> {
  await addRecognition(ctx, iqaa, {
    national: true,
    orderNumber: 'DEMO-117',
    orderDate: '2019-03-12',
    validFrom: '2019-03-12',
    validTo: null,
    status: 'active',
    scopeTypes: ['institutional', 'programme'],
    scopeLevels: [],
    scopeFields: [],
    networks: ['ENQA', 'EQAR'],
    legalDetails: { synthetic: true, register: 'Register 1 (MES RK), demonstration entry' },
  });
}

/** KAZSEE's standards before the 2021 revision, for the demo's older cases (the reference sets start in 2024). */
async function standards2018(ctx: Ctx, kazsee: string): Promise<void> {
  for (const scope of ['institutional', 'programme'] as const) {
    const set = await ctx.db
      .selectFrom('standard_sets')
      .select(['id', 'title_kk', 'title_ru', 'title_en'])
      .where('key', '=', `kazsee-${scope}`)
      .orderBy('valid_from')
      .executeTakeFirst();
    if (!set) continue;
    const rows = await ctx.db.selectFrom('standards').selectAll().where('set_id', '=', set.id).orderBy('position').execute();
    const title = (r: { title_kk: string | null; title_ru: string | null; title_en: string | null }) => ({
      kk: r.title_kk ?? r.title_ru ?? '',
      ru: r.title_ru ?? '',
      en: r.title_en ?? r.title_ru ?? '',
    });
    await createSetVersion(ctx, {
      key: `kazsee-${scope}-2018`,
      version: '2018',
      ownerOrganizationId: kazsee,
      scope,
      title: { kk: `${set.title_kk} (2018, демо)`, ru: `${set.title_ru} (2018, демо)`, en: `${set.title_en} (2018, demo)` },
      validFrom: '2018-01-01',
      standards: rows
        .filter((r) => r.parent_code === null)
        .map((s) => ({
          code: s.code,
          title: title(s),
          criteria: rows.filter((c) => c.parent_code === s.code).map((c) => ({ code: c.code, title: title(c) })),
        })),
    });
  }
}

const signed = { conflictOfInterest: '2025-01-20', confidentiality: '2025-01-20', codeOfEthics: '2025-01-20' };

const ACADEMICS = [
  ['Серік Әбдірахманов', 'doctor', 'профессор'],
  ['Галина Ким', 'candidate', 'доцент'],
  ['Нұржан Сейітов', 'phd', 'қауымдастырылған профессор'],
  ['Ольга Петренко', 'doctor', 'профессор'],
  ['Әсем Төлегенова', 'phd', null],
  ['Бауыржан Құлмағамбетов', 'candidate', 'доцент'],
  ['Елена Васильева', 'phd', null],
  ['Мұрат Оспанов', 'doctor', 'профессор'],
  ['Жанар Исабекова', 'candidate', null],
  ['Дмитрий Соколов', 'phd', 'ассоциированный профессор'],
] as const;
const EMPLOYERS = [
  'Арман Жақыпов (ҚазМұнайГаз)',
  'Ирина Белова (Kazakhtelecom)',
  'Талғат Нұрпейісов (KEGOC)',
  'Светлана Ли (Air Astana)',
  'Ержан Бекмұхамбетов (Kazatomprom)',
  'Айдос Мұқанов (Samruk-Energy)',
];
const STUDENTS = ['Аружан Сәкенова', 'Тимур Ахметжанов', 'Дильназ Қайратқызы', 'Максим Орлов', 'Айша Серікқызы'];
const FOREIGN = [
  ['Markus Weber', 'DE'],
  ['Anna Kowalska', 'PL'],
  ['Jean Dupont', 'FR'],
  ['Laura Rossi', 'IT'],
  ['Tomas Novak', 'CZ'],
] as const;

async function expert(
  ctx: Ctx,
  bodyId: string,
  input: {
    fullName: string;
    category: string;
    degree?: string;
    academicTitle?: string | null;
    country?: string;
    priorPanels?: number;
    userId?: string;
    languages?: string[];
  },
) {
  const e = await createExpert(ctx, {
    bodyId,
    fullName: input.fullName,
    email: null,
    country: input.country ?? 'KZ',
    category: input.category as 'academic',
    degree: (input.degree ?? 'none') as 'none',
    academicTitle: input.academicTitle ?? null,
    fields: ['05', '06', '07'],
    languages: input.languages ?? ['kk', 'ru'],
    certificateNumber: null,
    certifiedOn: '2024-06-14',
    // Valid for years from whenever the demo is seeded (panels are judged on the real today).
    certificationExpiresOn: addDays(todayInAlmaty(), 1500),
    training: [{ title: 'KAZSEE expert training (ESG 2015, EUR-ACE®)', on: '2024-06-14', hours: 24 }],
    declarations: signed,
    priorPanels: input.priorPanels ?? 0,
    affiliations: [],
    declaredConflicts: [],
    ...(input.userId && { userId: input.userId }),
  });
  return e.id;
}

/** Panel teams of KAZSEE experts; team n's chair has a user account (the first is expert@demo.sapa.kz). */
async function teams(ctx: Ctx, kazsee: string, count: number): Promise<Team[]> {
  const out: Team[] = [];
  for (let n = 0; n < count; n++) {
    const chairUserId =
      n === 0
        ? await userIdByEmail(ctx, 'expert@demo.sapa.kz')
        : await demoUser(ctx, `expert${n + 1}@demo.sapa.kz`, `${ACADEMICS[(n * 3) % ACADEMICS.length]?.[0]} (expert, demo)`, 'expert', null);
    out.push(await makeTeam(ctx, kazsee, n, chairUserId));
  }
  return out;
}

/** One panel team (chair, two more academics, employer, student, foreign expert, a spare employer) of a body. */
export async function makeTeam(ctx: Ctx, kazsee: string, n: number, chairUserId: string): Promise<Team> {
  const academic = (k: number) => ACADEMICS[(n * 3 + k) % ACADEMICS.length] as (typeof ACADEMICS)[number];
  const [chairName, chairDegree, chairTitle] = academic(0);
  /** The k-th academic of the team, with as many earlier panels. */
  const academicExpert = (k: number, priorPanels: number) => {
    const [fullName, degree, academicTitle] = academic(k);
    return expert(ctx, kazsee, { fullName, category: 'academic', degree, academicTitle, priorPanels });
  };
  return {
    chairUserId,
    chair: await expert(ctx, kazsee, {
      fullName: n === 0 ? 'Гүлнар Қасымова' : chairName,
      category: 'academic',
      degree: n === 0 ? 'doctor' : chairDegree,
      academicTitle: chairTitle,
      priorPanels: 12,
      userId: chairUserId,
    }),
    academic2: await academicExpert(1, 4),
    academic3: await academicExpert(2, 1),
    employer: await expert(ctx, kazsee, { fullName: EMPLOYERS[n % EMPLOYERS.length] as string, category: 'employer' }),
    student: await expert(ctx, kazsee, { fullName: STUDENTS[n % STUDENTS.length] as string, category: 'student' }),
    foreign: await expert(ctx, kazsee, {
      fullName: FOREIGN[n % FOREIGN.length]?.[0] as string,
      category: 'foreign',
      degree: 'phd',
      country: FOREIGN[n % FOREIGN.length]?.[1],
      languages: ['en', 'ru'],
      priorPanels: 2,
    }),
    spareEmployer: await expert(ctx, kazsee, { fullName: EMPLOYERS[(n + 3) % EMPLOYERS.length] as string, category: 'employer' }),
  };
}

export async function seedPeople(ctx: Ctx, options: { teams: number; councilConflictOrganizationId: string; satbayev: string }): Promise<DemoPeople> {
  const kazsee = await orgIdByKey(ctx, 'kazsee');
  const iqaa = await orgIdByKey(ctx, 'iqaa');
  await recognizeIqaa(ctx, iqaa);
  await standards2018(ctx, kazsee);
  const coordinatorUserId = await userIdByEmail(ctx, 'agency@demo.sapa.kz');
  const councilUserIds = [await userIdByEmail(ctx, 'council@demo.sapa.kz')];
  for (const [i, name] of ['Марина Ковалёва', 'Ғалым Ержанов', 'Сәуле Ахметова', 'Виктор Павлов'].entries()) {
    councilUserIds.push(await demoUser(ctx, `council${i + 2}@demo.sapa.kz`, `${name} (council member, demo)`, 'council-member', kazsee));
  }
  // Recusals: the last member is tied to Satbayev University; council@demo to another applicant.
  await declareConflict(await asUser(ctx, councilUserIds.at(-1) as string), {
    organizationId: options.satbayev,
    reason: 'Член попечительского совета университета до 2024 года (демо)',
  });
  await declareConflict(await asUser(ctx, councilUserIds[0] as string), {
    organizationId: options.councilConflictOrganizationId,
    reason: 'Жұбайы осы университетте жұмыс істейді (демо)',
  });
  const panelTeams = await teams(ctx, kazsee, options.teams);
  // The experts database also shows someone excluded.
  const excluded = await expert(ctx, kazsee, { fullName: 'Қанат Жұмабеков', category: 'academic', degree: 'candidate', priorPanels: 3 });
  await excludeExpert(ctx, excluded, 'Нарушение кодекса этики эксперта: разглашение проекта отчёта (демо)');
  const expertIds = [...panelTeams.flatMap(({ chairUserId: _u, ...experts }) => Object.values(experts)), excluded];
  return { kazsee, iqaa, coordinatorUserId, councilUserIds, teams: panelTeams, expertIds };
}
