// End to end through the HTTP API only, with the real roles: one programme case and one
// institutional case from the application to Registers 3 and 2, with a SAR revision, an evidence
// file, a challenged and replaced expert, a visit with its protocol, the report's steps, a council
// with a recused member, the decision rule's proposal, approval, the certificate, publication and
// an appeal whose outcome shows in the decision's history and the register.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../src/config.ts';
import { settings, useSettings } from '../src/platform/settings.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { sampleExe, samplePdf } from './helpers/sample-files.ts';
import { acceptWorkingInternalQa } from '../src/accreditation/after.fixtures.ts';
import { orgIdByKey } from './helpers/factories.ts';

let t: TestApp;
let dir: string;
const previousSettings = settings();
const org = {} as Record<'kazsee' | 'satbayev' | 'kaznu', string>;
const tok = {} as Record<'adminA' | 'adminB' | 'staff' | 'head' | 'ministry' | 'voter1' | 'voter2' | 'recused', string>;
let coordinatorId: string;

type Panel = { chair: string; academic2: string; academic3: string; employer: string; student: string; foreign: string; spareEmployer: string };
type Team = { ids: Panel; chairToken: string; memberToken: string };

const orgId = (key: string) => orgIdByKey(t.db, key);

/** The id of the user a token was just issued for (tokenFor creates one user per call). */
async function lastUserId(): Promise<string> {
  return (await t.db.selectFrom('users').select('id').orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow()).id;
}

const ok = (res: { status: number; body: unknown }, status: number, what: string) => assert.equal(res.status, status, `${what}: ${JSON.stringify(res.body)}`);

const act = async (caseId: string, action: string, token: string, body?: unknown) => {
  const res = await t.json('POST', `/api/accreditation/cases/${caseId}/actions/${action}`, { token, body });
  ok(res, 200, action);
  return res.body;
};

const signed = { conflictOfInterest: '2025-01-10', confidentiality: '2025-01-10', codeOfEthics: '2025-01-10' };
async function expert(fullName: string, category: string, over: Record<string, unknown> = {}): Promise<string> {
  const res = await t.json('POST', '/api/accreditation/experts', {
    token: tok.staff,
    body: {
      bodyId: org.kazsee,
      fullName,
      category,
      degree: category === 'academic' ? 'phd' : 'none',
      fields: ['07'],
      languages: ['kk', 'ru', 'en'],
      certifiedOn: '2025-01-10',
      certificationExpiresOn: '2035-01-10',
      declarations: signed,
      ...over,
    },
  });
  ok(res, 201, `expert ${fullName}`);
  return res.body.id;
}

/** A team of experts for one case: the chair and one member have user accounts. */
async function team(tag: string): Promise<Team> {
  const chairToken = await t.tokenFor('expert');
  const chairUser = await lastUserId();
  const memberToken = await t.tokenFor('expert');
  const memberUser = await lastUserId();
  const ids: Panel = {
    chair: await expert(`${tag} Chair`, 'academic', { degree: 'doctor', priorPanels: 9, userId: chairUser }),
    academic2: await expert(`${tag} Academic Two`, 'academic', { priorPanels: 3, userId: memberUser }),
    academic3: await expert(`${tag} Academic Three`, 'academic', { degree: 'candidate', priorPanels: 1 }),
    employer: await expert(`${tag} Employer`, 'employer'),
    student: await expert(`${tag} Student`, 'student'),
    foreign: await expert(`${tag} Foreign`, 'foreign', { degree: 'phd', country: 'DE', languages: ['en'] }),
    spareEmployer: await expert(`${tag} Employer Two`, 'employer'),
  };
  return { ids, chairToken, memberToken };
}

async function includedProgramme(code: string): Promise<string> {
  const created = await t.json('POST', '/api/programmes', {
    token: tok.adminA,
    body: {
      organizationId: org.satbayev,
      code,
      name: { kk: 'Автоматтандыру және басқару', ru: 'Автоматизация и управление', en: 'Automation and control' },
      fieldCode: '07',
      directionCode: '071',
      nqfLevel: 6,
      degree: 'bachelor',
      creditsEcts: 240,
      languages: ['kk', 'ru', 'en'],
      outcomes: [{ code: 'LO1', text: { kk: 'Басқару жүйелерін жобалайды', ru: 'Проектирует системы управления', en: 'Designs control systems' } }],
      courses: [
        {
          code: 'AC101',
          name: { kk: 'Басқару теориясы', ru: 'Теория управления', en: 'Control theory' },
          cycle: 'major',
          component: 'core',
          credits: 6,
          outcomes: ['LO1'],
        },
      ],
    },
  });
  ok(created, 201, 'programme');
  for (const [action, token] of [
    ['submit', tok.adminA],
    ['start-review', tok.ministry],
    ['include', tok.ministry],
  ] as const) {
    ok(await t.json('POST', `/api/programmes/${created.body.id}/transitions`, { token, body: { action } }), 200, `programme ${action}`);
  }
  return created.body.id;
}

function upload(caseId: string, version: number, token: string, bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'application/pdf' }));
  form.append('section', '1');
  form.append('title', name);
  return t.app.request(`/api/accreditation/cases/${caseId}/sar/versions/${version}/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
}

function storedFileCount(): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile()).length;
}

const TEXT = {
  kk: (code: string) => `${code} стандарты бойынша өзін-өзі бағалау`,
  ru: (code: string) => `Самооценка по стандарту ${code}`,
  en: (code: string) => `Self-assessment against standard ${code}`,
};

/** From a new case to 'sar-accepted': application, registration, review, contract, coordinator, SAR v1, revision, SAR v2. */
async function toSarAccepted(caseId: string, admin: string, checks: { files?: boolean } = {}) {
  await act(caseId, 'apply', admin);
  await act(caseId, 'register', tok.staff);
  await act(caseId, 'start-initial-review', tok.staff);
  await act(caseId, 'accept', tok.staff);
  await act(caseId, 'start-contracting', tok.head);
  await act(caseId, 'sign-contract', tok.staff, { contractNumber: `D-${caseId.slice(0, 4)}`, signedOn: '2026-02-02' });
  await act(caseId, 'assign-coordinator', tok.head, { coordinatorUserId: coordinatorId });
  await act(caseId, 'start-sar', tok.staff);

  const v1 = await t.json('POST', `/api/accreditation/cases/${caseId}/sar/versions`, { token: admin });
  ok(v1, 201, 'SAR v1');
  const codes: string[] = v1.body.sections.map((s: { code: string }) => s.code);
  assert.ok(codes.length >= 8, 'a section per standard');
  for (const code of codes) {
    const res = await t.json('PUT', `/api/accreditation/cases/${caseId}/sar/versions/1/sections/${code}`, {
      token: admin,
      body: { kk: TEXT.kk(code), ru: TEXT.ru(code), en: TEXT.en(code) },
    });
    ok(res, 200, `SAR section ${code}`);
  }
  if (checks.files) {
    // A wrong file (an executable named .pdf) and an oversized one are refused and nothing is stored.
    const rowsBefore = (await t.db.selectFrom('files').select('sha256').execute()).length;
    const filesBefore = storedFileCount();
    for (const [bytes, name] of [
      [sampleExe(), 'annex.pdf'],
      [new Uint8Array(1024 * 1024 + 100).fill(65), 'annex-big.pdf'],
    ] as const) {
      const res = await upload(caseId, 1, admin, bytes, name);
      assert.equal(res.status, 422, name);
      assert.equal((await res.json()).errors[0].path, 'file');
    }
    assert.equal((await t.db.selectFrom('files').select('sha256').execute()).length, rowsBefore, 'no file row');
    assert.equal(storedFileCount(), filesBefore, 'no file on disk');
    const v = await t.json('GET', `/api/accreditation/cases/${caseId}/sar/versions/1`, { token: admin });
    assert.equal(v.body.evidence.length, 0);
  }
  const good = await upload(caseId, 1, admin, samplePdf(`evidence ${caseId}`), 'Өзін-өзі бағалау қосымшасы.pdf');
  assert.equal(good.status, 201);
  const evidence = await good.json();
  assert.equal(evidence.mediaType, 'application/pdf');
  ok(await t.json('POST', `/api/accreditation/cases/${caseId}/sar/versions/1/submit`, { token: admin }), 200, 'submit SAR v1');
  await act(caseId, 'submit-sar', admin);
  await act(caseId, 'start-sar-review', tok.staff);

  // SAR review: the body reads the submitted version and its evidence, and asks for a revision.
  const seen = await t.json('GET', `/api/accreditation/cases/${caseId}/sar/versions/1`, { token: tok.staff });
  ok(seen, 200, 'staff reads SAR');
  assert.equal(seen.body.languagesComplete, true);
  assert.equal((await t.app.request(evidence.downloadUrl, { headers: { authorization: `Bearer ${tok.staff}` } })).status, 200);
  await act(caseId, 'request-sar-revision', tok.staff, { comment: 'Standard 3: add the employer survey results.' });
  const v2 = await t.json('POST', `/api/accreditation/cases/${caseId}/sar/versions`, { token: admin });
  ok(v2, 201, 'SAR v2');
  assert.equal(v2.body.version, 2);
  assert.equal(v2.body.languagesComplete, true, 'version 2 starts from version 1');
  assert.equal(v2.body.evidence.length, 1, 'the evidence is carried over');
  ok(
    await t.json('PUT', `/api/accreditation/cases/${caseId}/sar/versions/2/sections/${codes[2]}`, {
      token: admin,
      body: { en: `${TEXT.en(codes[2] as string)}, with the employer survey` },
    }),
    200,
    'revise section',
  );
  ok(await t.json('POST', `/api/accreditation/cases/${caseId}/sar/versions/2/submit`, { token: admin }), 200, 'submit SAR v2');
  await act(caseId, 'submit-sar', admin);
  await act(caseId, 'start-sar-review', tok.staff);
  const overview = await t.json('GET', `/api/accreditation/cases/${caseId}/sar`, { token: tok.staff });
  assert.deepEqual(
    overview.body.versions.map((v: { version: number; status: string }) => [v.version, v.status]),
    [
      [1, 'submitted'],
      [2, 'submitted'],
    ],
  );
  await act(caseId, 'accept-sar', tok.staff);
  return codes;
}

/** Panel with a challenged and replaced employer, accepted; visit ≥ 2 days with opinions and the signed protocol. */
async function panelAndVisit(caseId: string, admin: string, crew: Team, institutional: boolean) {
  const { ids } = crew;
  const members = [
    { expertId: ids.chair, role: 'chair' },
    { expertId: ids.academic2, role: 'member' },
    { expertId: ids.academic3, role: 'member' },
    { expertId: ids.employer, role: 'member' },
    { expertId: ids.student, role: 'member' },
    ...(institutional
      ? [
          { expertId: ids.foreign, role: 'foreign' },
          { userId: coordinatorId, role: 'coordinator' },
        ]
      : []),
  ];
  const set = await t.json('PUT', `/api/accreditation/cases/${caseId}/panel`, { token: tok.staff, body: { members } });
  ok(set, 200, 'panel');
  assert.deepEqual(set.body.ruleViolations, []);
  const employer = set.body.members.find((m: { expertId: string }) => m.expertId === ids.employer);
  const challenge = await t.json('POST', `/api/accreditation/cases/${caseId}/challenges`, {
    token: admin,
    body: { memberId: employer.id, reason: 'He sits on the supervisory board of a competing university.' },
  });
  ok(challenge, 201, 'challenge');
  // The visit cannot be scheduled while the challenge is open.
  const blocked = await t.json('POST', `/api/accreditation/cases/${caseId}/actions/schedule-visit`, {
    token: tok.staff,
    body: { visitStart: '2026-04-06', visitEnd: '2026-04-08', visitFormat: 'on-site' },
  });
  assert.equal(blocked.status, 409);
  assert.ok(blocked.body.unmet.includes('no-open-challenges'), JSON.stringify(blocked.body));
  const replaced = await t.json('POST', `/api/accreditation/cases/${caseId}/challenges/${challenge.body.id}/resolution`, {
    token: tok.staff,
    body: { decision: 'replace', replacement: { expertId: ids.spareEmployer }, comment: 'Challenge founded; replaced.' },
  });
  ok(replaced, 200, 'replace');
  assert.equal(replaced.body.status, 'replaced');
  const panel = await t.json('GET', `/api/accreditation/cases/${caseId}/panel`, { token: admin });
  const active = panel.body.members.filter((m: { status: string }) => m.status === 'active').map((m: { expertId: string }) => m.expertId);
  assert.ok(active.includes(ids.spareEmployer) && !active.includes(ids.employer), 'the replacement sits instead of the challenged expert');
  ok(
    await t.json('POST', `/api/accreditation/cases/${caseId}/panel/acceptance`, { token: admin, body: { letter: 'We accept the panel.' } }),
    200,
    'accept panel',
  );

  const plan = await t.json('PUT', `/api/accreditation/cases/${caseId}/visit`, {
    token: tok.staff,
    body: {
      mode: 'hybrid',
      startsOn: '2026-04-06',
      endsOn: '2026-04-08',
      interviewGroups: [
        { group: 'leadership', day: '2026-04-06', time: '10:00' },
        { group: 'students', day: '2026-04-07', participants: 25 },
        { group: 'employers', day: '2026-04-08' },
      ],
    },
  });
  ok(plan, 200, 'visit plan');
  assert.equal(plan.body.days, 3);
  await act(caseId, 'schedule-visit', tok.staff, { visitStart: '2026-04-06', visitEnd: '2026-04-08', visitFormat: 'hybrid' });
  await act(caseId, 'start-visit', tok.staff);
  ok(
    await t.json('POST', `/api/accreditation/cases/${caseId}/visit/opinions`, {
      token: crew.memberToken,
      body: { text: 'Good laboratories; employer links are weak.' },
    }),
    201,
    'opinion',
  );
  ok(
    await t.json('POST', `/api/accreditation/cases/${caseId}/visit/protocol`, {
      token: crew.chairToken,
      body: { text: 'Protocol of the visit, signed by the chair.' },
    }),
    200,
    'protocol',
  );
  await act(caseId, 'complete-visit', crew.chairToken);
}

/** Report versions with grades, a dissent, the template check, factual comments and the final report. */
async function report(caseId: string, admin: string, crew: Team, grades: { standardCode: string; grade: string }[]) {
  await act(caseId, 'start-report', crew.chairToken);
  const draft = await t.json('POST', `/api/accreditation/cases/${caseId}/report/versions`, {
    token: crew.chairToken,
    body: { summary: 'The panel’s findings.', grades: grades.map((g) => ({ ...g, findings: 'Evidence reviewed on site.' })) },
  });
  ok(draft, 200, 'report draft');
  assert.deepEqual(draft.body.current.missingStandards, []);
  ok(
    await t.json('POST', `/api/accreditation/cases/${caseId}/report/dissents`, {
      token: crew.memberToken,
      body: { standardCode: grades[0]?.standardCode, text: 'I would grade this standard compliant.' },
    }),
    200,
    'dissent',
  );
  // Nobody outside the body and the panel sees a draft.
  assert.equal((await t.json('GET', `/api/accreditation/cases/${caseId}/report`, { token: admin })).status, 404);
  ok(await t.json('POST', `/api/accreditation/cases/${caseId}/report/submission`, { token: crew.chairToken }), 200, 'report submission');
  await act(caseId, 'submit-draft-report', crew.chairToken);
  ok(await t.json('POST', `/api/accreditation/cases/${caseId}/report/template-check`, { token: tok.staff, body: { result: 'pass' } }), 200, 'template check');
  await act(caseId, 'send-for-factual-check', tok.staff);
  const seen = await t.json('GET', `/api/accreditation/cases/${caseId}/report`, { token: admin });
  ok(seen, 200, 'the organization reads the report at the factual check');
  ok(
    await t.json('POST', `/api/accreditation/cases/${caseId}/report/factual-comments`, {
      token: admin,
      body: { text: 'Table 2.3 shows 2024 figures; 2025 attached.' },
    }),
    200,
    'factual comments',
  );
  const final = await t.json('POST', `/api/accreditation/cases/${caseId}/report/final`, { token: crew.chairToken, body: { grades: [] } });
  ok(final, 200, 'final report');
  assert.equal(final.body.current.status, 'final');
  await act(caseId, 'finalise-report', tok.staff);
}

/** The council: meeting with the case on its agenda, a recused member, votes. */
async function council(caseId: string, meetsOn: string, proposal: { outcome: string; termYears: number | null }) {
  const meeting = await t.json('POST', '/api/accreditation/council/meetings', {
    token: tok.staff,
    body: { bodyId: org.kazsee, meetsOn, agenda: [{ caseId, proposedOutcome: proposal.outcome, proposedTermYears: proposal.termYears }] },
  });
  ok(meeting, 201, 'meeting');
  await act(caseId, 'schedule-council', tok.staff);
  const id = meeting.body.id;
  // The conflicted member is recused: cannot vote, cannot see the tally of this case.
  const agenda = await t.json('GET', `/api/accreditation/council/meetings/${id}`, { token: tok.recused });
  assert.equal(agenda.body.agenda[0].recused, true);
  const refused = await t.json('POST', `/api/accreditation/council/meetings/${id}/votes`, { token: tok.recused, body: { caseId, choice: 'against' } });
  assert.equal(refused.status, 403);
  ok(await t.json('POST', `/api/accreditation/council/meetings/${id}/votes`, { token: tok.voter1, body: { caseId, choice: 'for' } }), 201, 'vote 1');
  ok(await t.json('POST', `/api/accreditation/council/meetings/${id}/votes`, { token: tok.voter2, body: { caseId, choice: 'for' } }), 201, 'vote 2');
  assert.equal((await t.json('GET', `/api/accreditation/council/meetings/${id}/votes?caseId=${caseId}`, { token: tok.recused })).status, 403);
  assert.deepEqual((await t.json('GET', `/api/accreditation/council/meetings/${id}/votes`, { token: tok.recused })).body.items, []);
  // Members see no tally until the vote closes, even after voting (tally-visibility.ts); the staff sees it.
  assert.deepEqual((await t.json('GET', `/api/accreditation/council/meetings/${id}/votes?caseId=${caseId}`, { token: tok.voter1 })).body.items, []);
  const tally = await t.json('GET', `/api/accreditation/council/meetings/${id}/votes?caseId=${caseId}`, { token: tok.staff });
  assert.equal(tally.body.items[0].for, 2);
  assert.equal(tally.body.items[0].recused, 1);
  return id;
}

async function registerEntry(register: 2 | 3, caseId: string, query = 'outcome=any') {
  const res = await t.json('GET', `/api/registers/${register}?organization=${org.satbayev}&${query}&limit=200`);
  ok(res, 200, `register ${register}`);
  return res.body.items.find((i: { caseId: string }) => i.caseId === caseId);
}

before(async () => {
  t = await createTestApp();
  dir = mkdtempSync(join(tmpdir(), 'sapa-e2e-'));
  useSettings({ ...previousSettings, FILES_DIR: dir, MAX_UPLOAD_MB: 1, PUBLIC_URL: loadConfig({ PUBLIC_URL: 'https://sapa.example.kz/' }).PUBLIC_URL });
  org.kazsee = await orgId('kazsee');
  org.satbayev = await orgId('satbayev-university');
  // The decision rule needs an accepted working internal QA system (oversight's fact).
  await acceptWorkingInternalQa(t.db, org.satbayev);
  org.kaznu = await orgId('kaznu');
  tok.adminA = await t.tokenFor('org-admin', org.satbayev);
  tok.adminB = await t.tokenFor('org-admin', org.kaznu);
  tok.staff = await t.tokenFor('agency-staff', org.kazsee);
  tok.head = await t.tokenFor('agency-head', org.kazsee);
  tok.ministry = await t.tokenFor('ministry');
  tok.voter1 = await t.tokenFor('council-member', org.kazsee);
  tok.voter2 = await t.tokenFor('council-member', org.kazsee);
  tok.recused = await t.tokenFor('council-member', org.kazsee);
  ok(
    await t.json('POST', '/api/accreditation/council/declarations', {
      token: tok.recused,
      body: { organizationId: org.satbayev, reason: 'I chaired its supervisory board until 2024.' },
    }),
    201,
    'declaration',
  );
  await t.tokenFor('agency-staff', org.kazsee);
  coordinatorId = await lastUserId();
});
after(async () => {
  useSettings(previousSettings);
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a programme case from the application to Register 3, then an appeal', () => {
  let caseId: string;
  let decisionId: string;
  let crew: Team;
  let standardCodes: string[];

  test('the applicant opens a case for its programme and the body takes it to an accepted SAR; wrong and oversized files are refused', async () => {
    crew = await team('P');
    const programmeId = await includedProgramme('6B07199');
    const created = await t.json('POST', '/api/accreditation/cases', {
      token: tok.adminA,
      body: { bodyId: org.kazsee, kind: 'programme', programmeIds: [programmeId] },
    });
    ok(created, 201, 'case');
    caseId = created.body.id;
    assert.equal(created.body.state, 'draft');
    await toSarAccepted(caseId, tok.adminA, { files: true });
    const c = await t.json('GET', `/api/accreditation/cases/${caseId}`, { token: tok.adminA });
    assert.equal(c.body.state, 'sar-accepted');
    assert.equal(c.body.coordinatorUserId, coordinatorId);
    assert.ok(c.body.deadlines.some((d: { step: string; met: boolean }) => d.step === 'sar' && d.met));
    const set = await t.json('GET', `/api/accreditation/standard-sets/${c.body.standardSetId}`);
    standardCodes = set.body.standards.map((s: { code: string }) => s.code);
  });

  test('an out-of-order step gets a 409 listing the allowed next steps', async () => {
    const res = await t.json('POST', `/api/accreditation/cases/${caseId}/actions/approve`, { token: tok.head });
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'invalid_transition');
    assert.deepEqual(res.body.allowedNext, ['schedule-visit', 'withdraw']);
  });

  test('a panel that breaks rules gets a 422 listing every broken rule', async () => {
    const res = await t.json('PUT', `/api/accreditation/cases/${caseId}/panel`, {
      token: tok.staff,
      body: {
        members: [
          { expertId: crew.ids.student, role: 'chair' },
          { expertId: crew.ids.academic3, role: 'member' },
        ],
      },
    });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.errors.map((e: { key: string }) => e.key).sort(), [
      'errors.panel.rule.academics',
      'errors.panel.rule.chairNotAcademic',
      'errors.panel.rule.employer',
    ]);
  });

  test('panel with a challenged and replaced expert, visit, report and the council with a recused member', async () => {
    await panelAndVisit(caseId, tok.adminA, crew, false);
    // One standard with recommendations: the decision rule proposes 3 years.
    await report(
      caseId,
      tok.adminA,
      crew,
      standardCodes.map((code, i) => ({ standardCode: code, grade: i === 1 ? 'with-recommendations' : 'compliant' })),
    );
    await council(caseId, '2026-06-10', { outcome: 'accredited', termYears: 3 });
    const c = await t.json('GET', `/api/accreditation/cases/${caseId}`, { token: tok.staff });
    assert.equal(c.body.state, 'council-scheduled');
  });

  test('a departure from the rule needs a reason; the rule’s proposal is decided, approved, certified and published', async () => {
    const departing = await t.json('POST', `/api/accreditation/cases/${caseId}/actions/decide`, {
      token: tok.staff,
      body: { outcome: 'accredited', termYears: 5 },
    });
    assert.equal(departing.status, 422);
    assert.deepEqual(
      departing.body.errors.map((e: { path: string }) => e.path),
      ['departureReason'],
    );
    await act(caseId, 'decide', tok.staff, { outcome: 'accredited', termYears: 3 });
    assert.equal(await registerEntry(3, caseId), undefined, 'not in the register before approval');
    assert.equal((await t.json('POST', `/api/accreditation/cases/${caseId}/actions/approve`, { token: tok.staff })).status, 403, 'only the head approves');
    await act(caseId, 'approve', tok.head);
    const entry = await registerEntry(3, caseId, 'outcome=accredited');
    assert.ok(entry, 'in Register 3 once approved');
    decisionId = entry.decisionId;
    assert.equal(entry.termYears, 3);
    assert.equal(entry.status, 'active');

    const pdf = await t.request('GET', `/api/accreditation/decisions/${decisionId}/certificate.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const text = Buffer.from(await pdf.arrayBuffer()).toString('latin1');
    assert.ok(text.startsWith('%PDF-'));
    assert.ok(text.includes(`/accreditation/decisions/${decisionId})`), 'QR link to the public decision page');

    const published = await act(caseId, 'publish', tok.staff);
    assert.equal(published.state, 'published');
    const publications = await t.json('GET', `/api/accreditation/cases/${caseId}/publications`, { token: tok.staff });
    assert.deepEqual(publications.body.map((p: { channel: string }) => p.channel).sort(), ['ministry', 'ueis', 'website']);

    const decision = await t.json('GET', `/api/accreditation/decisions/${decisionId}`);
    ok(decision, 200, 'public decision');
    assert.equal(decision.body.outcome, 'accredited');
    assert.equal(decision.body.termYears, 3);
    assert.deepEqual(decision.body.proposal, { outcome: 'accredited', termYears: 3, reasons: ['standard-with-recommendations'] });
    assert.equal(decision.body.departureReason, null);
    assert.equal(decision.body.votes.for, 2);
    assert.equal(decision.body.report.status, 'final');
    assert.ok(decision.body.certificateNumber);
    const inRegister = await t.json('GET', `/api/registers/3?q=6B07199`);
    assert.deepEqual(
      inRegister.body.items.map((i: { decisionId: string }) => i.decisionId),
      [decisionId],
    );
  });

  test('an appeal is filed in writing, decided by the head with a commission, and its outcome shows in the history and Register 3', async () => {
    const oral = await t.json('POST', '/api/accreditation/appeals', { token: tok.adminA, body: { caseId, subject: 'council-decision', form: 'oral' } });
    assert.equal(oral.status, 422);
    assert.equal(
      (
        await t.json('POST', '/api/accreditation/appeals', {
          token: tok.adminB,
          body: { caseId, subject: 'council-decision', form: 'written', signedBy: 'X', documentRef: 'Y', grounds: 'Z' },
        })
      ).status,
      403,
    );
    const filed = await t.json('POST', '/api/accreditation/appeals', {
      token: tok.adminA,
      body: {
        caseId,
        subject: 'council-decision',
        form: 'written',
        signedBy: 'Rector of Satbayev University',
        signatoryPosition: 'Rector',
        documentRef: 'Outgoing No. 01-12/345',
        grounds: 'Standard 2 was graded with recommendations on outdated figures corrected in our factual comments.',
      },
    });
    ok(filed, 201, 'appeal');
    assert.equal(filed.body.decisionId, decisionId);
    const early = await t.json('POST', `/api/accreditation/appeals/${filed.body.id}/decision`, {
      token: tok.head,
      body: { outcome: 'upheld', reason: 'x', newOutcome: 'accredited', newTermYears: 5 },
    });
    assert.equal(early.status, 409, 'a commission first');
    assert.equal(
      (await t.json('PUT', `/api/accreditation/appeals/${filed.body.id}/commission`, { token: tok.staff, body: { members: [{ name: 'A', role: 'chair' }] } }))
        .status,
      403,
    );
    ok(
      await t.json('PUT', `/api/accreditation/appeals/${filed.body.id}/commission`, {
        token: tok.head,
        body: {
          members: [
            { name: 'Appeals chair', role: 'chair' },
            { name: 'Independent member', role: 'member' },
          ],
        },
      }),
      200,
      'commission',
    );
    const decided = await t.json('POST', `/api/accreditation/appeals/${filed.body.id}/decision`, {
      token: tok.head,
      body: { outcome: 'upheld', reason: 'The corrected figures meet standard 2.', newOutcome: 'accredited', newTermYears: 5 },
    });
    ok(decided, 200, 'appeal decision');
    const decision = await t.json('GET', `/api/accreditation/decisions/${decisionId}`);
    assert.equal(decision.body.termYears, 5);
    assert.equal(decision.body.appeals[0].outcome, 'upheld');
    assert.deepEqual(
      decision.body.history.map((h: { source: string; termYears: number }) => [h.source, h.termYears]),
      [
        ['approval', 3],
        ['appeal', 5],
      ],
    );
    const entry = await registerEntry(3, caseId, 'outcome=accredited');
    assert.equal(entry.termYears, 5);
  });
});

describe('an institutional case from the application to Register 2', () => {
  test('the whole procedure with a foreign expert and the coordinator on the panel ends in Register 2', async () => {
    const crew = await team('I');
    const refused = await t.json('POST', '/api/accreditation/cases', { token: tok.adminA, body: { bodyId: org.kazsee, kind: 'institutional', eurAce: true } });
    assert.equal(refused.status, 422);
    const created = await t.json('POST', '/api/accreditation/cases', { token: tok.adminA, body: { bodyId: org.kazsee, kind: 'institutional' } });
    ok(created, 201, 'case');
    const caseId = created.body.id;
    const codes = await toSarAccepted(caseId, tok.adminA);
    // An institutional panel without the foreign expert and the coordinator breaks two rules at once.
    const incomplete = await t.json('PUT', `/api/accreditation/cases/${caseId}/panel`, {
      token: tok.staff,
      body: {
        members: [
          { expertId: crew.ids.chair, role: 'chair' },
          { expertId: crew.ids.academic2, role: 'member' },
          { expertId: crew.ids.academic3, role: 'member' },
          { expertId: crew.ids.employer, role: 'member' },
          { expertId: crew.ids.student, role: 'member' },
        ],
      },
    });
    assert.equal(incomplete.status, 422);
    assert.deepEqual(incomplete.body.errors.map((e: { key: string }) => e.key).sort(), ['errors.panel.rule.coordinator', 'errors.panel.rule.foreign']);
    await panelAndVisit(caseId, tok.adminA, crew, true);
    const c = await t.json('GET', `/api/accreditation/cases/${caseId}`, { token: tok.staff });
    const set = await t.json('GET', `/api/accreditation/standard-sets/${c.body.standardSetId}`);
    const standards: string[] = set.body.standards.map((s: { code: string }) => s.code);
    assert.ok(standards.length >= 8 && codes.length >= standards.length);
    await report(
      caseId,
      tok.adminA,
      crew,
      standards.map((code) => ({ standardCode: code, grade: 'compliant' })),
    );
    await council(caseId, '2026-06-11', { outcome: 'accredited', termYears: 5 });
    await act(caseId, 'decide', tok.staff, { outcome: 'accredited', termYears: 5 });
    await act(caseId, 'approve', tok.head);
    await act(caseId, 'publish', tok.staff);
    const entry = await registerEntry(2, caseId, 'outcome=accredited');
    assert.ok(entry, 'in Register 2');
    assert.equal(entry.kind, 'institutional');
    assert.equal(entry.termYears, 5);
    assert.equal(entry.programme, null);
    const decision = await t.json('GET', `/api/accreditation/decisions/${entry.decisionId}`);
    assert.deepEqual(decision.body.proposal, { outcome: 'accredited', termYears: 5, reasons: ['all-compliant'] });
    assert.equal((await t.request('GET', `/api/accreditation/decisions/${entry.decisionId}/certificate.pdf`)).status, 200);
    const events = (await t.json('GET', `/api/accreditation/cases/${caseId}`, { token: tok.adminA })).body.events.map((e: { action: string }) => e.action);
    assert.equal(events.at(-1), 'publish');
    assert.ok(events.includes('request-sar-revision') && events.includes('complete-visit') && events.includes('decide'));
  });
});
