// A credential Sapa issues — its did:web key, its status lists — verifies with the reference
// pipeline (@digitalbazaar/vc with the Bitstring Status List checker), offline.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { inTransaction } from '../platform/context.ts';
import { issueCredential } from './credential.service.ts';
import { createDocumentLoader, MULTIKEY_CONTEXT, OB_V3_CONTEXT, VC_V2_CONTEXT } from './document-loader.ts';
import { didOf } from './keys.did.ts';
import { signingKeyFor } from './keys.internal.ts';
import { issuerDidDocument } from './keys.service.ts';
import { changeCredentialStatus, getStatusList, statusListIdOf } from './status-list.service.ts';
import { verifyCredential } from './verify.service.ts';

let t: TestApp;
let orgId: string;

before(async () => {
  t = await createTestApp();
  orgId = (await t.db.selectFrom('organizations').select('id').where('key', '=', 'satbayev-university').executeTakeFirstOrThrow()).id;
});
after(() => t.close());

/** The reference loader: bundled contexts, DIDs and status lists answered from Sapa's database. */
function referenceLoader() {
  const contexts = createDocumentLoader({
    resolveDid: async (url: string) => {
      const did = didOf(url);
      const doc = await issuerDidDocument(t.db, decodeURIComponent(did.split(':').at(-1) ?? ''));
      if (!doc) return undefined;
      if (!url.includes('#')) return doc;
      const method = doc.verificationMethod.find((m) => m.id === url);
      return method ? { '@context': MULTIKEY_CONTEXT, ...method } : undefined;
    },
  });
  return async (url: string) => {
    const listId = statusListIdOf(url);
    if (listId) {
      const list = await getStatusList(t.db, listId);
      if (list) return { contextUrl: null, documentUrl: url, document: list.credential };
    }
    return contexts(url);
  };
}

const referenceVerify = (credential: unknown) => {
  const documentLoader = referenceLoader();
  const suite = new DataIntegrityProof({ cryptosuite });
  return vc.verifyCredential({
    credential,
    suite,
    documentLoader,
    checkStatus: (options) =>
      checkStatus({ ...(options as object), credential, documentLoader, suite, verifyMatchingIssuers: true } as Parameters<typeof checkStatus>[0]),
  });
};

describe('Sapa credentials with the reference verifier', () => {
  test('an issued credential and its status lists verify; after revocation the reference sees it too', async () => {
    const issued = await inTransaction(t.system, (ctx) =>
      issueCredential(ctx, {
        organizationId: orgId,
        learner: { name: 'Айбек Төлеуов', email: 'aibek@example.kz' },
        achievement: { name: 'Жасанды интеллект негіздері', description: 'Машиналық оқыту кіріспесі', criteria: { narrative: 'Жоба' }, creditsAvailable: 4 },
        validFrom: '2025-02-01',
      }),
    );
    const result = await referenceVerify(issued.credential);
    assert.equal(result.verified, true, JSON.stringify(result, (_k, v) => (v instanceof Error ? v.message : v)).slice(0, 2000));

    await inTransaction(t.system, (ctx) => changeCredentialStatus(ctx, issued.id, 'revoke', 'Test revocation'));
    const revoked = (await referenceVerify(issued.credential)) as {
      verified: boolean;
      statusResult?: { results?: { status?: boolean; credentialStatus?: { statusPurpose?: string } }[] };
    };
    // The one status entry (decision 68) is a suspension bit, set for good on revocation.
    const entry = revoked.statusResult?.results?.find((r) => r.credentialStatus?.statusPurpose === 'suspension');
    assert.equal(entry?.status, true, JSON.stringify(revoked.statusResult));
  });

  test("a credential the reference library signs with an organization's Sapa key passes Sapa's verification", async () => {
    const key = await inTransaction(t.system, (ctx) => signingKeyFor(ctx, orgId));
    const keyPair = await Ed25519Multikey.from({
      '@context': MULTIKEY_CONTEXT,
      type: 'Multikey',
      id: key.verificationMethod,
      controller: key.controller,
      publicKeyMultibase: key.publicKeyMultibase,
      secretKeyMultibase: key.secretKeyMultibase,
    });
    const unsigned = {
      '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
      id: 'urn:uuid:7d3c2a9e-1b4f-4c6d-8e2a-9f0b1c2d3e4f',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: 'Reference-issued badge',
      issuer: { id: key.controller, type: ['Profile'], name: 'Satbayev University' },
      validFrom: '2025-03-01T00:00:00Z',
      credentialSubject: {
        type: ['AchievementSubject'],
        identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Test' }],
        achievement: {
          id: 'urn:uuid:0c8f3e1a-2b5d-4e7f-9a1b-3c5d7e9f1a2b',
          type: ['Achievement'],
          name: 'Badge',
          description: 'Made by the reference library',
          criteria: { narrative: 'n/a' },
        },
      },
    };
    const signed = await vc.issue({
      credential: unsigned,
      suite: new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite }),
      documentLoader: referenceLoader(),
    });
    const report = await verifyCredential(t.db, signed, { now: new Date('2026-01-01T00:00:00Z') });
    assert.deepEqual(
      report.checks.filter((c) => !c.ok && c.severity === 'error').map((c) => c.check),
      [],
      JSON.stringify(report.checks),
    );
    const tampered = { ...signed, name: 'Changed' };
    assert.equal((await verifyCredential(t.db, tampered)).verdict, 'invalid');
  });
});
