// Each role is refused outside its scope, for reading (case, SAR, panel, report draft, council
// votes) and for acting (a transition, a panel edit, a vote, the approval, an appeal decision),
// and allowed inside it. The cases are set up through the services (as the demo seed does); every
// check goes through the HTTP API.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { appealDecision, driveCase } from '../src/cli/seed-demo-accreditation-cases.ts';
import { type DemoPeople, makeTeam } from '../src/cli/seed-demo-accreditation-people.ts';
import { inTransaction } from '../src/platform/context.ts';
import { programmeInputSchema } from '../src/registry/programme.schema.ts';
import { createProgramme, transitionProgramme } from '../src/registry/programme.service.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { orgIdByKey } from './helpers/factories.ts';

let t: TestApp;
const org = {} as Record<'kazsee' | 'naar' | 'iqaa' | 'satbayev' | 'kaznu' | 'enu', string>;
const ids = {} as Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'meetingB' | 'appealD', string>;
let members: { expertId?: string; userId?: string; role: string }[] = [];

const ROLES = [
  'ministry',
  'org-admin (other organization)',
  'org-editor (own organization)',
  'org-admin (own organization)',
  'agency-staff (other body)',
  'agency-staff (own body)',
  'agency-head (own body)',
  'expert (not on the panel)',
  'expert (chair of the panel)',
  'council-member (other body)',
  'council-member (own body)',
  'learner',
  'anonymous',
] as const;
type Who = (typeof ROLES)[number];
const tok = {} as Record<Who, string | undefined>;

const orgId = (key: string) => orgIdByKey(t.db, key);
async function lastUserId(): Promise<string> {
  return (await t.db.selectFrom('users').select('id').orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow()).id;
}

let programmeNo = 0;
async function programme(organizationId: string): Promise<string> {
  programmeNo += 1;
  return inTransaction(t.system, async (ctx) => {
    const p = await createProgramme(
      ctx,
      programmeInputSchema.parse({
        organizationId,
        code: `6B071${String(programmeNo).padStart(2, '0')}`,
        name: { kk: `Энергетика ${programmeNo}`, ru: `Энергетика ${programmeNo}`, en: `Energy ${programmeNo}` },
        fieldCode: '07',
        directionCode: '071',
        nqfLevel: 6,
        degree: 'bachelor',
        creditsEcts: 240,
        languages: ['kk', 'ru'],
      }),
    );
    for (const action of ['submit', 'start-review', 'include'] as const) await transitionProgramme(ctx, p.id, action);
    return p.id;
  });
}

// Reading and acting, each on the case whose state makes it meaningful.
type Op = { name: string; kind: 'read' | 'act'; run: (token: string | undefined) => Promise<number>; ok: number };
const get = async (path: string, token?: string) => (await t.json('GET', path, { token })).status;
const send = async (method: string, path: string, token: string | undefined, body?: unknown) => (await t.json(method, path, { token, body })).status;
const OPS: Op[] = [
  { name: 'read the case', kind: 'read', ok: 200, run: (tk) => get(`/api/accreditation/cases/${ids.A}`, tk) },
  { name: 'read the SAR', kind: 'read', ok: 200, run: (tk) => get(`/api/accreditation/cases/${ids.A}/sar/versions/1`, tk) },
  { name: 'read the panel', kind: 'read', ok: 200, run: (tk) => get(`/api/accreditation/cases/${ids.A}/panel`, tk) },
  { name: 'read the report draft', kind: 'read', ok: 200, run: (tk) => get(`/api/accreditation/cases/${ids.A}/report`, tk) },
  { name: 'read the council votes', kind: 'read', ok: 200, run: (tk) => get(`/api/accreditation/council/meetings/${ids.meetingB}/votes?caseId=${ids.B}`, tk) },
  { name: 'take a transition', kind: 'act', ok: 200, run: (tk) => send('POST', `/api/accreditation/cases/${ids.E}/actions/accept-sar`, tk) },
  { name: 'edit the panel', kind: 'act', ok: 200, run: (tk) => send('PUT', `/api/accreditation/cases/${ids.F}/panel`, tk, { members }) },
  {
    name: 'vote',
    kind: 'act',
    ok: 201,
    run: (tk) => send('POST', `/api/accreditation/council/meetings/${ids.meetingB}/votes`, tk, { caseId: ids.B, choice: 'for' }),
  },
  { name: 'approve the decision', kind: 'act', ok: 200, run: (tk) => send('POST', `/api/accreditation/cases/${ids.C}/actions/approve`, tk) },
  {
    name: 'decide the appeal',
    kind: 'act',
    ok: 200,
    run: (tk) => send('POST', `/api/accreditation/appeals/${ids.appealD}/decision`, tk, { outcome: 'rejected', reason: 'No procedural fault was found.' }),
  },
];

// Y: allowed (inside the role's scope); '-': refused; '?': not asserted (see the comment below).
const TABLE: Record<Who, string> = {
  //                                 case SAR panel draft votes | transition panel vote approve appeal
  ministry: '                         Y    Y   Y     -     -     | -          -     -    -       -',
  'org-admin (other organization)': ' -    -   -     -     -     | -          -     -    -       -',
  'org-editor (own organization)': '  Y    Y   Y     -     -     | -          -     -    -       -',
  'org-admin (own organization)': '   Y    Y   Y     -     -     | -          -     -    -       -',
  'agency-staff (other body)': '      -    -   -     -     -     | -          -     -    -       -',
  'agency-staff (own body)': '        Y    Y   Y     Y     Y     | Y          Y     -    -       -',
  // The head holds the staff's rights too; its transition is the staff's (already taken), so not asserted.
  'agency-head (own body)': '         Y    Y   Y     Y     Y     | ?          Y     -    Y       Y',
  'expert (not on the panel)': '      -    -   -     -     -     | -          -     -    -       -',
  'expert (chair of the panel)': '    Y    Y   Y     Y     -     | -          -     -    -       -',
  'council-member (other body)': '    -    -   -     -     -     | -          -     -    -       -',
  // A council member of the body reads the case, its SAR, panel and votes, but no draft report.
  'council-member (own body)': '      Y    Y   Y     -     Y     | -          -     Y    -       -',
  learner: '                          -    -   -     -     -     | -          -     -    -       -',
  anonymous: '                        -    -   -     -     -     | -          -     -    -       -',
};
const expectations = (who: Who) => TABLE[who].replace('|', '').trim().split(/\s+/);

before(async () => {
  t = await createTestApp();
  for (const key of ['kazsee', 'naar', 'iqaa', 'kaznu', 'enu'] as const) org[key] = await orgId(key);
  org.satbayev = await orgId('satbayev-university');
  tok.ministry = await t.tokenFor('ministry');
  tok['org-admin (other organization)'] = await t.tokenFor('org-admin', org.kaznu);
  tok['org-editor (own organization)'] = await t.tokenFor('org-editor', org.satbayev);
  tok['org-admin (own organization)'] = await t.tokenFor('org-admin', org.satbayev);
  tok['agency-staff (other body)'] = await t.tokenFor('agency-staff', org.naar);
  tok['agency-staff (own body)'] = await t.tokenFor('agency-staff', org.kazsee);
  const coordinatorUserId = await lastUserId();
  tok['agency-head (own body)'] = await t.tokenFor('agency-head', org.kazsee);
  tok['expert (not on the panel)'] = await t.tokenFor('expert');
  tok['expert (chair of the panel)'] = await t.tokenFor('expert');
  const chairOfA = await lastUserId();
  tok['council-member (other body)'] = await t.tokenFor('council-member', org.naar);
  tok['council-member (own body)'] = await t.tokenFor('council-member', org.kazsee);
  const councilUserIds = [await lastUserId()];
  for (let i = 0; i < 2; i++) {
    await t.tokenFor('council-member', org.kazsee);
    councilUserIds.push(await lastUserId());
  }
  tok.learner = await t.tokenFor('learner');
  tok.anonymous = undefined;

  const chairs = [chairOfA];
  for (let i = 0; i < 4; i++) {
    await t.tokenFor('expert');
    chairs.push(await lastUserId());
  }
  const [pA, pC, pD, pE, pF] = [
    await programme(org.satbayev),
    await programme(org.kaznu),
    await programme(org.enu),
    await programme(org.satbayev),
    await programme(org.satbayev),
  ];
  await inTransaction(t.system, async (ctx) => {
    const teams = [];
    for (const [n, chair] of chairs.entries()) teams.push(await makeTeam(ctx, org.kazsee, n + 1, chair));
    const people: DemoPeople = { kazsee: org.kazsee, iqaa: org.iqaa, coordinatorUserId, councilUserIds, teams, expertIds: [] };
    const base = { body: 'kazsee' as const, kind: 'programme' as const, start: '2026-01-10' };
    ids.A = (
      await driveCase(ctx, { ...base, organizationId: org.satbayev, programmeIds: [pA], target: 'report-drafting' }, people, teams[0] ?? null, {
        reachedOn: '2026-10-01',
      })
    ).id;
    ids.B = (
      await driveCase(
        ctx,
        { ...base, kind: 'institutional', organizationId: org.satbayev, target: 'council-scheduled', meetsOn: '2026-12-10' },
        people,
        teams[1] ?? null,
        { reachedOn: '2026-11-01' },
      )
    ).id;
    ids.C = (
      await driveCase(ctx, { ...base, organizationId: org.kaznu, programmeIds: [pC], target: 'council-decided' }, people, teams[2] ?? null, {
        reachedOn: '2026-10-20',
      })
    ).id;
    const d = await driveCase(
      ctx,
      { ...base, organizationId: org.enu, programmeIds: [pD], target: 'published', grades: 'recommendations' },
      people,
      teams[3] ?? null,
      { reachedOn: '2026-06-01' },
    );
    ids.D = d.id;
    ids.appealD = (await appealDecision(ctx, d, '2026-06-10', 'pending', 'The term is too short for the evidence given.')).id;
    ids.E = (
      await driveCase(ctx, { ...base, organizationId: org.satbayev, programmeIds: [pE], target: 'sar-review' }, people, null, { reachedOn: '2026-11-01' })
    ).id;
    // Each panel has its own team: serving twice at one organization would (rightly) be a conflict.
    ids.F = (
      await driveCase(ctx, { ...base, organizationId: org.satbayev, programmeIds: [pF], target: 'sar-accepted' }, people, teams[4] ?? null, {
        reachedOn: '2026-11-10',
      })
    ).id;
    const meeting = await ctx.db.selectFrom('council_agenda_items').select('meeting_id').where('case_id', '=', ids.B).executeTakeFirstOrThrow();
    ids.meetingB = meeting.meeting_id;
    const team = teams[4];
    members = [
      { expertId: team?.chair, role: 'chair' },
      { expertId: team?.academic2, role: 'member' },
      { expertId: team?.academic3, role: 'member' },
      { expertId: team?.spareEmployer, role: 'member' },
      { expertId: team?.student, role: 'member' },
    ];
  });
});
after(() => t.close());

describe('who may read and act on a case', () => {
  test('every role is refused outside its scope, for reading and for acting (no state changes)', async () => {
    const problems: string[] = [];
    for (const who of ROLES) {
      const expected = expectations(who);
      for (const [i, op] of OPS.entries()) {
        if (expected[i] !== '-') continue;
        const status = await op.run(tok[who]);
        // Refused: 401 without a token, 403 for a known caller, 404 where the record is invisible to them.
        const want = who === 'anonymous' ? [401, 404] : [403, 404];
        if (!want.includes(status)) problems.push(`${who} / ${op.name}: ${status}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('inside its scope each role reads what it needs', async () => {
    const problems: string[] = [];
    for (const who of ROLES) {
      const expected = expectations(who);
      for (const [i, op] of OPS.entries()) {
        if (op.kind !== 'read' || expected[i] !== 'Y') continue;
        const status = await op.run(tok[who]);
        if (status !== op.ok) problems.push(`${who} / ${op.name}: ${status}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('inside its scope each role acts: the staff moves the case and edits the panel, the member votes, the head approves and decides the appeal', async () => {
    const problems: string[] = [];
    for (const who of ROLES) {
      const expected = expectations(who);
      for (const [i, op] of OPS.entries()) {
        if (op.kind !== 'act' || expected[i] !== 'Y') continue;
        const status = await op.run(tok[who]);
        if (status !== op.ok) problems.push(`${who} / ${op.name}: ${status}`);
      }
    }
    assert.deepEqual(problems, []);
    const c = await t.json('GET', `/api/accreditation/cases/${ids.C}`, { token: tok['agency-head (own body)'] });
    assert.equal(c.body.state, 'approved');
    const appeal = await t.json('GET', `/api/accreditation/appeals/${ids.appealD}`, { token: tok['org-admin (own organization)'] });
    assert.equal(appeal.status, 404, 'an appeal of another organization is invisible');
  });

  test('the recorded votes are the only ones: refused callers changed nothing', async () => {
    const tally = await t.json('GET', `/api/accreditation/council/meetings/${ids.meetingB}/votes?caseId=${ids.B}`, { token: tok['agency-staff (own body)'] });
    // Two members voted when the meeting was set up, the third member of the body just now.
    assert.equal(tally.body.items[0].for, 3);
    assert.deepEqual(
      tally.body.items[0].votes.map((v: { choice: string }) => v.choice),
      ['for', 'for', 'for'],
    );
  });
});
