// RDF Dataset Canonicalization (RDFC-1.0) of a JSON-LD document, as N-Quads: what
// `eddsa-rdfc-2022` hashes. `canonicalize` tries the fast path for the credential shapes Sapa
// issues (fast-canonical.ts, proven byte-identical by a differential test) and otherwise runs
// the general path, exactly as the reference cryptosuite does: jsonld.toRDF with the offline
// loader, `safe: true` (a term outside the contexts throws instead of being dropped), base null,
// `rdfDirection: 'i18n-datatype'`, then rdf-canonize.
//
//   canonicalize(document): Promise<string>           fast path, else general
//   canonicalizeGeneral(document, { documentLoader? }): Promise<string>
//   CanonicalizationError: thrown for documents that cannot be canonicalized (undefined terms,
//     unknown contexts, invalid JSON-LD); `cause` holds the jsonld error.
import jsonld from 'jsonld';
import * as rdfCanonize from 'rdf-canonize';
import { type DocumentLoader, documentLoader as offlineLoader } from './document-loader.ts';
import { fastCanonicalize } from './fast-canonical.ts';

export class CanonicalizationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CanonicalizationError';
  }
}

export async function canonicalizeGeneral(
  document: Record<string, unknown>,
  options: { documentLoader?: DocumentLoader } = {},
): Promise<string> {
  let dataset: unknown;
  try {
    dataset = await jsonld.toRDF(document, {
      documentLoader: options.documentLoader ?? offlineLoader,
      safe: true,
      base: null,
      rdfDirection: 'i18n-datatype',
      produceGeneralizedRdf: false,
    });
  } catch (error) {
    throw new CanonicalizationError(describe(error), { cause: error });
  }
  try {
    return await rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0', format: 'application/n-quads' });
  } catch (error) {
    // e.g. a dataset built to make canonicalization explode ("poison graph": work limit exceeded)
    throw new CanonicalizationError(describe(error), { cause: error });
  }
}

export async function canonicalize(document: Record<string, unknown>): Promise<string> {
  let fast: string | undefined;
  try {
    fast = await fastCanonicalize(document);
  } catch (error) {
    throw new CanonicalizationError(describe(error), { cause: error });
  }
  return fast ?? canonicalizeGeneral(document);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // jsonld puts the offending term/URL in `details`; keep it in the message for the report.
  const details = (error as { details?: { event?: { details?: unknown }; url?: string; cause?: unknown } }).details;
  const eventDetails = details?.event?.details;
  const extra = eventDetails ? ` ${JSON.stringify(eventDetails)}` : details?.url ? ` ${details.url}` : '';
  const cause = details?.cause instanceof Error ? ` (${details.cause.message})` : '';
  return `${error.message}${extra}${cause}`;
}
