import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { bundledContexts, createDocumentLoader, DocumentNotBundledError, documentLoader } from './document-loader.ts';

// SHA-256 of each bundled context's JSON: a package upgrade that changes a context (and with it
// what every signed credential means) fails here first.
const PINNED: Record<string, string> = {
  'https://www.w3.org/ns/credentials/v2': 'bf6fd611e6773d58f649459a45dbbb81f94e8cfd058a756644cd5a4a882c4050',
  'https://www.w3.org/2018/credentials/v1': '778eb3a2ffad5df9773231da61b42c098e9849844873a6b5bf9be95c70d73df7',
  'https://purl.imsglobal.org/spec/ob/v3p0/context.json': 'ce6ab7f5729910f4fd7f35ec2cdb91f15446d1d2f886b6ccc1c1380b47fa8383',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json': 'a6196945628b9d02b7b60f57f0a8f6baa9771a202d1a9e378555fc95d71d6c33',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json': '3b7ee3db2a81386e4369ea73ccc6b85f3cf463094e633466cee7e0b048cbeb35',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'e407ae98563c7b4708be4c8198a7f254bc09c131afc68e73d5f90eb0a34c6f7f',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': 'f9767b4f07e2c92e6c084c34882f67cb335b13f0aface4b9bfc2ea08432a5892',
  'https://w3id.org/security/multikey/v1': '91f130b30b6705ee65dfa8f86e74922a74aaa0d5fc8bb35427ec2d607d3ad3eb',
  'https://w3id.org/security/data-integrity/v1': '3d76dae0cd98b289312e02c08d6a7b746cb1c66da17d605067f10f697ea0a76c',
  'https://w3id.org/security/data-integrity/v2': 'be223c58c54657e930970f0d11f03caf7287bddc7be7e6f010855190c6b39c21',
  'https://www.w3.org/ns/credentials/status/v1': '1d5d557d174395f467c025726ff37da4b18e81d95e2a7e285d8e2158e5f889ce',
  'https://www.w3.org/ns/did/v1': '922d86fef06acc0754ef45a4d662c51b57dcd1c9dab3bbdc8d71da81285a5270',
};

describe('offline JSON-LD document loader', () => {
  test('serves VC 2.0, Open Badges 3.0.3, Multikey, Data Integrity, status list and DID contexts', async () => {
    for (const url of [
      'https://www.w3.org/ns/credentials/v2',
      'https://www.w3.org/2018/credentials/v1',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json',
      'https://w3id.org/security/multikey/v1',
      'https://w3id.org/security/data-integrity/v2',
      'https://www.w3.org/ns/credentials/status/v1',
      'https://www.w3.org/ns/did/v1',
    ]) {
      const loaded = await documentLoader(url);
      assert.equal(loaded.documentUrl, url);
      assert.ok((loaded.document as { '@context'?: unknown })['@context'], url);
    }
  });

  test('refuses any other URL instead of fetching it', async () => {
    await assert.rejects(documentLoader('https://example.com/context.json'), DocumentNotBundledError);
    await assert.rejects(documentLoader('https://www.w3.org/ns/credentials/undefined-terms/v2'), DocumentNotBundledError);
    await assert.rejects(documentLoader('did:web:example.com'), DocumentNotBundledError);
  });

  test('asks the DID hook for did: URLs and refuses what it does not know', async () => {
    const loader = createDocumentLoader({ resolveDid: (url) => (url === 'did:web:a.example' ? { id: url } : undefined) });
    assert.deepEqual((await loader('did:web:a.example')).document, { id: 'did:web:a.example' });
    await assert.rejects(loader('did:web:b.example'), DocumentNotBundledError);
  });

  test('every bundled context has the pinned content', () => {
    const actual = Object.fromEntries(
      [...bundledContexts].map(([url, context]) => [url, createHash('sha256').update(JSON.stringify(context)).digest('hex')]),
    );
    assert.deepEqual(actual, PINNED);
  });
});
