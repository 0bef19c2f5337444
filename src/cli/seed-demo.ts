// `sapa seed --demo`: the SYNTHETIC demonstration data set. Every record it writes is marked
// is_synthetic; real reference organizations get synthetic programmes. All or nothing.
import { readFileSync } from 'node:fs';
import { createUser } from '../platform/auth/auth.service.ts';
import { type Ctx, inTransaction } from '../platform/context.ts';
import type { LangMap } from '../platform/db/schema.ts';
import { createOrganization } from '../registry/organization.service.ts';
import * as orgRepo from '../registry/organization.repository.ts';
import type { ProgrammeAction } from '../registry/programme-lifecycle.ts';
import type { ProgrammeInput } from '../registry/programme.schema.ts';
import { createProgramme, transitionProgramme, updateProgramme } from '../registry/programme.service.ts';
import { createQualification, registerCertificationCentre } from '../registry/qualification.service.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.ts';
import { seedDemoFrameworks } from '../frameworks/frameworks.demo.ts';
import { seedDemoAccreditation } from './seed-demo-accreditation.ts';
import { seedDemoCredentials } from './seed-demo-credentials.ts';
import { seedDemoOversight, seedDemoQaFailures } from './seed-demo-oversight.ts';
import { seedDemoStateControl } from './seed-demo-state-control.ts';
import type { Progress } from './seed-reference.ts';

type Template = { direction: string; name: LangMap };
type Catalog = {
  templates: Template[];
  outcomes: LangMap[];
  courses: { code: string; name: LangMap; cycle: string; component: string; credits: number; outcomes: string[] }[];
};

const catalog: Catalog = JSON.parse(readFileSync(new URL('../../data/demo/programme-templates.json', import.meta.url), 'utf8'));

export const DEMO_UNIVERSITY_COUNT = 36;
const PROGRAMMES_PER_UNIVERSITY = 9;
const DAY = 86_400_000;

const fill = (text: string, name: LangMap, lang: keyof LangMap) => text.replace(`{${lang}}`, name[lang]);
const localize = (m: LangMap, name: LangMap): LangMap => ({ kk: fill(m.kk, name, 'kk'), ru: fill(m.ru, name, 'ru'), en: fill(m.en, name, 'en') });

/** Which level a university's n-th programme is at: mostly bachelor, some master and doctoral. */
const LEVELS = [
  { digit: 6, letter: 'B', degree: 'bachelor', credits: 240 },
  { digit: 6, letter: 'B', degree: 'bachelor', credits: 240 },
  { digit: 6, letter: 'B', degree: 'bachelor', credits: 240 },
  { digit: 6, letter: 'B', degree: 'bachelor', credits: 240 },
  { digit: 6, letter: 'B', degree: 'bachelor', credits: 240 },
  { digit: 6, letter: 'B', degree: 'bachelor', credits: 240 },
  { digit: 7, letter: 'M', degree: 'master-scientific-pedagogical', credits: 120 },
  { digit: 7, letter: 'M', degree: 'master-profile', credits: 90 },
  { digit: 8, letter: 'D', degree: 'phd', credits: 180 },
] as const;

/** The lifecycle a demo programme goes through, so every status has examples. */
function journey(n: number): ProgrammeAction[] {
  const full: ProgrammeAction[] = ['submit', 'start-review', 'include'];
  switch (n % 20) {
    case 0: return [];
    case 1: return ['submit'];
    case 2: return ['submit', 'start-review'];
    case 3: return ['submit', 'start-review', 'return'];
    case 4: return [...full, 'start-update'];
    case 5: return [...full, 'exclude'];
    default: return full;
  }
}

async function demoUniversities(ctx: Ctx) {
  const rows = await ctx.db
    .selectFrom('organizations')
    .select(['id', 'key', 'region_code'])
    .where('kind', '=', 'university')
    .where('is_synthetic', '=', false)
    .where('status', '=', 'active')
    .orderBy((eb) => eb.case().when('region_code', 'is', null).then(1).else(0).end())
    .orderBy('key')
    .limit(DEMO_UNIVERSITY_COUNT)
    .execute();
  if (rows.length < 30) throw new Error('demo data needs the reference universities: run `sapa seed --reference` first');
  return rows;
}

async function groupFor(ctx: Ctx, letter: string, direction: string): Promise<string | undefined> {
  const row = await ctx.db
    .selectFrom('classifier_entries')
    .select('code')
    .where('classifier', '=', 'programme-group')
    .where('parent_code', '=', direction)
    .where('code', 'like', `${letter}%`)
    .orderBy('code')
    .executeTakeFirst();
  return row?.code;
}

async function seedProgrammes(
  ctx: Ctx,
  universities: { id: string; key: string | null }[],
  standardsByDirection: Map<string, string[]>,
  progress: Progress,
): Promise<Map<string, string[]>> {
  const byCode = new Map<string, string[]>();
  const directions = new Set(
    (await ctx.db.selectFrom('classifier_entries').select('code').where('classifier', '=', 'direction').execute()).map((r) => r.code),
  );
  const templates = catalog.templates.filter((t) => directions.has(t.direction));
  const total = universities.length * PROGRAMMES_PER_UNIVERSITY;
  let n = 0;
  for (const [u, university] of universities.entries()) {
    await orgRepo.insertLicence(ctx.db, university.id, {
      number: `DEMO-KZ${String(u + 1).padStart(3, '0')}LAA`,
      issuedOn: '2019-06-14',
      validUntil: null,
      programmeGroups: [],
      attachments: [],
      status: 'active',
    });
    for (let i = 0; i < PROGRAMMES_PER_UNIVERSITY; i++) {
      const template = templates[(u * 5 + i * 7) % templates.length] as Template;
      const level = LEVELS[i] as (typeof LEVELS)[number];
      const sequence = String(templates.filter((t) => t.direction === template.direction).indexOf(template) + 1).padStart(2, '0');
      const code = `${level.digit}${level.letter}${template.direction}${sequence}`;
      const created = new Date(Date.UTC(2022, 8, 1) + ((n * 3) % 500) * DAY);
      const input: ProgrammeInput = {
        organizationId: university.id,
        code,
        edition: 1,
        name: template.name,
        fieldCode: template.direction.slice(0, 2),
        directionCode: template.direction,
        groupCode: await groupFor(ctx, level.letter, template.direction),
        programmeType: n % 11 === 0 ? 'innovative' : n % 5 === 0 ? 'new' : 'existing',
        nqfLevel: level.digit,
        degree: level.degree,
        creditsEcts: level.credits,
        languages: n % 3 === 0 ? ['kk', 'ru', 'en'] : n % 3 === 1 ? ['kk', 'ru'] : ['ru'],
        studyForms: n % 7 === 0 ? ['full-time', 'part-time'] : ['full-time'],
        occupationalStandardIds: (standardsByDirection.get(template.direction) ?? []).slice(i % 3, (i % 3) + 2),
        atlasEntries: [],
        partnerIds: [],
        councilApprovedOn: created.toISOString().slice(0, 10),
        objective: localize({ kk: '«{kk}» бағыты бойынша бәсекеге қабілетті мамандар даярлау', ru: 'Подготовка конкурентоспособных специалистов в области «{ru}»', en: 'To prepare competitive specialists in {en}' }, template.name),
        outcomes: catalog.outcomes.map((o, k) => ({ code: `LO${k + 1}`, text: localize(o, template.name) })),
        courses: catalog.courses.map((c) => ({ ...c, name: localize(c.name, template.name) }) as ProgrammeInput['courses'][number]),
      };
      const programme = await createProgramme(ctx, input, { isSynthetic: true, at: created });
      let at = created.getTime();
      for (const action of journey(n)) {
        at += (action === 'include' ? 40 : 12) * DAY;
        const comment = action === 'return' ? 'Learning outcomes 3 and 4 are not measurable (demo)' : action === 'exclude' ? 'Licence for the group withdrawn (demo)' : undefined;
        await transitionProgramme(ctx, programme.id, action, comment, new Date(at));
      }
      if (journey(n).at(-1) === 'start-update') await updateProgramme(ctx, programme.id, { creditsEcts: level.credits, studyForms: ['full-time', 'online'] });
      if (journey(n).includes('include')) byCode.set(code, [...(byCode.get(code) ?? []), programme.id]);
      progress('demo programmes', ++n, total);
    }
  }
  return byCode;
}

async function seedQualifications(ctx: Ctx, byCode: Map<string, string[]>): Promise<void> {
  for (const [code, programmeIds] of byCode) {
    if (!code.startsWith('6B')) continue;
    const template = catalog.templates.find((t) => t.direction === code.slice(2, 5));
    const first = await ctx.db.selectFrom('programmes').select(['name_kk', 'name_ru', 'name_en']).where('id', '=', programmeIds[0] as string).executeTakeFirstOrThrow();
    if (!template) continue;
    await createQualification(
      ctx,
      {
        code: `HE-${code}`,
        name: { kk: `${first.name_kk} бакалавры`, ru: `Бакалавр: ${first.name_ru}`, en: `Bachelor of ${first.name_en}` },
        kind: 'higher-education',
        qualificationType: 'bachelor',
        nqfLevel: 6,
        fieldCode: code.slice(2, 4),
        occupations: [],
        programmeIds,
      },
      { isSynthetic: true },
    );
  }
}

async function seedDemoOrganizations(ctx: Ctx, energyStandards: string[]) {
  const make = (key: string, name: LangMap, kind: 'college' | 'competence-centre' | 'certification-centre', regionCode: string) =>
    createOrganization(ctx, { key, identifiers: {}, name, aliases: [], kind, regionCode, status: 'active', licences: [] }, { isSynthetic: true });
  const college = await make('demo-almaty-polytechnic-college', { kk: 'Алматы политехникалық колледжі (демо)', ru: 'Алматинский политехнический колледж (демо)', en: 'Almaty Polytechnic College (demo)' }, 'college', 'KZ-75');
  const centre = await make('demo-digital-competence-centre', { kk: 'Цифрлық құзыреттер орталығы (демо)', ru: 'Центр цифровых компетенций (демо)', en: 'Digital Competence Centre (demo)' }, 'competence-centre', 'KZ-71');
  const certification = await make('demo-energy-certification-centre', { kk: 'Энергетика біліктілігін растау орталығы (демо)', ru: 'Центр подтверждения квалификаций в энергетике (демо)', en: 'Energy Qualifications Certification Centre (demo)' }, 'certification-centre', 'KZ-71');
  await registerCertificationCentre(ctx, { organizationId: certification.id, sector: 'Electric power', occupationalStandardIds: energyStandards, accreditedOn: '2023-02-01', validUntil: '2028-02-01' }, { isSynthetic: true });
  return { college, centre, certification };
}

async function seedUsers(ctx: Ctx): Promise<void> {
  const keys = await ctx.db.selectFrom('organizations').select(['id', 'key']).where('key', 'is not', null).execute();
  for (const u of DEMO_USERS) {
    const organizationId = u.organization ? (keys.find((k) => k.key === u.organization)?.id ?? null) : null;
    await createUser(ctx, { email: u.email, displayName: u.name, password: DEMO_PASSWORD, roles: [{ role: u.role, organizationId }], isSynthetic: true });
  }
}

export async function seedDemo(ctx: Ctx, progress: Progress = () => {}): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const already = await trx.db.selectFrom('users').select('id').where('email', '=', DEMO_USERS[0]?.email ?? '').executeTakeFirst();
    if (already) {
      progress('demo data already present', 1, 1);
      return;
    }
    const universities = await demoUniversities(trx);
    const standardsByDirection = await seedDemoFrameworks(trx, progress);
    await seedDemoOrganizations(trx, standardsByDirection.get('071') ?? []);
    const byCode = await seedProgrammes(trx, universities, standardsByDirection, progress);
    await seedQualifications(trx, byCode);
    progress('demo qualifications', 1, 1);
    await seedUsers(trx);
    progress('demo users', DEMO_USERS.length, DEMO_USERS.length);
    // Before accreditation: its decisions need the universities' accepted internal QA self-assessments.
    await seedDemoOversight(trx, universities);
    progress('demo internal QA self-assessments', 1, 1);
    await seedDemoQaFailures(trx, universities);
    progress('demo QA-system failures', 1, 1);
    await seedDemoStateControl(trx, universities);
    progress('demo state control results', 1, 1);
    await seedDemoAccreditation(trx, progress);
    await seedDemoCredentials(trx, progress);
  });
}
