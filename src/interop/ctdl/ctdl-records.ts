// Credential Engine CTDL of single records: a qualification as the CTDL credential subclass its
// Sapa qualification type corresponds to, an organization (a body as a QA organization), a
// programme as a LearningProgram; each a JSON-LD graph with the linked organizations, names as
// language maps. Mapping tables: docs/interop.md. Pure.
import type { OrganizationRef, ProgrammeRef, QualificationRef } from '../../registry/registry.api.ts';
import { CTDL_CONTEXT, ctid, langMap, organization, program } from './ctdl-graph.ts';

/**
 * Sapa's qualification types (data/reference/qualification-types.json) as CTDL credential classes.
 * The applied bachelor is a short-cycle (NQF 5) award, CTDL's AssociateDegree; the five-year
 * specialist diploma and other degrees CTDL has no class for are the generic Degree.
 */
export const CREDENTIAL_CLASS_BY_TYPE: Record<string, string> = {
  'applied-bachelor': 'ceterms:AssociateDegree',
  bachelor: 'ceterms:BachelorDegree',
  specialist: 'ceterms:Degree',
  'master-scientific-pedagogical': 'ceterms:MasterDegree',
  'master-profile': 'ceterms:MasterDegree',
  residency: 'ceterms:Certificate',
  phd: 'ceterms:ResearchDoctorate',
  'doctor-by-profile': 'ceterms:ProfessionalDoctorate',
  'candidate-of-sciences': 'ceterms:ResearchDoctorate',
  'doctor-of-sciences': 'ceterms:ResearchDoctorate',
  'working-qualification': 'ceterms:Certificate',
  'mid-level-specialist': 'ceterms:Diploma',
  'micro-qualification': 'ceterms:MicroCredential',
};

/** A qualification without a type: by its kind. */
const CREDENTIAL_CLASS_BY_KIND: Record<string, string> = {
  'higher-education': 'ceterms:Degree',
  vet: 'ceterms:Diploma',
  professional: 'ceterms:Certification',
  'micro-qualification': 'ceterms:MicroCredential',
};

export const credentialClassOf = (q: Pick<QualificationRef, 'qualification_type' | 'kind'>): string =>
  (q.qualification_type && CREDENTIAL_CLASS_BY_TYPE[q.qualification_type]) || CREDENTIAL_CLASS_BY_KIND[q.kind] || 'ceterms:Credential';

const levelWords = (level: number) => ({ kk: `ҰБШ ${level}-деңгейі`, ru: `Уровень НРК ${level}`, en: `NQF level ${level}` });
const isBody = (o: OrganizationRef) => o.kind === 'accreditation-body';
const agentId = (base: string, id: string) => `${base}/api/organizations/${id}`;

const graph = (id: string, nodes: Array<Record<string, unknown>>) => ({ '@context': CTDL_CONTEXT, '@id': id, '@graph': nodes });

export function ctdlGraphOfQualification(base: string, q: QualificationRef, awardingBody: OrganizationRef | undefined) {
  const credential = {
    '@id': `${base}/api/qualifications/${q.id}`,
    '@type': credentialClassOf(q),
    'ceterms:ctid': ctid(q.id),
    'ceterms:name': langMap(q),
    'ceterms:description': levelWords(q.nqf_level),
    'ceterms:subjectWebpage': `${base}/en/qualifications/${q.id}`,
    'ceterms:codedNotation': q.code,
    'ceterms:credentialStatusType': { '@type': 'ceterms:CredentialAlignmentObject', 'ceterms:targetNode': 'credentialStat:Active' },
    ...(awardingBody && { 'ceterms:ownedBy': [agentId(base, awardingBody.id)], 'ceterms:offeredBy': [agentId(base, awardingBody.id)] }),
    ...(q.occupations.length && {
      'ceterms:occupationType': q.occupations.map((o) => ({
        '@type': 'ceterms:CredentialAlignmentObject',
        'ceterms:codedNotation': o.code,
        'ceterms:targetNodeName': { kk: o.name.kk, ru: o.name.ru, ...(o.name.en && { en: o.name.en }) },
      })),
    }),
  };
  return graph(`${base}/api/qualifications/${q.id}/ctdl`, [credential, ...(awardingBody ? [organization(base, awardingBody, isBody(awardingBody))] : [])]);
}

export function ctdlGraphOfOrganization(base: string, o: OrganizationRef) {
  return graph(`${base}/api/organizations/${o.id}/ctdl`, [organization(base, o, isBody(o))]);
}

export function ctdlGraphOfProgramme(base: string, p: ProgrammeRef, provider: OrganizationRef) {
  return graph(`${base}/api/programmes/${p.id}/ctdl`, [program(base, p), organization(base, provider, isBody(provider))]);
}
