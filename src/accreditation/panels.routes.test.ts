import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { expertBody } from './experts.fixtures.ts';
import { panelFacts } from './panel.facts.ts';

let t: TestApp;
const org: Record<string, string> = {};
let staff: string;
let naarStaff: string;
let ministry: string;
let orgAdmin: string;
let otherAdmin: string;
let chairToken: string;
let memberToken: string;
let outsiderExpertToken: string;
let programmeSet: string;
let caseNo = 0;

async function orgId(key: string): Promise<string> {
  const row = await t.db.selectFrom('organizations').select('id').where('key', '=', key).executeTakeFirstOrThrow();
  return row.id;
}

async function lastUserId(): Promise<string> {
  const row = await t.db.selectFrom('users').select('id').orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
  return row.id;
}

// Each case gets its own university by default: the same experts serving twice at one
// organization would (rightly) be conflicted by their earlier panel service.
const POOL = [
  'kaznu',
  'kaznpu',
  'kaznua',
  'kaznac',
  'apa',
  'kaznwpu',
  'kaznaru',
  'kaznmu',
  'auezov-university',
  'buketov-university',
  'seifullin-university',
  'atyrau-university',
  'zhangir-khan-university',
  'utemisov-university',
  'toraighyrov-university',
  'margulan-university',
];
async function newCase(organizationKey?: string, kind = 'programme', state = 'sar-review'): Promise<string> {
  caseNo += 1;
  const key = organizationKey ?? (POOL[caseNo] as string);
  org[key] ??= await orgId(key);
  const row = await t.db
    .insertInto('accreditation_cases')
    .values({
      number: `T-${caseNo}`,
      body_id: org.kazsee as string,
      organization_id: org[key] as string,
      kind,
      state,
      standard_set_id: programmeSet,
      details: '{}',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A case at a fresh university, with a token for that university's admin. */
async function caseWithAdmin(): Promise<[string, string]> {
  const caseId = await newCase();
  const c = await t.db.selectFrom('accreditation_cases').select('organization_id').where('id', '=', caseId).executeTakeFirstOrThrow();
  return [caseId, await t.tokenFor('org-admin', c.organization_id)];
}

async function expert(fullName: string, category: string, over: Record<string, unknown> = {}): Promise<string> {
  const res = await t.json('POST', '/api/accreditation/experts', { token: staff, body: expertBody(org.kazsee, fullName, category, over) });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

const ids: Record<string, string> = {};
const panelOf = (over: Record<string, unknown>[] = []) => [
  { expertId: ids.chair, role: 'chair' },
  { expertId: ids.academic2, role: 'member' },
  { expertId: ids.academic3, role: 'member' },
  { expertId: ids.employer, role: 'member' },
  { expertId: ids.student, role: 'member' },
  ...over,
];

before(async () => {
  t = await createTestApp();
  for (const key of ['kazsee', 'naar', 'satbayev-university', 'enu', 'cityu-satbayev-branch', 'dulaty-taraz-university', 'dulaty-taraz-regional-university'])
    org[key] = await orgId(key);
  programmeSet = (await t.db.selectFrom('standard_sets').select('id').where('key', '=', 'kazsee-programme').executeTakeFirstOrThrow()).id;
  staff = await t.tokenFor('agency-staff', org.kazsee);
  naarStaff = await t.tokenFor('agency-staff', org.naar);
  ministry = await t.tokenFor('ministry');
  orgAdmin = await t.tokenFor('org-admin', org['satbayev-university']);
  otherAdmin = await t.tokenFor('org-admin', org.enu);
  chairToken = await t.tokenFor('expert', org.kazsee);
  const chairUser = await lastUserId();
  memberToken = await t.tokenFor('expert', org.kazsee);
  const memberUser = await lastUserId();
  outsiderExpertToken = await t.tokenFor('expert', org.kazsee);
  const outsiderUser = await lastUserId();
  ids.chair = await expert('Aigerim Chair', 'academic', { priorPanels: 8, degree: 'doctor', userId: chairUser });
  ids.academic2 = await expert('Bolat Academic', 'academic', { priorPanels: 2, userId: memberUser });
  ids.academic3 = await expert('Dana Academic', 'academic', { degree: 'candidate' });
  ids.employer = await expert('Erlan Employer', 'employer');
  ids.student = await expert('Farida Student', 'student');
  ids.foreign = await expert('Greta Foreign', 'foreign', { degree: 'phd', country: 'DE', languages: ['en'] });
  ids.spare = await expert('Hasan Spare', 'academic', { priorPanels: 1 });
  ids.outsider = await expert('Ivan Outsider', 'academic', { userId: outsiderUser });
  ids.alumnus = await expert('Zhanna Alumna', 'academic', {
    affiliations: [{ organizationId: org['satbayev-university'], kind: 'study', from: '2001-09-01', to: '2005-06-30' }],
  });
});
after(() => t.close());

describe('the experts database', () => {
  test('staff of the body manage experts; an organization cannot; another body cannot read them', async () => {
    const refused = await t.json('POST', '/api/accreditation/experts', { token: orgAdmin, body: { bodyId: org.kazsee, fullName: 'X', category: 'student' } });
    assert.equal(refused.status, 403);
    assert.equal((await t.json('GET', `/api/accreditation/experts/${ids.spare}`, { token: naarStaff })).status, 403);
    assert.equal((await t.json('GET', `/api/accreditation/experts/${ids.spare}`)).status, 401);
    const list = await t.json('GET', '/api/accreditation/experts?category=academic', { token: staff });
    assert.equal(list.status, 200);
    assert.ok(list.body.items.some((e: { id: string }) => e.id === ids.chair));
    assert.equal((await t.json('GET', '/api/accreditation/experts', { token: naarStaff })).body.total, 0);
    assert.equal((await t.json('GET', '/api/accreditation/experts', { token: chairToken })).status, 403);
  });

  test('an expert reads their own record and nobody else’s', async () => {
    const own = await t.json('GET', `/api/accreditation/experts/${ids.chair}`, { token: chairToken });
    assert.equal(own.status, 200);
    assert.equal(own.body.fullName, 'Aigerim Chair');
    assert.equal(own.body.certificationValid, true);
    assert.equal((await t.json('GET', `/api/accreditation/experts/${ids.student}`, { token: chairToken })).status, 403);
  });

  test('an exclusion needs a reason, is kept with it, and can be lifted', async () => {
    const id = await expert('Kairat Excluded', 'employer');
    assert.equal((await t.json('POST', `/api/accreditation/experts/${id}/exclusion`, { token: staff, body: {} })).status, 422);
    const excluded = await t.json('POST', `/api/accreditation/experts/${id}/exclusion`, { token: staff, body: { reason: 'Breach of the code of ethics' } });
    assert.equal(excluded.body.excluded, true);
    assert.equal(excluded.body.exclusionReason, 'Breach of the code of ethics');
    const back = await t.json('DELETE', `/api/accreditation/experts/${id}/exclusion`, { token: staff });
    assert.equal(back.body.excluded, false);
  });

  test('linking a user account requires the expert role', async () => {
    const admin = await t.db.selectFrom('users').select('id').where('email', 'like', 'org-admin%').limit(1).executeTakeFirstOrThrow();
    const res = await t.json('POST', '/api/accreditation/experts', {
      token: staff,
      body: { bodyId: org.kazsee, fullName: 'Y', category: 'student', userId: admin.id },
    });
    assert.equal(res.status, 422);
    assert.equal(res.body.errors[0].key, 'errors.panel.expert.userNotExpert');
  });

  test('coordinators rate experts on cases they served; the record shows panel history and the average', async () => {
    const caseId = await newCase();
    assert.equal((await t.json('PUT', `/api/accreditation/cases/${caseId}/panel`, { token: staff, body: { members: panelOf() } })).status, 200);
    const offCase = await t.json('POST', `/api/accreditation/experts/${ids.spare}/ratings`, { token: staff, body: { caseId, score: 5 } });
    assert.equal(offCase.status, 422);
    assert.equal((await t.json('POST', `/api/accreditation/experts/${ids.academic3}/ratings`, { token: orgAdmin, body: { caseId, score: 1 } })).status, 403);
    await t.json('POST', `/api/accreditation/experts/${ids.academic3}/ratings`, {
      token: staff,
      body: { caseId, score: 4, criteria: { deadlines: 5, teamwork: 3 } },
    });
    const rated = await t.json('POST', `/api/accreditation/experts/${ids.academic3}/ratings`, { token: staff, body: { score: 5, comment: 'Webinar trainer' } });
    assert.equal(rated.status, 201);
    assert.equal(rated.body.averageRating, 4.5);
    assert.ok(rated.body.panelHistory.some((h: { caseId: string; role: string }) => h.caseId === caseId && h.role === 'member'));
  });
});

describe('panel composition', () => {
  test('a panel that breaks rules gets a 422 listing every broken rule, localized', async () => {
    const caseId = await newCase('satbayev-university', 'institutional');
    const res = await t.json('PUT', `/api/accreditation/cases/${caseId}/panel`, {
      token: staff,
      lang: 'ru',
      body: {
        members: [
          { expertId: ids.academic2, role: 'chair' },
          { expertId: ids.student, role: 'member' },
        ],
      },
    });
    assert.equal(res.status, 422);
    const keys = res.body.errors.map((e: { key: string }) => e.key).sort();
    assert.deepEqual(keys, ['errors.panel.rule.academics', 'errors.panel.rule.coordinator', 'errors.panel.rule.employer', 'errors.panel.rule.foreign']);
    assert.match(res.body.errors.find((e: { key: string }) => e.key === 'errors.panel.rule.academics').message, /академиков/);
  });

  test('a chair who is not the most experienced academic is refused', async () => {
    const caseId = await newCase();
    const members = panelOf().map((m) => (m.expertId === ids.chair ? { ...m, role: 'member' } : m.expertId === ids.academic2 ? { ...m, role: 'chair' } : m));
    const res = await t.json('PUT', `/api/accreditation/cases/${caseId}/panel`, { token: staff, body: { members } });
    assert.equal(res.status, 422);
    assert.deepEqual(
      res.body.errors.map((e: { key: string }) => e.key),
      ['errors.panel.rule.chairNotMostExperienced'],
    );
  });

  test('a valid panel is stored; only the body may set it; the facts follow', async () => {
    const [caseId, orgAdmin] = await caseWithAdmin();
    assert.equal((await t.json('PUT', `/api/accreditation/cases/${caseId}/panel`, { token: orgAdmin, body: { members: panelOf() } })).status, 403);
    assert.equal((await t.json('PUT', `/api/accreditation/cases/${caseId}/panel`, { token: naarStaff, body: { members: panelOf() } })).status, 403);
    const res = await t.json('PUT', `/api/accreditation/cases/${caseId}/panel`, { token: staff, body: { members: panelOf() } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.members.length, 5);
    assert.deepEqual(res.body.ruleViolations, []);
    const facts = await panelFacts(t.db, caseId);
    assert.equal(facts.panelExists, true);
    assert.deepEqual(facts.panelRuleViolations, []);
    // The applicant sees its panel; another organization and an expert off the panel do not.
    const mine = await t.json('GET', `/api/accreditation/cases/${caseId}/panel`, { token: orgAdmin });
    assert.equal(mine.status, 200);
    assert.equal(mine.body.members[0].conflicts, undefined);
    assert.equal((await t.json('GET', `/api/accreditation/cases/${caseId}/panel`, { token: otherAdmin })).status, 403);
    assert.equal((await t.json('GET', `/api/accreditation/cases/${caseId}/panel`, { token: outsiderExpertToken })).status, 403);
    assert.equal((await t.json('GET', `/api/accreditation/cases/${caseId}/panel`, { token: memberToken })).status, 200);
    // Once the visit has started the panel no longer changes.
    await t.db.updateTable('accreditation_cases').set({ state: 'visit-in-progress' }).where('id', '=', caseId).execute();
    const locked = await t.json('PUT', `/api/accreditation/cases/${caseId}/panel`, { token: staff, body: { members: panelOf() } });
    assert.equal(locked.status, 409);
    assert.equal(locked.body.code, 'conflict');
  });

  test('a conflicted expert needs a written justification, and the override is audited', async () => {
    const caseId = await newCase('satbayev-university');
    const members = panelOf([{ expertId: ids.alumnus, role: 'member' }]);
    const refused = await t.json('PUT', `/api/accreditation/cases/${caseId}/panel`, { token: staff, body: { members } });
    assert.equal(refused.status, 422);
    assert.deepEqual(
      refused.body.errors.map((e: { key: string }) => e.key),
      ['errors.panel.conflict.study'],
    );
    assert.equal(refused.body.errors[0].path, 'members.5');
    const tooShort = await t.json('PUT', `/api/accreditation/cases/${caseId}/panel`, {
      token: staff,
      body: { members: panelOf([{ expertId: ids.alumnus, role: 'member', overrideJustification: 'ok' }]) },
    });
    assert.equal(tooShort.status, 422);
    const justification = 'Graduated twenty years ago; no ties since, confirmed in writing.';
    const ok = await t.json('PUT', `/api/accreditation/cases/${caseId}/panel`, {
      token: staff,
      body: { members: panelOf([{ expertId: ids.alumnus, role: 'member', overrideJustification: justification }]) },
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const alumnus = ok.body.members.find((m: { expertId: string }) => m.expertId === ids.alumnus);
    assert.equal(alumnus.overrideJustification, justification);
    assert.equal(alumnus.conflicts[0].code, 'study');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['after'])
      .where('action', '=', 'panel.conflict-override')
      .where('entity_id', '=', alumnus.id)
      .execute();
    assert.equal(audit.length, 1);
    assert.equal((audit[0]?.after as { justification: string } | undefined)?.justification, justification);
  });

  test('conflicts are computed from the register: parent, predecessor, panel service and seminars', async () => {
    const preview = async (caseId: string, expertId: string | undefined) =>
      (await t.json('GET', `/api/accreditation/cases/${caseId}/panel/conflicts?expertId=${expertId}`, { token: staff })).body.items.map(
        (c: { code: string; relation: string }) => `${c.code}:${c.relation}`,
      );
    // Satbayev University hosts the CityU branch: its alumna is conflicted with the branch.
    const branchCase = await newCase('cityu-satbayev-branch');
    assert.deepEqual(await preview(branchCase, ids.alumnus), ['study:parent']);
    // Dulaty Taraz University was split from the Regional University.
    const taraz = await expert('Laura Taraz', 'academic', {
      affiliations: [{ organizationId: org['dulaty-taraz-regional-university'], kind: 'employment', from: '2010-01-01', to: '2020-01-01' }],
    });
    assert.deepEqual(await preview(await newCase('dulaty-taraz-university'), taraz), ['employment:predecessor']);
    // Serving on a panel at a university makes one conflicted with its next case.
    const first = await newCase('yessenov-university');
    assert.equal((await t.json('PUT', `/api/accreditation/cases/${first}/panel`, { token: staff, body: { members: panelOf() } })).status, 200);
    const next = await newCase('yessenov-university');
    assert.deepEqual(await preview(next, ids.student), ['panel-service:self']);
    // Running the organization's self-assessment seminar.
    const seminar = await t.json('POST', `/api/accreditation/cases/${next}/seminars`, { token: staff, body: { heldOn: '2026-01-15', expertIds: [ids.spare] } });
    assert.equal(seminar.status, 201);
    assert.deepEqual(await preview(next, ids.spare), ['seminar:self']);
    // A declared conflict.
    await t.json('PATCH', `/api/accreditation/experts/${ids.foreign}`, {
      token: staff,
      body: { declaredConflicts: [{ organizationId: org['yessenov-university'], reason: 'Joint research grant with its rector' }] },
    });
    assert.deepEqual(await preview(next, ids.foreign), ['declared:self']);
    assert.deepEqual(await preview(next, ids.outsider), []);
  });
});

describe('challenges of panel members', () => {
  test('the organization challenges in writing, the coordinator replaces the member, then the organization accepts', async () => {
    const [caseId, orgAdmin] = await caseWithAdmin();
    const set = await t.json('PUT', `/api/accreditation/cases/${caseId}/panel`, { token: staff, body: { members: panelOf() } });
    const employer = set.body.members.find((m: { expertId: string }) => m.expertId === ids.employer);
    assert.equal(
      (
        await t.json('POST', `/api/accreditation/cases/${caseId}/challenges`, {
          token: otherAdmin,
          body: { memberId: employer.id, reason: 'He consults for our competitor.' },
        })
      ).status,
      403,
    );
    assert.equal((await t.json('POST', `/api/accreditation/cases/${caseId}/challenges`, { token: orgAdmin, body: { memberId: employer.id } })).status, 422);
    const filed = await t.json('POST', `/api/accreditation/cases/${caseId}/challenges`, {
      token: orgAdmin,
      body: { memberId: employer.id, reason: 'He sits on the board of our main competitor.' },
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.equal((await panelFacts(t.db, caseId)).openChallenges, 1);
    assert.equal(
      (await t.json('POST', `/api/accreditation/cases/${caseId}/panel/acceptance`, { token: orgAdmin, body: { letter: 'We accept the panel.' } })).status,
      409,
    );

    // The replacement joins the whole panel and is checked like any member: a student cannot fill the employer's seat.
    const bad = await t.json('POST', `/api/accreditation/cases/${caseId}/challenges/${filed.body.id}/resolution`, {
      token: staff,
      body: { decision: 'replace', replacement: { expertId: ids.spare } },
    });
    assert.equal(bad.status, 422);
    assert.deepEqual(
      bad.body.errors.map((e: { key: string }) => e.key),
      ['errors.panel.rule.employer'],
    );
    const employer2 = await expert('Murat Employer', 'employer');
    assert.equal(
      (
        await t.json('POST', `/api/accreditation/cases/${caseId}/challenges/${filed.body.id}/resolution`, {
          token: orgAdmin,
          body: { decision: 'replace', replacement: { expertId: employer2 } },
        })
      ).status,
      403,
    );
    const replaced = await t.json('POST', `/api/accreditation/cases/${caseId}/challenges/${filed.body.id}/resolution`, {
      token: staff,
      body: { decision: 'replace', replacement: { expertId: employer2 }, comment: 'Replaced.' },
    });
    assert.equal(replaced.status, 200, JSON.stringify(replaced.body));
    assert.equal(replaced.body.status, 'replaced');
    const panel = await t.json('GET', `/api/accreditation/cases/${caseId}/panel`, { token: staff });
    assert.ok(panel.body.members.some((m: { expertId: string }) => m.expertId === employer2));
    assert.ok(!panel.body.members.some((m: { expertId: string }) => m.expertId === ids.employer));
    assert.equal((await panelFacts(t.db, caseId)).openChallenges, 0);
    const accepted = await t.json('POST', `/api/accreditation/cases/${caseId}/panel/acceptance`, { token: orgAdmin, body: { letter: 'We accept the panel.' } });
    assert.equal(accepted.status, 200);
    assert.ok(accepted.body.acceptedAt);
    assert.equal((await panelFacts(t.db, caseId)).panelAccepted, true);
  });

  test('a challenge can be rejected with reasons, and reasons are required', async () => {
    const [caseId, orgAdmin] = await caseWithAdmin();
    const set = await t.json('PUT', `/api/accreditation/cases/${caseId}/panel`, { token: staff, body: { members: panelOf() } });
    const student = set.body.members.find((m: { expertId: string }) => m.expertId === ids.student);
    const filed = await t.json('POST', `/api/accreditation/cases/${caseId}/challenges`, {
      token: orgAdmin,
      body: { memberId: student.id, reason: 'We would prefer a local student.' },
    });
    assert.equal(
      (await t.json('POST', `/api/accreditation/cases/${caseId}/challenges/${filed.body.id}/resolution`, { token: staff, body: { decision: 'reject' } }))
        .status,
      422,
    );
    const rejected = await t.json('POST', `/api/accreditation/cases/${caseId}/challenges/${filed.body.id}/resolution`, {
      token: staff,
      body: { decision: 'reject', comment: 'No conflict of interest was shown.' },
    });
    assert.equal(rejected.body.status, 'rejected');
    assert.equal(
      (
        await t.json('POST', `/api/accreditation/cases/${caseId}/challenges/${filed.body.id}/resolution`, {
          token: staff,
          body: { decision: 'reject', comment: 'No conflict of interest was shown.' },
        })
      ).status,
      409,
    );
  });
});

describe('the visit and the report', () => {
  test('a visit shorter than 2 days is refused; opinions are signed once; only the chair signs the protocol', async () => {
    const [caseId, orgAdmin] = await caseWithAdmin();
    await t.json('PUT', `/api/accreditation/cases/${caseId}/panel`, { token: staff, body: { members: panelOf() } });
    const short = await t.json('PUT', `/api/accreditation/cases/${caseId}/visit`, {
      token: staff,
      body: { mode: 'hybrid', startsOn: '2026-03-02', endsOn: '2026-03-02' },
    });
    assert.equal(short.status, 422);
    assert.equal(short.body.errors[0].key, 'errors.panel.visit.tooShort');
    assert.equal(
      (
        await t.json('PUT', `/api/accreditation/cases/${caseId}/visit`, {
          token: chairToken,
          body: { mode: 'online', startsOn: '2026-03-02', endsOn: '2026-03-03' },
        })
      ).status,
      403,
    );
    const plan = await t.json('PUT', `/api/accreditation/cases/${caseId}/visit`, {
      token: staff,
      body: {
        mode: 'on-site',
        startsOn: '2026-03-02',
        endsOn: '2026-03-03',
        interviewGroups: [
          { group: 'students', day: '2026-03-02', time: '10:00' },
          { group: 'employers', day: '2026-03-03' },
        ],
      },
    });
    assert.equal(plan.status, 200, JSON.stringify(plan.body));
    assert.equal(plan.body.days, 2);
    assert.equal((await panelFacts(t.db, caseId)).visitPlanned, true);
    assert.equal((await t.json('GET', `/api/accreditation/cases/${caseId}/visit`, { token: outsiderExpertToken })).status, 403);

    assert.equal(
      (
        await t.json('POST', `/api/accreditation/cases/${caseId}/visit/opinions`, {
          token: memberToken,
          body: { text: 'Strong laboratories, weak employer links.' },
        })
      ).status,
      201,
    );
    assert.equal(
      (await t.json('POST', `/api/accreditation/cases/${caseId}/visit/opinions`, { token: memberToken, body: { text: 'Changing my mind later.' } })).status,
      409,
    );
    assert.equal(
      (await t.json('POST', `/api/accreditation/cases/${caseId}/visit/opinions`, { token: outsiderExpertToken, body: { text: 'I was not there at all.' } }))
        .status,
      403,
    );
    assert.equal(
      (await t.json('POST', `/api/accreditation/cases/${caseId}/visit/protocol`, { token: memberToken, body: { text: 'Protocol of the visit.' } })).status,
      403,
    );
    const protocol = await t.json('POST', `/api/accreditation/cases/${caseId}/visit/protocol`, {
      token: chairToken,
      body: { text: 'Protocol of the visit, 2 copies.' },
    });
    assert.equal(protocol.status, 200);
    assert.equal((await panelFacts(t.db, caseId)).protocolSigned, true);
    const orgView = await t.json('GET', `/api/accreditation/cases/${caseId}/visit`, { token: orgAdmin });
    assert.equal(orgView.body.opinions, undefined);
    assert.equal(orgView.body.opinionsSigned, 1);
  });

  test('the organization sees the report only from the factual check; grades, dissents and comments reach the facts', async () => {
    const [caseId, orgAdmin] = await caseWithAdmin();
    await t.json('PUT', `/api/accreditation/cases/${caseId}/panel`, { token: staff, body: { members: panelOf() } });
    const standards = await t.db
      .selectFrom('standards')
      .select('code')
      .where('set_id', '=', programmeSet)
      .where('parent_code', 'is', null)
      .orderBy('position')
      .execute();
    const grades = standards.map((s, i) => ({ standardCode: s.code, grade: i === 0 ? 'with-recommendations' : 'compliant', findings: 'Evidence seen.' }));
    assert.equal((await t.json('POST', `/api/accreditation/cases/${caseId}/report/versions`, { token: memberToken, body: { grades } })).status, 403);
    // Report versions come from the panel: the body's staff check them but never write them.
    assert.equal((await t.json('POST', `/api/accreditation/cases/${caseId}/report/versions`, { token: staff, body: { grades } })).status, 403);
    const partial = await t.json('POST', `/api/accreditation/cases/${caseId}/report/versions`, { token: chairToken, body: { grades: grades.slice(1) } });
    assert.equal(partial.status, 200, JSON.stringify(partial.body));
    assert.equal((await t.json('POST', `/api/accreditation/cases/${caseId}/report/submission`, { token: chairToken })).status, 422);
    assert.equal(
      (
        await t.json('POST', `/api/accreditation/cases/${caseId}/report/versions`, {
          token: chairToken,
          body: { grades: [{ standardCode: 'NOPE', grade: 'compliant' }] },
        })
      ).status,
      422,
    );
    const full = await t.json('POST', `/api/accreditation/cases/${caseId}/report/versions`, {
      token: chairToken,
      body: { grades, recommendedOutcome: 'accredited', recommendedTermYears: 3 },
    });
    assert.equal(full.body.current.version, 2);
    assert.equal(
      (
        await t.json('POST', `/api/accreditation/cases/${caseId}/report/dissents`, {
          token: memberToken,
          body: { standardCode: standards[0]?.code, text: 'I would grade this compliant.' },
        })
      ).status,
      200,
    );
    assert.equal((await t.json('GET', `/api/accreditation/cases/${caseId}/report`, { token: orgAdmin })).status, 404);
    assert.equal((await t.json('GET', `/api/accreditation/cases/${caseId}/report`, { token: ministry })).status, 404);
    assert.equal((await t.json('POST', `/api/accreditation/cases/${caseId}/report/submission`, { token: chairToken })).status, 200);
    assert.equal((await t.json('POST', `/api/accreditation/cases/${caseId}/report/template-check`, { token: staff, body: { result: 'return' } })).status, 422);
    const pass = await t.json('POST', `/api/accreditation/cases/${caseId}/report/template-check`, { token: staff, body: { result: 'pass' } });
    assert.equal(pass.status, 200);
    // Still hidden until the case itself reaches the factual-check step.
    assert.equal((await t.json('GET', `/api/accreditation/cases/${caseId}/report`, { token: orgAdmin })).status, 404);
    await t.db.updateTable('accreditation_cases').set({ state: 'report-factual-check' }).where('id', '=', caseId).execute();
    const seen = await t.json('GET', `/api/accreditation/cases/${caseId}/report`, { token: orgAdmin });
    assert.equal(seen.status, 200);
    assert.deepEqual(
      seen.body.versions.map((v: { version: number }) => v.version),
      [2],
    );
    assert.equal(seen.body.current.dissents.length, 1);
    assert.equal((await t.json('GET', `/api/accreditation/cases/${caseId}/report`, { token: otherAdmin })).status, 403);
    assert.equal(
      (await t.json('POST', `/api/accreditation/cases/${caseId}/report/factual-comments`, { token: otherAdmin, body: { text: 'Not ours.' } })).status,
      403,
    );
    assert.equal(
      (
        await t.json('POST', `/api/accreditation/cases/${caseId}/report/factual-comments`, {
          token: orgAdmin,
          body: { text: 'Student numbers in 2.3 are from 2024.' },
        })
      ).status,
      200,
    );
    let facts = await panelFacts(t.db, caseId);
    assert.equal(facts.reportComplete, true);
    assert.equal(facts.templateChecked, true);
    assert.equal(facts.factualCommentsReceived, true);
    assert.equal(facts.grades.filter((g) => g === 'with-recommendations').length, 1);
    const finalBody = { grades: [{ standardCode: standards[0]?.code, grade: 'compliant' }] };
    assert.equal((await t.json('POST', `/api/accreditation/cases/${caseId}/report/final`, { token: staff, body: finalBody })).status, 403, 'the chair finalizes');
    const final = await t.json('POST', `/api/accreditation/cases/${caseId}/report/final`, {
      token: chairToken,
      body: { grades: [{ standardCode: standards[0]?.code, grade: 'compliant' }] },
    });
    assert.equal(final.status, 200, JSON.stringify(final.body));
    assert.equal(final.body.current.status, 'final');
    // The ministry reads the final report only; drafts never reached it.
    const ministryView = await t.json('GET', `/api/accreditation/cases/${caseId}/report`, { token: ministry });
    assert.equal(ministryView.status, 200);
    assert.deepEqual(
      ministryView.body.versions.map((v: { status: string }) => v.status),
      ['final'],
    );
    facts = await panelFacts(t.db, caseId);
    assert.equal(facts.reportFinal, true);
    assert.ok(facts.grades.every((g) => g === 'compliant'));
  });
});

describe('the council', () => {
  test('a conflicted member can neither vote nor see the votes; others vote once; outsiders are refused', async () => {
    // The council votes only while the case awaits it.
    const caseId = await newCase('satbayev-university', 'programme', 'council-scheduled');
    const voter = await t.tokenFor('council-member', org.kazsee);
    const conflicted = await t.tokenFor('council-member', org.kazsee);
    const viaAffiliation = await t.tokenFor('council-member', org.kazsee);
    const otherBodyMember = await t.tokenFor('council-member', org.naar);
    assert.equal(
      (await t.json('POST', '/api/accreditation/council/meetings', { token: voter, body: { bodyId: org.kazsee, meetsOn: '2026-05-20', agenda: [] } })).status,
      403,
    );
    const created = await t.json('POST', '/api/accreditation/council/meetings', {
      token: staff,
      body: { bodyId: org.kazsee, meetsOn: '2026-05-20', agenda: [{ caseId, proposedOutcome: 'accredited', proposedTermYears: 5 }] },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const meeting = created.body.id;
    assert.equal((await panelFacts(t.db, caseId)).councilMeetingScheduled, true);

    assert.equal(
      (
        await t.json('POST', '/api/accreditation/council/declarations', {
          token: conflicted,
          body: { organizationId: org['satbayev-university'], reason: 'My daughter studies there.' },
        })
      ).status,
      201,
    );
    assert.equal(
      (
        await t.json('POST', '/api/accreditation/council/affiliations', {
          token: viaAffiliation,
          body: { organizationId: org['satbayev-university'], kind: 'employment', from: '2015-01-01', to: '2019-01-01' },
        })
      ).status,
      201,
    );

    const refused = await t.json('POST', `/api/accreditation/council/meetings/${meeting}/votes`, { token: conflicted, body: { caseId, choice: 'for' } });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'forbidden');
    assert.equal(
      (await t.json('POST', `/api/accreditation/council/meetings/${meeting}/votes`, { token: viaAffiliation, body: { caseId, choice: 'for' } })).status,
      403,
    );
    assert.equal((await t.json('GET', `/api/accreditation/council/meetings/${meeting}/votes?caseId=${caseId}`, { token: conflicted })).status, 403);
    assert.deepEqual((await t.json('GET', `/api/accreditation/council/meetings/${meeting}/votes`, { token: conflicted })).body.items, []);
    const agenda = await t.json('GET', `/api/accreditation/council/meetings/${meeting}`, { token: conflicted });
    assert.equal(agenda.body.agenda[0].recused, true);

    assert.equal((await t.json('POST', `/api/accreditation/council/meetings/${meeting}/votes`, { token: voter, body: { caseId, choice: 'for' } })).status, 201);
    assert.equal(
      (await t.json('POST', `/api/accreditation/council/meetings/${meeting}/votes`, { token: voter, body: { caseId, choice: 'against' } })).status,
      409,
    );
    assert.equal(
      (await t.json('POST', `/api/accreditation/council/meetings/${meeting}/votes`, { token: otherBodyMember, body: { caseId, choice: 'for' } })).status,
      403,
    );
    assert.equal(
      (await t.json('POST', `/api/accreditation/council/meetings/${meeting}/votes`, { token: orgAdmin, body: { caseId, choice: 'for' } })).status,
      403,
    );
    assert.equal((await t.json('GET', `/api/accreditation/council/meetings/${meeting}/votes`, { token: orgAdmin })).status, 403);

    // Until the vote closes a member sees no tally, even after voting (tally-visibility.ts); the staff sees it.
    const tally = await t.json('GET', `/api/accreditation/council/meetings/${meeting}/votes?caseId=${caseId}`, { token: voter });
    assert.equal(tally.status, 200);
    assert.deepEqual(tally.body.items, []);
    const staffView = await t.json('GET', `/api/accreditation/council/meetings/${meeting}/votes`, { token: staff });
    assert.equal(staffView.body.items[0].for, 1);
    assert.equal(staffView.body.items[0].recused, 2);
    assert.equal(staffView.body.items[0].votes.length, 1);
    assert.deepEqual((await panelFacts(t.db, caseId)).votes, { for: 1, against: 0, abstain: 0, recused: 2 });
    // A cancelled meeting takes no more votes, and drops out of the facts.
    assert.equal((await t.json('POST', `/api/accreditation/council/meetings/${meeting}/status`, { token: voter, body: { status: 'cancelled' } })).status, 403);
    assert.equal(
      (await t.json('POST', `/api/accreditation/council/meetings/${meeting}/status`, { token: staff, body: { status: 'cancelled' } })).body.status,
      'cancelled',
    );
    // The vote is closed: the member now sees the counts, never the names.
    const closed = await t.json('GET', `/api/accreditation/council/meetings/${meeting}/votes?caseId=${caseId}`, { token: voter });
    assert.equal(closed.body.items[0].for, 1);
    assert.equal(closed.body.items[0].votes, undefined);
    const late = await t.tokenFor('council-member', org.kazsee);
    assert.equal((await t.json('POST', `/api/accreditation/council/meetings/${meeting}/votes`, { token: late, body: { caseId, choice: 'for' } })).status, 409);
    assert.equal((await panelFacts(t.db, caseId)).councilMeetingScheduled, false);
  });

  test('an agenda may hold only the body’s own cases and an accreditation proposal needs a term', async () => {
    const caseId = await newCase();
    const res = await t.json('POST', '/api/accreditation/council/meetings', {
      token: staff,
      body: { bodyId: org.kazsee, meetsOn: '2026-05-21', agenda: [{ caseId, proposedOutcome: 'accredited' }] },
    });
    assert.equal(res.status, 422);
    assert.equal(res.body.errors[0].key, 'errors.panel.council.termRequired');
    const other = await t.json('POST', '/api/accreditation/council/meetings', {
      token: naarStaff,
      body: { bodyId: org.naar, meetsOn: '2026-05-21', agenda: [{ caseId, proposedOutcome: 'refused' }] },
    });
    assert.equal(other.status, 422);
  });
});
