// Zod (OpenAPI) shapes of what a record's API detail says beside the record, as of `asOf`: the
// public counts of what was issued against it and its licence coverage; where it comes from is
// frameworks' provenance rule (re-exported here for the registry's schemas).
import { z } from '@hono/zod-openapi';
export { recordProvenance, recordProvenanceField } from '../frameworks/frameworks.api.ts';

export const issuedCountsSchema = z
  .object({
    credentials: z.number().int().openapi({ description: 'Digital credentials issued against the record up to the day' }),
    certificates: z.number().int().openapi({ description: 'Certificates of the certificate register issued against it up to the day' }),
  })
  .openapi('IssuedCounts', { description: 'Public counts only: nothing about the holders' });

export const organizationLicenceCoverageSchema = z
  .object({
    asOf: z.string(),
    licences: z.array(z.object({ number: z.string(), programmeGroups: z.array(z.string()) })).openapi({ description: 'Licences in force on the day' }),
    programmeGroups: z.array(z.string()).openapi({ description: 'Every programme group those licences cover' }),
  })
  .openapi('OrganizationLicenceCoverage');

export const programmeLicenceCoverageSchema = z
  .object({
    asOf: z.string(),
    covered: z.boolean().openapi({ description: "A licence of the organization in force on the day covers the programme's group" }),
    licenceNumber: z.string().nullable(),
  })
  .openapi('ProgrammeLicenceCoverage');

/** What every record detail adds: as of which day, and the counts issued against it. */
export const standingFields = {
  asOf: z.string().openapi({ description: 'The day the counts and coverage are computed for (asOf, else today in Almaty)' }),
  issued: issuedCountsSchema,
};


