// Verification of a Verifiable Presentation (VC 2.0, Data Integrity): the holder's own proof
// (purpose `authentication`, a key the holder controls: did:key, or a Sapa issuer's did:web), the
// verifier's challenge and domain when it asks for them, holder binding (every credential is about
// the holder), and every credential inside. Each check is reported on its own; any failure makes
// the presentation unverified.
import type { Ctx } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import { type Lang, translator } from '../platform/i18n/i18n.ts';
import { spendChallenge } from './challenge.service.ts';
import { verifyCredentialProof } from './data-integrity.ts';
import { VC_V2_CONTEXT } from './document-loader.ts';
import { resolveVerificationMethod } from './keys.service.ts';
import { type VerificationReport, verifyCredential } from './verify.service.ts';

export const PRESENTATION_CHECKS = ['proof', 'challenge', 'domain', 'holder', 'credentials'] as const;
export type PresentationCheckName = (typeof PRESENTATION_CHECKS)[number];

export type PresentationCheck = { check: PresentationCheckName; ok: boolean; message: string; key: string; params: Record<string, string> };

export type PresentationReport = {
  verified: boolean;
  holder: string | null;
  checks: PresentationCheck[];
  credentialResults: VerificationReport[];
};

/** What the presentation is, when it is not one (a 400 for the caller, with the member named). */
export class MalformedPresentation extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

function holderOf(presentation: Record<string, unknown>): string | null {
  const holder = presentation.holder;
  if (holder === undefined) return null;
  if (typeof holder === 'string' && holder) return holder;
  if (isObject(holder) && typeof holder.id === 'string' && holder.id) return holder.id;
  throw new MalformedPresentation('holder must be a URL or an object with an id');
}

function credentialsOf(presentation: Record<string, unknown>): Record<string, unknown>[] {
  const list = asArray(presentation.verifiableCredential);
  if (!list.every(isObject)) throw new MalformedPresentation('verifiableCredential must hold credential objects');
  return list;
}

/** The subjects' ids of a credential (a subject without one cannot be bound to a holder). */
const subjectIds = (credential: Record<string, unknown>) => asArray(credential.credentialSubject).map((s) => (isObject(s) && typeof s.id === 'string' ? s.id : null));

export async function verifyPresentation(
  db: Db,
  presentation: Record<string, unknown>,
  options: { challenge?: string; domain?: string; lang?: Lang; now?: Date } = {},
): Promise<PresentationReport> {
  const contexts = asArray(presentation['@context']);
  if (contexts[0] !== VC_V2_CONTEXT) throw new MalformedPresentation(`@context must start with ${VC_V2_CONTEXT}`);
  if (!asArray(presentation.type).includes('VerifiablePresentation')) throw new MalformedPresentation('type must include VerifiablePresentation');
  const claimedHolder = holderOf(presentation);
  const credentials = credentialsOf(presentation);
  const t = translator(options.lang ?? 'en');
  const outcomes = new Map<PresentationCheckName, { ok: boolean; key: string; params?: Record<string, string> }>();

  const proofs = asArray(presentation.proof).filter(isObject);
  const proof = proofs[0];
  let holder = claimedHolder;
  if (!proof) outcomes.set('proof', { ok: false, key: 'ui.credential.presentation.proof.missing' });
  else {
    const result = await verifyCredentialProof(presentation, {
      proofPurpose: 'authentication',
      resolveVerificationMethod: (id) => resolveVerificationMethod(db, id),
      // Without a holder, whoever controls the key is the holder the credentials are bound to.
      controller: claimedHolder ?? undefined,
    });
    if (result.verified) holder ??= result.verificationMethod.controller;
    outcomes.set(
      'proof',
      result.verified
        ? { ok: true, key: 'ui.credential.presentation.proof.ok', params: { holder: holder ?? '—' } }
        : { ok: false, key: 'ui.credential.presentation.proof.invalid', params: { error: `${result.reason}: ${result.message}` } },
    );
  }

  // The challenge and domain are inside the signed proof configuration: comparing them is enough.
  const proofDomains = asArray(proof?.domain);
  const challengeOk =
    options.challenge === undefined || (proof?.challenge === options.challenge && (await spendChallenge(db, options.challenge, options.now)));
  outcomes.set('challenge', { ok: challengeOk, key: challengeOk ? 'ui.credential.presentation.challenge.ok' : 'ui.credential.presentation.challenge.mismatch' });
  const domainOk = options.domain === undefined || proofDomains.includes(options.domain);
  outcomes.set('domain', { ok: domainOk, key: domainOk ? 'ui.credential.presentation.domain.ok' : 'ui.credential.presentation.domain.mismatch' });

  const unbound = credentials.findIndex((c) => {
    const ids = subjectIds(c);
    return !holder || !ids.length || ids.some((id) => id !== holder);
  });
  outcomes.set(
    'holder',
    unbound === -1
      ? { ok: true, key: 'ui.credential.presentation.holder.ok' }
      : { ok: false, key: 'ui.credential.presentation.holder.mismatch', params: { index: String(unbound + 1), holder: holder ?? '—' } },
  );

  const credentialResults: VerificationReport[] = [];
  for (const credential of credentials) credentialResults.push(await verifyCredential(db, credential, { lang: options.lang, now: options.now }));
  const credentialsOk = credentialResults.every((r) => r.verdict !== 'invalid');
  outcomes.set('credentials', { ok: credentialsOk, key: credentialsOk ? 'ui.credential.presentation.credentials.ok' : 'ui.credential.presentation.credentials.failed' });

  const checks = PRESENTATION_CHECKS.map((check): PresentationCheck => {
    const o = outcomes.get(check) ?? { ok: false, key: 'ui.credential.result.skipped' };
    const params = o.params ?? {};
    return { check, ok: o.ok, message: t(o.key, params), key: o.key, params };
  });
  return { verified: checks.every((c) => c.ok), holder, checks, credentialResults };
}

/** JSON that says it is a presentation (the verify page tells it from a credential by its type). */
export const isPresentation = (json: unknown): json is Record<string, unknown> => isObject(json) && asArray(json.type).includes('VerifiablePresentation');

/** A presentation someone pastes on the public page: no challenge or domain asked, messages in their language. */
export function verifyPresentedPresentation(ctx: Ctx, presentation: Record<string, unknown>): Promise<PresentationReport> {
  return verifyPresentation(ctx.db, presentation, { lang: ctx.lang });
}
