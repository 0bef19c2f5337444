// QA-system failure ("bankruptcy") and recovery through the API (issue 16 item 4): the authority
// declares on a high risk only; an organization declares its own or records its founders'; levels
// without a failure in the seed are refused naming the field; the plan, reports over time and the
// closing (recovered only when every measure is done or dropped; otherwise with a reason); who may
// do what; and what the public learns while it is active.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { addOrganization } from '../../test/helpers/factories.ts';
import { inTransaction } from '../platform/context.ts';

const PATH = '/api/oversight/qa-failures';
let t: TestApp;
const id = { risky: '', calm: '', college: '', provider: '' };
const tok = { ministry: '', riskyAdmin: '', riskyEditor: '', calmAdmin: '', collegeAdmin: '', providerAdmin: '' };

before(async () => {
  t = await createTestApp();
  await inTransaction(t.system, async (ctx) => {
    id.risky = await addOrganization(ctx, { kk: 'Йота университеті', ru: 'Университет Йота', en: 'Iota University' });
    id.calm = await addOrganization(ctx, { kk: 'Каппа университеті', ru: 'Университет Каппа', en: 'Kappa University' });
    id.college = await addOrganization(ctx, { kk: 'Лямбда колледжі', ru: 'Колледж Лямбда', en: 'Lambda College' }, { kind: 'college' });
    id.provider = await addOrganization(ctx, { kk: 'Мю орталығы', ru: 'Центр Мю', en: 'Mu Centre' }, { kind: 'training-provider' });
  });
  tok.ministry = await t.tokenFor('ministry');
  tok.riskyAdmin = await t.tokenFor('org-admin', id.risky);
  tok.riskyEditor = await t.tokenFor('org-editor', id.risky);
  tok.calmAdmin = await t.tokenFor('org-admin', id.calm);
  tok.collegeAdmin = await t.tokenFor('org-admin', id.college);
  tok.providerAdmin = await t.tokenFor('org-admin', id.provider);
});
after(() => t.close());

const declare = (token: string, body: Record<string, unknown>, lang = 'en') => t.json('POST', PATH, { token, body: { grounds: 'Quality procedures stopped working.', ...body }, lang });
const paths = (b: { errors: { path: string }[] }) => b.errors.map((e) => e.path);

describe('QA-system failure and recovery', () => {
  let failure = '';

  test('the authority may not declare without a high risk score, and says so at the declarant field', async () => {
    const res = await declare(tok.ministry, { organizationId: id.risky, declarant: 'authority' }, 'ru');
    assert.equal(res.status, 422);
    assert.deepEqual(paths(res.body), ['declarant']);
    assert.match(res.body.errors[0].message, /оценка риска/);
  });

  test('an organization at a level the seed gives no failure for is refused at organizationId, in every language', async () => {
    for (const [lang, words] of [['kk', /жоғары білім/], ['ru', /высшего образования/], ['en', /higher education/]] as const) {
      const res = await declare(tok.providerAdmin, { organizationId: id.provider, declarant: 'organization' }, lang);
      assert.equal(res.status, 422);
      assert.deepEqual(paths(res.body), ['organizationId']);
      assert.match(res.body.errors[0].message, words);
    }
  });

  test('only the ministry declares as the authority; only the organization\'s admin declares for it or its founders', async () => {
    assert.equal((await declare(tok.riskyAdmin, { organizationId: id.risky, declarant: 'authority' })).status, 403);
    assert.equal((await declare(tok.riskyEditor, { organizationId: id.risky, declarant: 'organization' })).status, 403);
    assert.equal((await declare(tok.calmAdmin, { organizationId: id.risky, declarant: 'organization' })).status, 403);
    assert.equal((await declare(tok.ministry, { organizationId: id.risky, declarant: 'organization' })).status, 403);
    assert.equal((await t.json('POST', PATH, { body: { organizationId: id.risky, declarant: 'organization', grounds: 'x' } })).status, 401);
  });

  test('founders need a name; a college\'s founders declare through its admin', async () => {
    const nameless = await declare(tok.collegeAdmin, { organizationId: id.college, declarant: 'founders' });
    assert.equal(nameless.status, 422);
    assert.deepEqual(paths(nameless.body), ['foundersName']);
    const res = await declare(tok.collegeAdmin, { organizationId: id.college, declarant: 'founders', foundersName: 'Akimat of the region' });
    assert.equal(res.status, 201);
    assert.deepEqual([res.body.level, res.body.declarant, res.body.foundersName, res.body.state], ['tvet', 'founders', 'Akimat of the region', 'active']);
    assert.equal(res.body.source.lines, 'L2043-2055');
    assert.equal((await declare(tok.collegeAdmin, { organizationId: id.college, declarant: 'organization' })).status, 409, 'one active failure at a time');
  });

  test('on a high risk score the authority declares, with the score it relied on', async () => {
    assert.equal((await t.json('POST', '/api/oversight/risk/assessments', { token: tok.ministry, body: { organizationIds: [id.risky] } })).status, 200);
    const res = await declare(tok.ministry, { organizationId: id.risky, declarant: 'authority' });
    assert.equal(res.status, 201);
    failure = res.body.id;
    assert.equal(res.body.level, 'higher');
    assert.equal(res.body.risk.score, 75);
    assert.equal(res.body.declarant, 'authority');
  });

  test('the plan: four kinds of measures with owners, deadlines and statuses; a deadline before the declaration is refused at its row', async () => {
    const early = await t.json('PUT', `${PATH}/${failure}/plan`, {
      token: tok.riskyAdmin,
      body: { measures: [{ kind: 'financial', description: 'Grant', owner: 'Ministry', dueOn: '2020-01-01', status: 'planned' }] },
    });
    assert.equal(early.status, 422);
    assert.deepEqual(paths(early.body), ['measures.0.dueOn']);
    const measures = [
      { kind: 'risk-management', description: 'Risk register reviewed monthly', owner: 'Rector', dueOn: '2027-03-01', status: 'in-progress' },
      { kind: 'financial', description: 'Targeted grant for laboratories', owner: 'Ministry', dueOn: '2027-06-30', status: 'planned' },
      { kind: 'advisory', description: 'Mentoring by a recovered university', owner: 'Quality office', dueOn: '2027-04-15', status: 'planned' },
      { kind: 'regulatory', description: 'Explanation of the licensing rules', owner: 'Ministry legal department', dueOn: '2027-02-01', status: 'done' },
    ];
    const res = await t.json('PUT', `${PATH}/${failure}/plan`, { token: tok.riskyAdmin, body: { measures } });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.measures.map((m: { kind: string }) => m.kind), ['risk-management', 'financial', 'advisory', 'regulatory']);
    assert.equal(res.body.planDeadline, '2027-06-30');
    assert.equal((await t.json('PUT', `${PATH}/${failure}/plan`, { token: tok.riskyEditor, body: { measures } })).status, 403);
    assert.equal((await t.json('PUT', `${PATH}/${failure}/plan`, { token: tok.calmAdmin, body: { measures } })).status, 404, 'another organization learns nothing');
  });

  test('progress reports are appended by the organization and the authority, each with its author', async () => {
    assert.equal((await t.json('POST', `${PATH}/${failure}/reports`, { token: tok.riskyAdmin, body: { text: 'Risk register set up.' } })).status, 201);
    const res = await t.json('POST', `${PATH}/${failure}/reports`, { token: tok.ministry, body: { text: 'Visit: register in use.' } });
    assert.equal(res.status, 201);
    assert.deepEqual(res.body.reports.map((r: { author: string; text: string }) => [r.author, r.text]), [
      ['organization', 'Risk register set up.'],
      ['authority', 'Visit: register in use.'],
    ]);
    assert.equal((await t.json('POST', `${PATH}/${failure}/reports`, { token: tok.riskyEditor, body: { text: 'x' } })).status, 403);
  });

  test('the public learns the fact, date, level, declarant kind and deadlines while it is active, not the grounds or reports', async () => {
    const res = await t.json('GET', `/api/organizations/${id.risky}/qa-failure`);
    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys(res.body.active).sort(), ['declarant', 'declaredOn', 'level', 'measures', 'planDeadline']);
    assert.deepEqual(res.body.active.measures[0], { kind: 'risk-management', dueOn: '2027-03-01' });
    assert.doesNotMatch(JSON.stringify(res.body), /Risk register|grounds|Rector/);
    assert.equal((await t.json('GET', `/api/organizations/${id.calm}/qa-failure`)).body.active, null);
    const page = await (await t.request('GET', `/en/organizations/${id.risky}`)).text();
    assert.match(page, /id="qa-failure"/);
    assert.match(page, /the authority declared the failure/);
    assert.doesNotMatch(page, /Quality procedures stopped working/);
    assert.doesNotMatch(await (await t.request('GET', `/en/organizations/${id.calm}`)).text(), /id="qa-failure"/);
  });

  test('closing: recovered only when no measure is open; closed otherwise only with a reason; only by the ministry', async () => {
    const open = await t.json('POST', `${PATH}/${failure}/close`, { token: tok.ministry, body: { outcome: 'recovered' }, lang: 'kk' });
    assert.equal(open.status, 422);
    assert.deepEqual(paths(open.body), ['outcome']);
    const reasonless = await t.json('POST', `${PATH}/${failure}/close`, { token: tok.ministry, body: { outcome: 'closed' } });
    assert.deepEqual(paths(reasonless.body), ['reason']);
    assert.equal((await t.json('POST', `${PATH}/${failure}/close`, { token: tok.riskyAdmin, body: { outcome: 'closed', reason: 'We are fine' } })).status, 403);
    const current = (await t.json('GET', `${PATH}/${failure}`, { token: tok.riskyAdmin })).body;
    const done = current.measures.map((m: { status: string }) => ({ ...m, status: m.status === 'planned' ? 'dropped' : 'done' }));
    assert.equal((await t.json('PUT', `${PATH}/${failure}/plan`, { token: tok.ministry, body: { measures: done } })).status, 200);
    const closed = await t.json('POST', `${PATH}/${failure}/close`, { token: tok.ministry, body: { outcome: 'recovered', reason: 'Self-assessment accepted again.' } });
    assert.equal(closed.status, 200);
    assert.equal(closed.body.state, 'recovered');
    assert.ok(closed.body.closedOn);
    assert.deepEqual(
      closed.body.history.map((h: { action: string }) => h.action),
      ['qa-failure.declare', 'qa-failure.plan', 'qa-failure.report', 'qa-failure.report', 'qa-failure.plan', 'qa-failure.recover'],
    );
    assert.equal((await t.json('POST', `${PATH}/${failure}/reports`, { token: tok.riskyAdmin, body: { text: 'late' } })).status, 409);
    assert.equal((await t.json('GET', `/api/organizations/${id.risky}/qa-failure`)).body.active, null, 'no longer public once closed');
  });

  test('lists: the ministry sees every failure by state; an organization its own; the editor reads them', async () => {
    const active = await t.json('GET', `${PATH}?state=active`, { token: tok.ministry });
    assert.deepEqual(active.body.items.map((i: { organizationId: string }) => i.organizationId), [id.college]);
    const mine = await t.json('GET', PATH, { token: tok.riskyEditor });
    assert.deepEqual(mine.body.items.map((i: { state: string }) => i.state), ['recovered']);
    assert.equal((await t.json('GET', PATH, { token: tok.calmAdmin })).body.total, 0);
    assert.equal((await t.json('GET', PATH)).status, 401);
    const college = active.body.items[0].id;
    const closed = await t.json('POST', `${PATH}/${college}/close`, { token: tok.ministry, body: { outcome: 'closed', reason: 'The founders withdrew the declaration.' } });
    assert.equal(closed.body.state, 'closed');
    assert.equal(closed.body.closingReason, 'The founders withdrew the declaration.');
  });
});
