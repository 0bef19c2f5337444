// Issuance and verification end to end over a real database: round trip, tampering, status,
// dates, unknown issuer, wrong key, key rotation, undefined terms.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { addOrganization } from '../../test/helpers/factories.ts';
import { createUser } from '../platform/auth/auth.service.ts';
import { inTransaction } from '../platform/context.ts';
import { type IssueCredentialInput, issueCredential, issueGivenCredential, listMyCredentials } from './credential.service.ts';
import { generateMultikey } from './keys.multikey.ts';
import { signingKeyFor } from './keys.internal.ts';
import { rotateIssuerKey } from './keys.service.ts';
import { signWithIssuerKey } from './proof.ts';
import { changeCredentialStatus } from './status-list.service.ts';
import { type CheckName, verifyCredential } from './verify.service.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests edit credentials as loose JSON
type Loose = Record<string, any>;

let t: TestApp;
let orgId: string;
let otherOrgId: string;

const input = (over: Partial<IssueCredentialInput> = {}): IssueCredentialInput => ({
  organizationId: orgId,
  learner: { name: 'Әлия Нұрланқызы', email: 'aliya@example.kz' },
  achievement: {
    name: 'Деректерді талдау негіздері',
    description: 'Python тілінде деректерді талдаудың негізгі әдістері.',
    criteria: { narrative: 'Қорытынды жобаны қорғау.' },
    achievementType: 'MicroCredential',
    creditsAvailable: 5,
  },
  validFrom: '2025-06-01',
  validUntil: '2030-06-01',
  ...over,
});

const now = new Date('2026-01-15T00:00:00Z');
const issue = (over: Partial<IssueCredentialInput> = {}) => inTransaction(t.system, (ctx) => issueCredential(ctx, input(over)));
const verify = (credential: unknown, at = now) => verifyCredential(t.db, credential, { now: at, lang: 'en' });
const check = (report: Awaited<ReturnType<typeof verify>>, name: CheckName) => report.checks.find((c) => c.check === name);
const failed = (report: Awaited<ReturnType<typeof verify>>) => report.checks.filter((c) => !c.ok && c.severity === 'error').map((c) => c.check);

before(async () => {
  t = await createTestApp();
  const orgs = await t.db.selectFrom('organizations').select(['id', 'key']).where('key', 'in', ['satbayev-university', 'kazsee']).execute();
  orgId = orgs.find((o) => o.key === 'satbayev-university')?.id ?? '';
  otherOrgId = orgs.find((o) => o.key === 'kazsee')?.id ?? '';
  assert.ok(orgId && otherOrgId);
});
after(() => t.close());

describe('issuing and verifying an Open Badges 3.0 credential', () => {
  test('a credential Sapa issues verifies with every error-level check passing', async () => {
    const { credential } = await issue();
    assert.deepEqual(credential.type, ['VerifiableCredential', 'OpenBadgeCredential']);
    assert.match(String((credential.issuer as { id: string }).id), /^did:web:localhost%3A3000:issuers:satbayev-university$/);
    const [proof] = credential.proof as { type: string; cryptosuite: string }[];
    assert.equal(proof?.type, 'DataIntegrityProof');
    assert.equal(proof?.cryptosuite, 'eddsa-rdfc-2022');
    const report = await verify(credential);
    assert.deepEqual(failed(report), [], JSON.stringify(report.checks, null, 1));
    assert.notEqual(report.verdict, 'invalid');
  });

  test('changing the learner, the issuer, a date or the proof value fails and names the check', async () => {
    const { credential } = await issue();
    const cases: [string, (c: Loose) => void, CheckName][] = [
      [
        'subject',
        (c) => {
          c.credentialSubject.name = 'Әлия Нұрланқызь';
        },
        'proof',
      ],
      [
        'achievement',
        (c) => {
          c.credentialSubject.achievement.creditsAvailable = 6;
        },
        'proof',
      ],
      [
        'issuer name',
        (c) => {
          c.issuer.name = 'Other';
        },
        'proof',
      ],
      [
        'issuer id',
        (c) => {
          c.issuer.id = 'did:web:evil.example:issuers:x';
        },
        'issuer',
      ],
      [
        'validFrom',
        (c) => {
          c.validFrom = '2025-06-02T00:00:00Z';
        },
        'proof',
      ],
      [
        'validUntil',
        (c) => {
          c.validUntil = '2031-06-01T00:00:00Z';
        },
        'proof',
      ],
      [
        'proof value',
        (c) => {
          const v: string = c.proof[0].proofValue;
          c.proof[0].proofValue = v.slice(0, -2) + (v.endsWith('a') ? 'bb' : 'aa');
        },
        'proof',
      ],
    ];
    for (const [what, change, expected] of cases) {
      const copy = structuredClone(credential) as Loose;
      change(copy);
      const report = await verify(copy);
      assert.equal(report.verdict, 'invalid', what);
      assert.ok(failed(report).includes(expected), `${what}: ${failed(report).join(',')}`);
    }
  });

  test('a revoked credential fails the status check with the reason, and a suspended one too until reinstated', async () => {
    const revoked = await issue();
    await inTransaction(t.system, (ctx) => changeCredentialStatus(ctx, revoked.id, 'revoke', 'Plagiarism in the final project'));
    const r1 = await verify(revoked.credential);
    assert.equal(check(r1, 'status')?.ok, false);
    assert.match(check(r1, 'status')?.message ?? '', /Revoked.*Plagiarism in the final project/);
    assert.equal(r1.verdict, 'invalid');

    const suspended = await issue();
    await inTransaction(t.system, (ctx) => changeCredentialStatus(ctx, suspended.id, 'suspend', 'Under investigation'));
    const r2 = await verify(suspended.credential);
    assert.match(check(r2, 'status')?.message ?? '', /Suspended.*Under investigation/);
    await inTransaction(t.system, (ctx) => changeCredentialStatus(ctx, suspended.id, 'reinstate', null));
    assert.equal(check(await verify(suspended.credential), 'status')?.ok, true);
    // The other credential on the same lists is untouched.
    const fresh = await issue();
    assert.equal(check(await verify(fresh.credential), 'status')?.ok, true);
  });

  test('an expired credential and one not yet valid fail the validity check', async () => {
    const { credential } = await issue({ validFrom: '2020-01-01', validUntil: '2021-01-01' });
    const expired = await verify(credential);
    assert.deepEqual(failed(expired), ['validity']);
    assert.match(check(expired, 'validity')?.message ?? '', /Expired on 2021-01-01/);
    const early = await verify(credential, new Date('2019-06-01T00:00:00Z'));
    assert.match(check(early, 'validity')?.message ?? '', /Not valid before 2020-01-01/);
  });

  test('a revoked or expired credential whose status or end date is renamed to the same IRI (same signature) is still invalid', async () => {
    const revoked = await issue();
    await inTransaction(t.system, (ctx) => changeCredentialStatus(ctx, revoked.id, 'revoke', 'Plagiarism'));
    const { credentialStatus, ...withoutStatus } = revoked.credential as Loose;
    const iriKey = { ...withoutStatus, 'https://www.w3.org/2018/credentials#credentialStatus': credentialStatus };
    const r1 = await verify(iriKey);
    assert.equal(check(r1, 'proof')?.ok, true, 'the renamed key is the same RDF: the signature still verifies');
    assert.equal(r1.verdict, 'invalid');

    const { credential } = await issue({ validFrom: '2020-01-01', validUntil: '2021-01-01' });
    const { validUntil, ...withoutEnd } = credential as Loose;
    const dateTime = 'http://www.w3.org/2001/XMLSchema#dateTime';
    const inline = { ...withoutEnd, '@context': [...withoutEnd['@context'], { expiry: { '@id': 'https://www.w3.org/2018/credentials#validUntil', '@type': dateTime } }], expiry: validUntil };
    const r2 = await verify(inline);
    assert.equal(r2.verdict, 'invalid');
    assert.equal(check(r2, 'shape')?.ok, false);
  });

  test('a credential signed by a did:web Sapa does not know fails the issuer and proof checks', async () => {
    const { credential } = await issue();
    const pair = generateMultikey();
    const did = 'did:web:elsewhere.example:issuers:fake';
    const unsigned = structuredClone(credential) as Loose;
    delete unsigned.proof;
    unsigned.issuer.id = did;
    const forged = await signWithIssuerKey(unsigned, { verificationMethod: `${did}#${pair.publicKeyMultibase}`, controller: did, ...pair });
    const report = await verify(forged);
    assert.ok(failed(report).includes('issuer'));
    assert.ok(failed(report).includes('proof'));
    assert.match(check(report, 'proof')?.message ?? '', /not a key of any issuer/);
  });

  test("a credential signed with a key not the issuer's own fails the proof check", async () => {
    const { credential } = await issue();
    const pair = generateMultikey();
    const vm = (credential.proof as { verificationMethod: string }[])[0]?.verificationMethod ?? '';
    const did = vm.split('#')[0] ?? '';
    const unsigned = structuredClone(credential) as Loose;
    delete unsigned.proof;
    // Claims the issuer's real verification method, but signs with another key.
    const forged = await signWithIssuerKey(unsigned, { verificationMethod: vm, controller: did, ...pair });
    const report = await verify(forged);
    assert.deepEqual(failed(report), ['proof']);
  });

  test("a status entry pointing at another organization's list fails the status check", async () => {
    const { credential } = await issue();
    const foreign = await inTransaction(t.system, async (ctx) => {
      const other = await issueCredential(ctx, input({ organizationId: otherOrgId }));
      return (other.credential.credentialStatus as { statusListCredential: string }).statusListCredential;
    });
    const unsigned = structuredClone(credential) as Loose;
    delete unsigned.proof;
    unsigned.credentialStatus.statusListCredential = foreign;
    unsigned.credentialStatus.id = `${foreign}#0`;
    const resigned = await inTransaction(t.system, async (ctx) => signWithIssuerKey(unsigned, await signingKeyFor(ctx, orgId)));
    const report = await verify(resigned);
    assert.deepEqual(failed(report), ['status']);
    assert.match(check(report, 'status')?.message ?? '', /belongs to another issuer/);
  });

  test('a credential signed before a key rotation still verifies, and new ones use the new key', async () => {
    const before = await issue();
    const rotation = await inTransaction(t.system, (ctx) => rotateIssuerKey(ctx, orgId));
    assert.equal(rotation.retired?.status, 'rotated');
    assert.deepEqual(failed(await verify(before.credential)), []);
    const afterRotation = await issue();
    assert.equal((afterRotation.credential.proof as { verificationMethod: string }[])[0]?.verificationMethod, rotation.current.verificationMethod);
    assert.deepEqual(failed(await verify(afterRotation.credential)), []);
  });

  test('a credential with a term outside its contexts is refused by the shape check', async () => {
    const { credential } = await issue();
    const copy = structuredClone(credential) as Loose;
    copy.credentialSubject.favouriteColour = 'blue';
    const report = await verify(copy);
    assert.equal(check(report, 'shape')?.ok, false);
    assert.match(check(report, 'shape')?.message ?? '', /favouriteColour/);
    assert.equal(report.verdict, 'invalid');
  });

  test('re-issuing with the same idempotency key returns the first credential', async () => {
    const first = await issue({ idempotencyKey: 'batch-1:row-1' });
    const second = await issue({ idempotencyKey: 'batch-1:row-1' });
    assert.equal(second.id, first.id);
    assert.equal(second.created, false);
  });

  test('a learner who signs up after issuance sees the credentials issued to their e-mail', async () => {
    const issued = await issue({ learner: { name: 'Марат Ибраев', email: 'Marat.Ibraev@Example.kz' } });
    const { id } = await inTransaction(t.system, (ctx) =>
      createUser(ctx, {
        email: 'marat.ibraev@example.kz',
        displayName: 'Марат',
        password: 'correct horse battery',
        roles: [{ role: 'learner', organizationId: null }],
      }),
    );
    const mine = await listMyCredentials(
      { ...t.system, actor: { kind: 'user', userId: id, label: 'Марат', roles: [{ role: 'learner', organizationId: null }] } },
      { limit: 10, offset: 0 },
    );
    assert.deepEqual(
      mine.items.map((c) => c.id),
      [issued.id],
    );
  });

  test('the programme of the specification is checked: covered by a licence on the award date, or a warning', async () => {
    const programme = async (code: string, group: string) =>
      (
        await sql<{ id: string }>`INSERT INTO programmes (organization_id, code, name_kk, name_ru, name_en, field_code, group_code, nqf_level, credits_ects)
          VALUES (${orgId}, ${code}, 'Ақпараттық жүйелер', 'Информационные системы', 'Information systems', '06', ${group}, 6, 240) RETURNING id`.execute(t.db)
      ).rows[0]?.id;
    const spec = async (programmeId: string | undefined) =>
      (
        await sql<{
          id: string;
        }>`INSERT INTO credential_specifications (organization_id, title_kk, title_ru, title_en, learner_identification, country_code, awarding_body_id,
            learning_outcomes, workload_ects, nqf_level, eqf_level, assessment_type, participation_form, quality_assurance, field_code, entitlement, programme_id)
          VALUES (${orgId}, 'А', 'А', 'A', 'email', 'KZ', ${orgId}, '[]', 5, 6, 6, 'project', 'online', 'licensing', '0613', '{}', ${programmeId}) RETURNING id`.execute(
          t.db,
        )
      ).rows[0]?.id;
    await sql`INSERT INTO licences (organization_id, number, issued_on, programme_groups, status) VALUES (${orgId}, 'KZ-TEST-PROG', '2020-01-01', '{B057}', 'active')`.execute(
      t.db,
    );
    const covered = await issue({ specificationId: await spec(await programme('6B06199', 'B057')) });
    const ok = await verify(covered.credential);
    assert.equal(check(ok, 'programme')?.ok, true);
    assert.match(check(ok, 'programme')?.message ?? '', /6B06199.*licence KZ-TEST-PROG/);
    // The award-date check by scope: the licence must cover the programme's group, and is named.
    assert.equal(check(ok, 'accreditation')?.key, 'ui.credential.result.accreditation.scopeLicence');
    assert.match(check(ok, 'accreditation')?.message ?? '', /licence KZ-TEST-PROG.*6B06199/);
    const uncovered = await issue({ specificationId: await spec(await programme('6B06198', 'B999')) });
    const warned = await verify(uncovered.credential);
    assert.equal(check(warned, 'accreditation')?.key, 'ui.credential.result.accreditation.outOfScope', 'a licence for other programmes does not cover this one');
    assert.equal(check(warned, 'accreditation')?.severity, 'warning');
    assert.equal(check(warned, 'programme')?.ok, false);
    assert.equal(check(warned, 'programme')?.severity, 'warning');
    assert.equal(warned.verdict, 'valid-with-warnings');
    // Another organization signing a credential that reuses this credential's id borrows nothing.
    const { credential: given } = await issue();
    const { proof: _p, credentialStatus: _s, ...unsigned } = given as Loose;
    const borrowed = await inTransaction(t.system, (ctx) =>
      issueGivenCredential(ctx, otherOrgId, { ...unsigned, id: covered.credential.id, issuer: { ...unsigned.issuer, id: undefined } }),
    );
    const foreign = await verify(borrowed.credential);
    assert.equal(check(foreign, 'programme')?.key, 'ui.credential.result.programme.none');
    assert.doesNotMatch(check(foreign, 'programme')?.message ?? '', /6B06199/);
  });

  test('without a programme, the award date is checked against the field and level the credential states', async () => {
    const college = await inTransaction(t.system, (ctx) => addOrganization(ctx, { kk: 'Сынақ университеті', ru: 'Тестовый университет', en: 'Test University' }));
    await sql`INSERT INTO licences (organization_id, number, issued_on, programme_groups, status) VALUES (${college}, 'KZ-SCOPE-ICT', '2020-01-01', '{B057}', 'active')`.execute(t.db);
    const nqf = (level: string) => ({ targetName: `NQF ${level}`, targetUrl: 'https://sapa.example/frameworks/nqf', targetCode: level, targetFramework: 'NQF of the Republic of Kazakhstan' });
    const stating = (fieldOfStudy: string | undefined, level: string | undefined) =>
      issue({ organizationId: college, achievement: { ...input().achievement, ...(fieldOfStudy ? { fieldOfStudy } : {}), ...(level ? { alignment: [nqf(level)] } : {}) } });
    const accreditation = async (fieldOfStudy: string | undefined, level: string | undefined) => check(await verify((await stating(fieldOfStudy, level)).credential), 'accreditation');

    const covered = await accreditation('0613', '6');
    assert.equal(covered?.key, 'ui.credential.result.accreditation.scopeFactsLicence');
    assert.equal(covered?.ok, true);
    assert.match(covered?.message ?? '', /licence KZ-SCOPE-ICT.*0613.*NQF level 6/);
    // Another field, or a level above the licence's bachelor groups, is not covered by it.
    for (const [field, level] of [['0413', '6'], ['0613', '7']] as const) {
      const outside = await accreditation(field, level);
      assert.equal(outside?.key, 'ui.credential.result.accreditation.scopeFactsUncovered', `${field} at ${level}`);
      assert.equal(outside?.ok, false);
      assert.equal(outside?.severity, 'warning');
    }
    // A field alone is checked on its own.
    assert.equal((await accreditation('0612', undefined))?.key, 'ui.credential.result.accreditation.scopeFactsLicence');
    // Nothing stated: not a pass, a warning that the scope could not be checked.
    const unknown = await accreditation(undefined, undefined);
    assert.equal(unknown?.key, 'ui.credential.result.accreditation.scopeUnknown');
    assert.equal(unknown?.ok, false);
    assert.equal(unknown?.severity, 'warning');
  });

  test('the verdict comes in Kazakh and Russian too', async () => {
    const { credential } = await issue();
    const kk = await verifyCredential(t.db, credential, { now, lang: 'kk' });
    const ru = await verifyCredential(t.db, credential, { now, lang: 'ru' });
    assert.match(kk.summary, /Түпнұсқа/);
    assert.match(ru.summary, /Подлинное/);
  });
});
