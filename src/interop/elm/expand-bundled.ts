// jsonld.expand with the bundled EDC application profile context as the only document it may load:
// the tests check ELM output offline, against what the publisher published.
import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import { ELM_CONTEXT } from './elm-accreditation.ts';

const context = JSON.parse(readFileSync(new URL('./bundled/edc-ap-context.jsonld', import.meta.url), 'utf8'));

export const expandWithBundledContext = (doc: unknown) =>
  jsonld.expand(doc as Parameters<typeof jsonld.expand>[0], {
    documentLoader: async (url) => {
      if (url !== ELM_CONTEXT) throw new Error(`not bundled: ${url}`);
      return { contextUrl: null, documentUrl: url, document: context };
    },
  });
