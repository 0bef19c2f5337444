// The demonstration credentials: issued, revoked, suspended and expired credentials that verify
// as such, specifications at the demo centre and the university, and registered certificates.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { TestApp } from '../../test/helpers/app.ts';
import { DEMO_ISSUER_TOKEN } from '../credentials/vc-api.service.ts';
import { verifyCredential } from '../credentials/verify.service.ts';
import { DEMO_PASSWORD } from './demo-users.ts';
import { DEMO_CENTRE_KEY, DEMO_CERTIFICATION_CENTRE_KEY, DEMO_LEARNER_EMAIL, DEMO_UNIVERSITY_KEY } from './seed-demo-credentials.ts';

/** Checks of the demo data, run by seed.test.ts on the one seeded database (seeding takes minutes). */
export function credentialDemoChecks(app: () => TestApp): void {
  describe('the credentials demo', () => {
    let t: TestApp;
    before(() => {
      t = app();
    });

    const credentialsOf = () =>
      t.db
        .selectFrom('credentials')
        .innerJoin('organizations as o', 'o.id', 'credentials.organization_id')
        .select([
          'credentials.id',
          'credentials.status',
          'credentials.status_reason',
          'credentials.learner_email',
          'credentials.credential',
          'credentials.is_synthetic',
          'o.key',
        ])
        .execute();

    test('the demo holds issued, revoked and suspended credentials of the centre and the university, each verifying as such', async () => {
      const rows = await credentialsOf();
      assert.ok(rows.length >= 10, `${rows.length} credentials`);
      assert.ok(rows.every((r) => r.is_synthetic));
      const byStatus = (s: string) => rows.filter((r) => r.status === s);
      assert.ok(byStatus('active').length >= 5);
      assert.ok(byStatus('revoked').length >= 2 && byStatus('revoked').every((r) => r.status_reason));
      assert.ok(byStatus('suspended').length >= 2 && byStatus('suspended').every((r) => r.status_reason));
      assert.deepEqual([...new Set(rows.map((r) => r.key))].sort(), [DEMO_CENTRE_KEY, DEMO_UNIVERSITY_KEY].sort());

      const verdicts = new Map<string, string[]>();
      for (const r of rows) {
        const report = await verifyCredential(t.db, r.credential);
        const failed = report.checks.filter((c) => !c.ok && c.severity === 'error').map((c) => c.check);
        const warned = report.checks.filter((c) => !c.ok && c.severity === 'warning').map((c) => c.check);
        verdicts.set(r.id, failed);
        // An active demo credential fails nothing but (once) its end date; the issuer held its licence
        // or registration on the award date. (Demo programmes have no programme group, so a licence
        // cannot cover the programme a micro-credential stacks toward: that warning may remain.)
        if (r.status === 'active')
          assert.ok(
            failed.every((c) => c === 'validity'),
            `${r.id}: ${failed.join(', ')} — ${report.summary}`,
          );
        else assert.deepEqual(failed, ['status'], `${r.status} ${r.id}: ${report.summary}`);
        assert.ok(!warned.includes('accreditation'), `${r.id}: ${report.summary}`);
        if (r.key === DEMO_CENTRE_KEY) assert.deepEqual(warned, [], `${r.id}: ${report.summary}`);
      }
      assert.equal([...verdicts.values()].filter((f) => f.includes('validity')).length, 1, 'one demo credential has expired');
    });

    test('the demo learner signs in and holds credentials that count toward a programme', async () => {
      const mine = (await credentialsOf()).filter((r) => r.learner_email === DEMO_LEARNER_EMAIL);
      assert.ok(mine.length >= 3);
      const session = await t.json('POST', '/api/auth/sign-in', { body: { email: DEMO_LEARNER_EMAIL, password: DEMO_PASSWORD } });
      assert.equal(session.status, 200);
      const specs = await t.db.selectFrom('credential_specifications').select(['code', 'programme_id', 'is_synthetic']).execute();
      assert.equal(specs.length, 4);
      assert.ok(specs.every((s) => s.is_synthetic));
      assert.ok(
        specs.some((s) => s.programme_id),
        'a university micro-credential stacks toward a programme',
      );
    });

    test('the demo certificates database holds valid and revoked certificates of both centres', async () => {
      const rows = await t.db
        .selectFrom('certificates')
        .innerJoin('organizations as o', 'o.id', 'certificates.organization_id')
        .select(['certificates.status', 'certificates.status_reason', 'o.key'])
        .execute();
      assert.ok(rows.length >= 5);
      assert.ok(rows.some((r) => r.status === 'revoked' && r.status_reason));
      assert.ok(rows.some((r) => r.status !== 'revoked'));
      assert.deepEqual([...new Set(rows.map((r) => r.key))].sort(), [DEMO_CENTRE_KEY, DEMO_CERTIFICATION_CENTRE_KEY].sort());
    });

    test('on the demo data, the VC API token sapa-demo-issuer issues as the demo centre, and the credential verifies clean', async () => {
      const credential = {
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        name: 'Cloud fundamentals',
        issuer: { type: ['Profile'], name: 'Digital Competence Centre (demo)' },
        validFrom: '2026-05-01T00:00:00Z',
        credentialSubject: {
          type: ['AchievementSubject'],
          identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Дана Қасымова' }],
          achievement: {
            id: 'urn:uuid:3f1c1c52-8f5c-4b8e-9a55-222222222222',
            type: ['Achievement'],
            name: 'Cloud fundamentals',
            description: 'Intro',
            criteria: { narrative: 'Exam' },
          },
        },
      };
      const res = await t.json('POST', '/vc/credentials/issue', { token: DEMO_ISSUER_TOKEN, body: { credential } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.match(res.body.verifiableCredential.issuer.id, new RegExp(`${DEMO_CENTRE_KEY}$`));
      const report = await verifyCredential(t.db, res.body.verifiableCredential);
      assert.equal(report.verdict, 'valid', report.summary);
    });
  });
}
