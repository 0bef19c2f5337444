// Differential test: the fast canonicalization must produce exactly what the general JSON-LD path
// (the reference's pipeline) produces, and must decline everything it cannot prove it knows.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generateOpenBadge, generateOpenBadges, random } from '../../test/fixtures/credentials/generate.ts';
import { OPEN_BADGE_CONTEXT, sampleOpenBadge } from '../../test/fixtures/credentials/open-badge.ts';
import { canonicalizeGeneral } from './canonicalize.ts';
import { fastCanonicalize } from './fast-canonical.ts';

type Doc = Record<string, unknown> & { '@context': unknown };
// biome-ignore lint/suspicious/noExplicitAny: the cases edit arbitrary paths of the JSON
type Editable = Doc & Record<string, any>;

async function general(document: Doc): Promise<string | Error> {
  try {
    return await canonicalizeGeneral(document);
  } catch (error) {
    return error as Error;
  }
}

function proofConfig(rng: () => number, i: number): Doc {
  return {
    '@context': OPEN_BADGE_CONTEXT,
    type: 'DataIntegrityProof',
    created: `2026-0${1 + (i % 9)}-1${i % 10}T0${i % 10}:00:00Z`,
    verificationMethod: `did:web:sapa.example:issuers:${Math.floor(rng() * 1e6)}#key-${i % 4}`,
    cryptosuite: 'eddsa-rdfc-2022',
    proofPurpose: i % 7 === 0 ? 'authentication' : 'assertionMethod',
  };
}

describe('fast canonicalization', () => {
  test('equals the general path byte for byte on 600 generated credentials and their proof configs', async () => {
    const rng = random(20261123);
    let fast = 0;
    for (let i = 0; i < 600; i++) {
      for (const document of [generateOpenBadge(rng, i), proofConfig(rng, i)]) {
        const expected = await general(document);
        const actual = await fastCanonicalize(document);
        if (actual === undefined) continue;
        fast++;
        assert.equal(actual, expected, JSON.stringify(document));
      }
    }
    // The generated credentials are the shapes Sapa issues: nearly all must take the fast path.
    assert.ok(fast >= 1150, `only ${fast} of 1200 documents took the fast path`);
  });

  test('takes presentations with embedded credentials (their own @context and proof) and equals the general path', async () => {
    const rng = random(20261202);
    const credentials = generateOpenBadges(40, 11).map((credential, i) => ({
      ...credential,
      proof: { ...proofConfig(rng, i), '@context': undefined, proofPurpose: 'assertionMethod', proofValue: `z${'3'.repeat(80 + (i % 5))}` },
    }));
    for (let i = 0; i < credentials.length; i++) {
      const presentation: Doc = {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiablePresentation'],
        holder: `did:key:z6Mk${i}holder`,
        verifiableCredential: i % 3 === 0 ? [credentials[i], credentials[(i + 1) % credentials.length]] : [credentials[i]],
      };
      const holderProof = { ...proofConfig(rng, i), '@context': presentation['@context'], proofPurpose: 'authentication', challenge: `c-${i}`, domain: 'https://verifier.example' };
      for (const document of [presentation, holderProof]) {
        const actual = await fastCanonicalize(JSON.parse(JSON.stringify(document)));
        assert.notEqual(actual, undefined, `presentation ${i} did not take the fast path`);
        assert.equal(actual, await general(JSON.parse(JSON.stringify(document))), `presentation ${i}`);
      }
    }
  });

  test('gives the same result when asked again and is not disturbed by other shapes in between', async () => {
    const [a, b] = generateOpenBadges(2, 7) as [Doc, Doc];
    const first = await fastCanonicalize(a);
    await fastCanonicalize(b);
    assert.equal(await fastCanonicalize(a), first);
    assert.equal(first, await general(a));
  });

  test('merges nodes that share an id, as JSON-LD does', async () => {
    const document = sampleOpenBadge('did:web:sapa.example:issuers:same') as Doc & { credentialSubject: Record<string, unknown> };
    document.credentialSubject.id = 'did:web:sapa.example:issuers:same';
    (document.credentialSubject as Record<string, unknown>).name = 'Сәтбаев университеті';
    const actual = await fastCanonicalize(document);
    assert.notEqual(actual, undefined);
    assert.equal(actual, await general(document));
  });

  test('takes unusual but well-defined values and still equals the general path', async () => {
    const base = () => structuredClone(sampleOpenBadge('did:web:sapa.example:issuers:x')) as Editable;
    const cases: [string, (d: Editable) => void][] = [
      ['a string where a float is coerced', (d) => { d.credentialSubject.achievement.creditsAvailable = 'six'; }],
      ['an integer where no datatype is coerced', (d) => { d.credentialStatus.statusListIndex = 5; }],
      ['a huge number', (d) => { d.credentialSubject.achievement.creditsAvailable = 1e300; }],
      ['a negative fraction', (d) => { d.credentialSubject.achievement.creditsAvailable = -0.000123; }],
      ['null values', (d) => { d.description = null; }],
      ['empty arrays', (d) => { d.credentialSubject.achievement.alignment = []; }],
      ['a single type as a string', (d) => { d.type = 'VerifiableCredential'; }],
      ['a context given as one string', (d) => { d['@context'] = 'https://www.w3.org/ns/credentials/v2'; d.type = 'VerifiableCredential'; d.issuer = d.issuer.id; d.credentialSubject = { id: 'did:example:1' }; }],
    ];
    for (const [what, change] of cases) {
      const document = base();
      change(document);
      const actual = await fastCanonicalize(document);
      assert.notEqual(actual, undefined, what);
      assert.equal(actual, await general(document), what);
    }
  });

  test('does not mistake a value that looks like its placeholders for a placeholder', async () => {
    const document = proofConfig(random(1), 1);
    document.proofPurpose = 'urn:sapa-fast:0';
    assert.equal(await fastCanonicalize(document), undefined);
    document.proofPurpose = 'assertionMethod';
    assert.equal(await fastCanonicalize(document), await general(document));
  });

  test('declines what it does not know, so the general path decides', async () => {
    const base = () => structuredClone(sampleOpenBadge('did:web:sapa.example:issuers:x')) as Editable;
    const cases: [string, (d: Editable) => void][] = [
      ['an unknown property', (d) => { d.credentialSubject.nickname = 'x'; }],
      ['an unknown type', (d) => { d.credentialSubject.achievement.type = ['Achievement', 'Trophy']; }],
      ['a context that is not bundled', (d) => { d['@context'] = [...OPEN_BADGE_CONTEXT, 'https://example.com/context.json']; }],
      ['an inline context with @vocab', (d) => { d['@context'] = [...OPEN_BADGE_CONTEXT, { '@vocab': 'https://example.com/#' }]; d.anything = 'x'; }],
      ['an inline context redefining a term', (d) => { d['@context'] = [...OPEN_BADGE_CONTEXT, { nick: 'https://schema.org/name' }]; }],
      ['a nested context that is not bundled', (d) => { d.credentialSubject['@context'] = 'https://example.com/context.json'; }],
      ['a nested context', (d) => { d.credentialSubject['@context'] = { '@vocab': 'https://example.com/#' }; }],
      ['a keyword used as a key', (d) => { d.credentialSubject['@id'] = 'did:example:x'; }],
      ['a relative IRI', (d) => { d.credentialSubject.achievement.id = 'achievements/1'; }],
      ['a blank-node id', (d) => { d.credentialSubject.achievement.id = '_:b7'; }],
      ['an IRI with a space', (d) => { d.id = 'https://sapa.example/credentials/a b'; }],
      ['a non-ASCII IRI', (d) => { d.id = 'https://sapa.example/куәлік/1'; }],
      ['a number where an IRI belongs', (d) => { d.issuer.id = 5; }],
      ['a fraction where no datatype is coerced', (d) => { d.credentialStatus.statusListIndex = 5.5; }],
      ['a JSON literal', (d) => { d.credentialSchema = { id: 'https://sapa.example/schema/1', type: 'JsonSchema', jsonSchema: { title: 'x' } }; }],
      ['no @context', (d) => { delete d['@context']; }],
      ['a sentinel-like verbatim value', (d) => { d.type = ['VerifiableCredential', 'urn:sapa-fast:0']; }],
      ['a sentinel-like @vocab value', (d) => { d.credentialStatus.statusPurpose = 'x'; d.proofPurpose = 'urn:sapa-fast:1'; }],
      ['a sentinel-like verbatim number', (d) => { d.type = 900000001; }],
      ['a sentinel-like key', (d) => { d['urn:sapa-fast:0'] = 'x'; }],
      ['a Date object', (d) => { d.validFrom = new Date('2026-01-01T00:00:00Z'); }],
      ['an undefined value', (d) => { d.description = undefined; }],
      ['a __proto__ key', (d) => { Object.defineProperty(d.credentialSubject, '__proto__', { value: { name: 'x' }, enumerable: true }); }],
    ];
    for (const [what, change] of cases) {
      const document = base();
      change(document);
      assert.equal(await fastCanonicalize(document), undefined, what);
    }
  });
});
