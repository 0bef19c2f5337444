// Issuance and verification of Open Badges 3.0 credentials (DataIntegrityProof, eddsa-rdfc-2022)
// per second on one core: Sapa's signCredential / verifyCredentialProof against the
// @digitalbazaar/vc reference pipeline measured right before it, and raw Ed25519 from node:crypto
// over the same bytes as the ceiling, taking turns in short slices; and the verification of a
// presentation (holder proof with challenge and domain, then its credential) against the
// reference's `verify`. One JSON line per figure on stdout.
//
// Every pipeline gets the same generated credentials (test/fixtures/credentials/generate.ts, the
// shape Sapa issues, optional fields varying) and one warm-up pass over all of them first, so
// JSON-LD context caches (reference) and shape templates (Sapa's fast path) are warm, as in a
// long-running server.
//
// Knobs: BENCH_DURATION (s per measurement, default 3), BENCH_CREDENTIALS (distinct credentials, 200).
import { createHash, sign, verify } from 'node:crypto';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { canonicalize } from '../src/credentials/canonicalize.ts';
import { signCredential, verifyCredentialProof } from '../src/credentials/data-integrity.ts';
import { createDocumentLoader, DID_V1_CONTEXT, MULTIKEY_CONTEXT, VC_V2_CONTEXT } from '../src/credentials/document-loader.ts';
import { ed25519KeyPair, publicKeyFromMultibase, secretKeyMultibaseOf, verificationMethodOf } from '../src/credentials/multikey.ts';
import { generateOpenBadges } from '../test/fixtures/credentials/generate.ts';

const duration = Number(process.env.BENCH_DURATION ?? 3);
const count = Number(process.env.BENCH_CREDENTIALS ?? 200);
const log = (text: string) => process.stderr.write(`${text}\n`);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

type Doc = Record<string, unknown> & { '@context': unknown };

const created = '2026-11-23T12:00:00Z';
const controller = 'did:web:sapa.example:issuers:bench';
const keyPair = ed25519KeyPair({ controller, id: `${controller}#key-1` });
const method = verificationMethodOf(keyPair);
// One issuer, and dates valid today (the reference checks them; Sapa's proof check does not).
const credentials: Doc[] = generateOpenBadges(count, 42).map((c) => ({
  ...c,
  issuer: { ...(c.issuer as Record<string, unknown>), id: controller },
  validFrom: '2026-01-01T00:00:00Z',
  ...(c.validUntil ? { validUntil: '2036-01-01T00:00:00Z' } : {}),
}));

// The reference resolves the key and its controller through the document loader, as a did:web
// resolver would; Sapa's verifier gets the key from a map (its keys live in its own database).
// The holder of the presentations: another DID, whose key authenticates.
const holderDid = 'did:web:sapa.example:learners:bench';
const holderPair = ed25519KeyPair({ controller: holderDid, id: `${holderDid}#key-1` });
const holderMethod = verificationMethodOf(holderPair);
const documentLoader = createDocumentLoader({
  resolveDid: (url) => {
    if (url === controller) return { '@context': [DID_V1_CONTEXT, MULTIKEY_CONTEXT], id: controller, verificationMethod: [method], assertionMethod: [method.id] };
    if (url === method.id) return { '@context': MULTIKEY_CONTEXT, ...method };
    if (url === holderDid) return { '@context': [DID_V1_CONTEXT, MULTIKEY_CONTEXT], id: holderDid, verificationMethod: [holderMethod], authentication: [holderMethod.id] };
    if (url === holderMethod.id) return { '@context': MULTIKEY_CONTEXT, ...holderMethod };
    return undefined;
  },
});
const resolveVerificationMethod = (id: string) => (id === method.id ? method : id === holderMethod.id ? holderMethod : undefined);
const checkStatus = async () => ({ verified: true });
const referenceKey = await Ed25519Multikey.from({ '@context': MULTIKEY_CONTEXT, ...method, secretKeyMultibase: secretKeyMultibaseOf(keyPair.privateKey) });
const referenceSigner = referenceKey.signer();

const reference = {
  issue: (credential: Doc) =>
    vc.issue({ credential: structuredClone(credential), suite: new DataIntegrityProof({ signer: referenceSigner, cryptosuite, date: created }), documentLoader }),
  verify: async (credential: Doc) => {
    const result = await vc.verifyCredential({ credential, suite: new DataIntegrityProof({ cryptosuite }), documentLoader, checkStatus });
    if (!result.verified) throw new Error(`reference verification failed: ${String((result.error as { errors?: Error[] })?.errors?.[0]?.message ?? result.error)}`);
  },
};
const sapa = {
  issue: (credential: Doc) => signCredential(credential, { keyPair, created }),
  verify: async (credential: Doc) => {
    const result = await verifyCredentialProof(credential, { resolveVerificationMethod });
    if (!result.verified) throw new Error(`Sapa verification failed: ${result.reason}`);
  },
};

// Presentations: one credential each, signed by the holder for a verifier's challenge and domain.
const CHALLENGE = 'bench-challenge';
const DOMAIN = 'verifier.example';
const presentationOf = (credential: Doc): Doc => ({ '@context': [VC_V2_CONTEXT], type: ['VerifiablePresentation'], holder: holderDid, verifiableCredential: [credential] });
const presentations = {
  /** The reference's verify: the presentation's proof, then every credential's. */
  reference: async (presentation: Doc) => {
    const result = await vc.verify({ presentation, suite: new DataIntegrityProof({ cryptosuite }), documentLoader, challenge: CHALLENGE, domain: DOMAIN, checkStatus });
    if (!result.verified) throw new Error('reference presentation verification failed');
  },
  /** Sapa: the holder's authentication proof with challenge and domain, then every credential's proof. */
  sapa: async (presentation: Doc) => {
    const own = await verifyCredentialProof(presentation, { resolveVerificationMethod, proofPurpose: 'authentication', controller: holderDid, challenge: CHALLENGE, domain: DOMAIN });
    if (!own.verified) throw new Error(`Sapa presentation verification failed: ${own.reason}`);
    for (const credential of presentation.verifiableCredential as Doc[]) await sapa.verify(credential);
  },
};

type Runner = { items: unknown[]; op: (item: never) => unknown; ops: number; ms: number };

/**
 * Operations per second of each runner, cycling over its items after one pass over all of them.
 * The runners take turns in slices of SLICE_MS until each has run `duration` seconds, so a
 * machine whose speed drifts (shared cores) slows all of them alike and the ratios hold.
 */
async function measure(runners: Runner[]): Promise<number[]> {
  const SLICE_MS = 200;
  for (const runner of runners) for (const item of runner.items) await runner.op(item as never);
  while (runners.some((r) => r.ms < duration * 1000)) {
    for (const runner of runners) {
      const started = performance.now();
      const until = started + SLICE_MS;
      while (performance.now() < until) {
        for (let i = 0; i < 10; i++) await runner.op(runner.items[runner.ops++ % runner.items.length] as never);
      }
      runner.ms += performance.now() - started;
    }
  }
  return runners.map((r) => (r.ops * 1000) / r.ms);
}
const runner = <T>(items: T[], op: (item: T) => unknown): Runner => ({ items, op: op as (item: never) => unknown, ops: 0, ms: 0 });

log(`credentials.bench: ${count} credentials, ${duration} s per measurement`);
const sapaSigned = await Promise.all(credentials.map((c) => sapa.issue(c)));
const referenceSigned = [];
for (const c of credentials) referenceSigned.push((await reference.issue(c)) as Doc);
// Both pipelines must agree before their speeds mean anything: each verifies the other's output.
for (const c of sapaSigned.slice(0, 20)) await reference.verify(c);
for (const c of referenceSigned.slice(0, 20)) await sapa.verify(c);

// The ceiling: what eddsa-rdfc-2022 costs beyond canonicalization: SHA-256 of the two canonical
// forms (computed once, outside the loop) and Ed25519 over the 64 bytes, with node:crypto.
const canonical = await Promise.all(
  sapaSigned.map(async ({ proof: { proofValue: _, ...proofConfig }, ...document }) => ({
    proof: await canonicalize({ '@context': document['@context'], ...proofConfig }),
    document: await canonicalize(document),
    signature: Buffer.alloc(0),
  })),
);
const publicKey = publicKeyFromMultibase(method.publicKeyMultibase);
const hashPair = (c: { proof: string; document: string }) =>
  Buffer.concat([createHash('sha256').update(c.proof).digest(), createHash('sha256').update(c.document).digest()]);
for (const c of canonical) c.signature = sign(null, hashPair(c), keyPair.privateKey);
const ceiling = {
  issue: (c: (typeof canonical)[number]) => sign(null, hashPair(c), keyPair.privateKey),
  verify: (c: (typeof canonical)[number]) => {
    if (!verify(null, hashPair(c), publicKey, c.signature)) throw new Error('ceiling verification failed');
  },
};

const signedPresentations = await Promise.all(
  referenceSigned.map((c) => signCredential(presentationOf(c), { keyPair: holderPair, created, proofPurpose: 'authentication', challenge: CHALLENGE, domain: DOMAIN })),
);
for (const p of signedPresentations.slice(0, 20)) await presentations.reference(p);

for (const figure of ['issue', 'verify'] as const) {
  log(`${figure}: reference, Sapa and ceiling in turns…`);
  const [referenceOps, sapaOps, ceilingOps] = (await measure(
    figure === 'issue'
      ? [runner(credentials, reference.issue), runner(credentials, sapa.issue), runner(canonical, ceiling.issue)]
      : [runner(referenceSigned, reference.verify), runner(referenceSigned, sapa.verify), runner(canonical, ceiling.verify)],
  )) as [number, number, number];
  const line = {
    bench: 'credentials',
    figure,
    ops_per_s: round(sapaOps),
    reference: '@digitalbazaar/vc',
    reference_ops_per_s: round(referenceOps),
    ratio: round(sapaOps / referenceOps, 2),
    ceiling: 'node:crypto ed25519',
    ceiling_ops_per_s: round(ceilingOps),
    ceiling_share: round(sapaOps / ceilingOps, 3),
    reference_ceiling_share: round(referenceOps / ceilingOps, 3),
    credentials: count,
    duration_s: duration,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

log('verify-presentation: reference and Sapa in turns…');
const [referencePresentationOps, sapaPresentationOps] = (await measure([
  runner(signedPresentations, presentations.reference),
  runner(signedPresentations, presentations.sapa),
])) as [number, number];
process.stdout.write(
  `${JSON.stringify({
    bench: 'credentials',
    figure: 'verify-presentation',
    ops_per_s: round(sapaPresentationOps),
    reference: '@digitalbazaar/vc',
    reference_ops_per_s: round(referencePresentationOps),
    ratio: round(sapaPresentationOps / referencePresentationOps, 2),
    credentials: count,
    duration_s: duration,
  })}\n`,
);
