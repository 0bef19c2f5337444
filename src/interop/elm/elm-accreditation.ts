// Europass ELM 3: an accreditation decision as an `Accreditation` (programmes and qualifications:
// elm-learning.ts), in JSON-LD with the EDC application profile's context and the EU
// vocabularies' URIs (EQF levels, ISCED-F fields, countries, languages). The mapping table is in
// docs/interop.md; tests validate the output against ELM's bundled shapes (shapes.ts).
import type { ExchangedDecision } from '../../accreditation/accreditation.api.ts';
import type { OrganizationRef, ProgrammeRef } from '../../registry/registry.api.ts';

export const ELM_CONTEXT = 'http://data.europa.eu/snb/model/context/edc-ap';
const KAZAKHSTAN = 'http://publications.europa.eu/resource/authority/country/KAZ';
const COUNTRIES = 'http://publications.europa.eu/resource/authority/country';
// EQF levels equal Kazakhstan's NQF levels (the NQF is referenced to the EQF).
export const eqf = (level: number) => ({ '@id': `http://data.europa.eu/snb/eqf/${level}`, '@type': 'Concept', inScheme: { '@id': 'http://data.europa.eu/snb/eqf/25831c2', '@type': 'ConceptScheme' } });
export const iscedF = (code: string) => ({ '@id': `http://data.europa.eu/snb/isced-f/${code}`, '@type': 'Concept', inScheme: { '@id': 'http://data.europa.eu/snb/isced-f/25831c2', '@type': 'ConceptScheme' } });

export type Names = { kk: string; ru: string; en: string | null };
export const langMap = (n: Names) => Object.fromEntries(Object.entries(n).filter(([, v]) => v)) as Record<string, string>;
export const namesOf = (o: { name_kk: string; name_ru: string; name_en: string | null }): Names => ({ kk: o.name_kk, ru: o.name_ru, en: o.name_en });

/** A Sapa concept (outcome, kind) where the EU has no controlled list Sapa can cite. */
export const sapaConcept = (base: string, scheme: string, code: string, label: Record<string, string>) => ({
  '@id': `${base}/vocab/${scheme}/${code}`,
  '@type': 'Concept',
  prefLabel: label,
  inScheme: { '@id': `${base}/vocab/${scheme}`, '@type': 'ConceptScheme' },
});

const DECISION_LABELS: Record<string, Record<string, string>> = {
  accredited: { en: 'Accredited', ru: 'Аккредитовано', kk: 'Аккредиттелген' },
  refused: { en: 'Accreditation refused', ru: 'В аккредитации отказано', kk: 'Аккредиттеуден бас тартылды' },
  'not-applicable': { en: 'Evaluated, no accreditation decision', ru: 'Оценено без решения об аккредитации', kk: 'Аккредиттеу шешімінсіз бағаланды' },
};
const KIND_LABELS: Record<string, Record<string, string>> = {
  institutional: { en: 'Institutional accreditation', ru: 'Институциональная аккредитация', kk: 'Институционалдық аккредиттеу' },
  programme: { en: 'Programme accreditation', ru: 'Специализированная (программная) аккредитация', kk: 'Бағдарламалық аккредиттеу' },
};

export function elmOrganisation(base: string, o: OrganizationRef) {
  return {
    '@id': `${base}/en/organizations/${o.key ?? o.id}`,
    '@type': 'Organisation',
    legalName: langMap(namesOf(o)),
    location: {
      '@id': `${base}/en/organizations/${o.key ?? o.id}#location`,
      '@type': 'Location',
      address: {
        '@id': `${base}/en/organizations/${o.key ?? o.id}#address`,
        '@type': 'Address',
        countryCode: { '@id': KAZAKHSTAN, '@type': 'Concept', inScheme: { '@id': COUNTRIES, '@type': 'ConceptScheme' } },
      },
    },
    ...(o.website && { homepage: { '@id': o.website, '@type': 'WebResource', contentURL: o.website } }),
  };
}

const dateTime = (day: string, end = false) => `${day}T${end ? '23:59:59' : '00:00:00'}+05:00`;

/** One public decision as an ELM Accreditation. */
export function elmAccreditation(
  base: string,
  d: ExchangedDecision,
  organizations: Map<string, OrganizationRef>,
  programmes: ProgrammeRef[],
): Record<string, unknown> {
  const organisation = organizations.get(d.organizationId);
  const body = organizations.get(d.bodyId);
  if (!organisation || !body) throw new Error(`decision ${d.id} names an organization that does not exist`);
  const page = `${base}/en/accreditation/decisions/${d.id}`;
  const fields = [...new Set(programmes.map((p) => p.narrow_field_code ?? p.field_code).filter((c): c is string => !!c))];
  const levels = [...new Set(programmes.map((p) => p.nqf_level))].sort();
  const files = Array.isArray(d.imported?.files) ? (d.imported.files as Array<{ original_location?: string }>) : [];
  const report = files.find((f) => f.original_location)?.original_location;
  const kindLabel = KIND_LABELS[d.kind] ?? KIND_LABELS.institutional;
  return {
    '@context': ELM_CONTEXT,
    '@id': page,
    '@type': 'Accreditation',
    dcType: sapaConcept(base, 'accreditation-type', d.kind, kindLabel as Record<string, string>),
    title: kindLabel,
    decision: sapaConcept(base, 'accreditation-decision', d.outcome, DECISION_LABELS[d.outcome] ?? { en: d.outcome }),
    organisation: elmOrganisation(base, organisation),
    accreditingAgent: elmOrganisation(base, body),
    ...(fields.length && { limitField: fields.map(iscedF) }),
    ...(levels.length && { limitEQFLevel: levels.map(eqf) }),
    limitJurisdiction: [{ '@id': KAZAKHSTAN, '@type': 'Concept', inScheme: { '@id': COUNTRIES, '@type': 'ConceptScheme' } }],
    dateIssued: dateTime(d.validFrom ?? d.decidedOn),
    ...(d.validTo && { expiryDate: dateTime(d.validTo, true) }),
    ...(report && { report: { '@id': report, '@type': 'WebResource', contentURL: report } }),
    landingPage: { '@id': page, '@type': 'WebResource', contentURL: page },
    status: d.status,
  };
}
