// Europass ELM 3: a programme as a `LearningOpportunity` whose learning achievement specification is
// a `Qualification`, and a qualification of the register as a `Qualification` with its awarding
// opportunity (the awarding body). Both follow ELM's Learning Opportunity and Qualification shapes
// (bundled/LOQ-constraints.ttl): title, ISCED-F field, learning outcomes, EQF and NQF level. Pure.
import type { LangMap } from '../../platform/db/schema.ts';
import type { OrganizationRef, ProgrammeRef, QualificationRef } from '../../registry/registry.api.ts';
import { ELM_CONTEXT, elmOrganisation, eqf, iscedF, langMap, namesOf, sapaConcept } from './elm-accreditation.ts';

/** ECTS in the EU's education-credit vocabulary. */
const ECTS = 'http://data.europa.eu/snb/education-credit/6fcec5c5af';
const ELM_DEFAULT_LANGUAGE = 'http://data.europa.eu/snb/model/elm/defaultLanguage';
const LANGUAGES = 'http://publications.europa.eu/resource/authority/language';
const language = (code: 'KAZ') => ({ '@id': `${LANGUAGES}/${code}`, '@type': 'Concept', inScheme: { '@id': LANGUAGES, '@type': 'ConceptScheme' } });

const webResource = (url: string) => ({ '@id': url, '@type': 'WebResource', contentURL: url });
const mapOf = (m: LangMap) => langMap({ kk: m.kk, ru: m.ru, en: m.en || null });

/** Kazakhstan's NQF level, a Sapa concept (the EU publishes no list of national levels). */
const nqf = (base: string, level: number) =>
  sapaConcept(base, 'nqf-level', String(level), { en: `NQF level ${level}`, ru: `Уровень НРК ${level}`, kk: `ҰБШ ${level}-деңгейі` });

type OutcomeText = { code: string; text: LangMap };

function outcomes(page: string, items: OutcomeText[], fallback: Record<string, string>) {
  // The shape needs one outcome at least; a record without listed outcomes has the summary one.
  const listed = items.length ? items : [{ code: 'summary', text: fallback as LangMap }];
  return listed.map((o) => ({ '@id': `${page}#outcome-${encodeURIComponent(o.code)}`, '@type': 'LearningOutcome', title: mapOf(o.text) }));
}

type QualificationFacts = {
  page: string;
  names: Record<string, string>;
  level: number;
  field: string | null;
  outcomes: OutcomeText[];
  credits?: number | null;
};

function qualificationNode(base: string, f: QualificationFacts) {
  return {
    '@id': `${f.page}#qualification`,
    '@type': 'Qualification',
    title: f.names,
    ...(f.field && { thematicArea: [iscedF(f.field)] }),
    learningOutcome: outcomes(f.page, f.outcomes, f.names),
    eqfLevel: eqf(f.level),
    nqfLevel: [nqf(base, f.level)],
    ...(f.credits && { creditPoint: [{ '@id': `${f.page}#credits`, '@type': 'CreditPoint', framework: { '@id': ECTS, '@type': 'Concept' }, point: String(f.credits) }] }),
    homepage: [webResource(f.page)],
  };
}

/** A programme of the register as an ELM LearningOpportunity (its specification a Qualification). */
export function elmLearningOpportunity(base: string, p: ProgrammeRef, provider: OrganizationRef, programmeOutcomes: OutcomeText[]): Record<string, unknown> {
  const page = `${base}/en/programmes/${p.id}`;
  const names = langMap(namesOf(p));
  return {
    '@context': ELM_CONTEXT,
    '@id': page,
    '@type': 'LearningOpportunity',
    title: names,
    homepage: [webResource(page)],
    providedBy: elmOrganisation(base, provider),
    learningAchievementSpecification: qualificationNode(base, { page, names, level: p.nqf_level, field: p.narrow_field_code ?? p.field_code, outcomes: programmeOutcomes, credits: p.credits_ects }),
    // The shape allows one default language: the state language every programme is taught in too.
    [ELM_DEFAULT_LANGUAGE]: language('KAZ'),
  };
}

/** A qualification of the register as an ELM Qualification; its awarding body through an AwardingOpportunity. */
export function elmQualification(base: string, q: QualificationRef, awardingBody: OrganizationRef | undefined): Record<string, unknown> {
  const page = `${base}/en/qualifications/${q.id}`;
  // Occupations the qualification admits to are what its holder is shown able to do.
  const occupationOutcomes = q.occupations.map((o) => ({ code: o.code, text: o.name }));
  const node = qualificationNode(base, { page, names: langMap(namesOf(q)), level: q.nqf_level, field: q.field_code, outcomes: occupationOutcomes });
  return {
    '@context': ELM_CONTEXT,
    ...node,
    '@id': page,
    ...(q.qualification_type && { dcType: [sapaConcept(base, 'qualification-type', q.qualification_type, { en: q.qualification_type })] }),
    ...(awardingBody && {
      awardingOpportunity: [
        { '@id': `${page}#awarding`, '@type': 'AwardingOpportunity', awardingBody: [elmOrganisation(base, awardingBody)], learningAchievementSpecification: { '@id': page } },
      ],
    }),
  };
}
