// A record's API detail and page as of a day: the record with the public counts of what was issued
// against it, its licence coverage (organizations, programmes) and, for reference data, where it
// comes from. One read for the API and the pages, so both say the same.
import { todayInAlmaty } from '../platform/calendar/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { issuedCountsOf } from './issued-credentials.ts';
import { getOrganization } from './organization.service.ts';
import { getProgramme, programmeLicenceOn } from './programme.service.ts';
import { getQualification } from './qualification.service.ts';
import { recordProvenance } from './record-standing.schema.ts';
import { licencesInForceOn } from './registry.api.ts';

export async function organizationDetail(ctx: Ctx, id: string, asOf?: string) {
  const day = asOf ?? todayInAlmaty();
  // The counts and licences need only the id: read them beside the record, not after it (one wait, not two).
  const [org, issued, licences] = await Promise.all([getOrganization(ctx, id, asOf), issuedCountsOf(ctx.db, { organizationId: id }, day), licencesInForceOn(ctx.db, id, day)]);
  return {
    ...org,
    asOf: day,
    issued,
    provenance: recordProvenance(org),
    licenceCoverage: {
      asOf: day,
      licences: licences.map((l) => ({ number: l.number, programmeGroups: l.programme_groups })),
      programmeGroups: [...new Set(licences.flatMap((l) => l.programme_groups))].sort(),
    },
  };
}

export async function programmeDetail(ctx: Ctx, id: string, asOf?: string) {
  const day = asOf ?? todayInAlmaty();
  const issuedSoon = issuedCountsOf(ctx.db, { programmeId: id }, day);
  issuedSoon.catch(() => {}); // awaited below; a missing programme throws first
  const p = await getProgramme(ctx, id, asOf);
  const [issued, licence] = await Promise.all([issuedSoon, programmeLicenceOn(ctx, p, day)]);
  return { ...p, asOf: day, issued, licenceCoverage: { asOf: day, covered: licence !== null, licenceNumber: licence?.number ?? null } };
}

export async function qualificationDetail(ctx: Ctx, id: string, asOf?: string) {
  const day = asOf ?? todayInAlmaty();
  const q = await getQualification(ctx, id, asOf);
  return { ...q, asOf: day, issued: await issuedCountsOf(ctx.db, { qualificationId: id }, day), provenance: recordProvenance(q) };
}
