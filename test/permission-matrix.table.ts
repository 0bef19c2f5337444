// The one table of who may use which route: every route of the OpenAPI document × every role (and
// anonymous) × a record of the caller's own organization or a foreign one. "all": allowed on any
// record; "own": only on records of the caller's organization (for the body's roles, cases and
// meetings of their body; for organization roles, their university); missing: denied.
// Rows say what the route permits in principle; test/permission-matrix.test.ts fails on any allow
// a row does not grant. Panel seats (chair, member) are case facts, not roles: routes only a seat
// opens are denied to every role here.
import type { Role } from '../src/platform/access/roles.ts';

export type Access = 'all' | 'own';
export type Rule = Partial<Record<Role | 'anonymous', Access>>;

export function expectedAllow(rule: Rule, caller: Role | 'anonymous', scope: 'own' | 'foreign'): boolean {
  const access = rule[caller];
  return access === 'all' || (access === 'own' && scope === 'own');
}

const EVERYONE: Rule = {
  anonymous: 'all',
  ministry: 'all',
  'org-admin': 'all',
  'org-editor': 'all',
  'agency-staff': 'all',
  'agency-head': 'all',
  expert: 'all',
  'council-member': 'all',
  'sector-council': 'all',
  learner: 'all',
};
const MINISTRY: Rule = { ministry: 'all' };
/** Anyone signed in, for what is their own (API tokens). */
const SIGNED_IN: Rule = Object.fromEntries(Object.entries(EVERYONE).filter(([who]) => who !== 'anonymous'));
const FRAMEWORK_KEEPERS: Rule = { ministry: 'all', 'sector-council': 'all' };
/** The organization's own staff (admin and editor). */
const ORGANIZATION_STAFF: Rule = { 'org-admin': 'own', 'org-editor': 'own' };
const ORGANIZATION_ADMIN: Rule = { 'org-admin': 'own' };
/** The accreditation body's staff and head, on their own body's records. */
const BODY: Rule = { 'agency-staff': 'own', 'agency-head': 'own' };
const BODY_HEAD: Rule = { 'agency-head': 'own' };
/** Who reads a case: the ministry, the applicant's staff, the body and its council. */
const CASE_READERS: Rule = { ministry: 'all', ...ORGANIZATION_STAFF, ...BODY, 'council-member': 'own' };
const LEARNER: Rule = { learner: 'all' };
/** Lists that answer each signed-in caller with what they may see. */
const CASE_LISTS: Rule = { ministry: 'all', 'org-admin': 'all', 'org-editor': 'all', 'agency-staff': 'all', 'agency-head': 'all' };
const PANEL_SEAT: Rule = {};

export const MATRIX: Record<string, Rule> = {
  'GET /api/health': EVERYONE,
  'POST /api/auth/sign-in': EVERYONE,
  'POST /api/auth/sign-out': EVERYONE,
  'GET /api/auth/me': EVERYONE,
  'GET /api/tokens': SIGNED_IN,
  'POST /api/tokens': SIGNED_IN,
  'POST /api/tokens/{id}/revoke': SIGNED_IN,
  'GET /api/audit/checkpoints': EVERYONE,
  'POST /api/audit/checkpoints': MINISTRY,
  'POST /api/auth/two-factor/enrolment': SIGNED_IN,
  'POST /api/auth/two-factor/confirmation': SIGNED_IN,
  'GET /api/notifications': SIGNED_IN,
  'POST /api/notifications/read': SIGNED_IN,
  'POST /vc/challenges': EVERYONE,
  'GET /api/imports/{register}/template': EVERYONE,
  // Whoever may create records of the register somewhere: the ministry, and organization staff for programmes.
  // Each register has its own keepers: the sector council imports occupational standards and
  // certification centres (the matrix asks for the programmes register, which it is denied).
  'POST /api/imports/{register}': { ministry: 'all', 'org-admin': 'all', 'org-editor': 'all', 'sector-council': 'all' },
  'POST /api/imports/{register}/commit': { ministry: 'all', 'org-admin': 'all', 'org-editor': 'all', 'sector-council': 'all' },
  // Whoever started the job (anyone else gets 404).
  'GET /api/imports/jobs/{id}': SIGNED_IN,
  'GET /api/exports/{register}': EVERYONE,
  'GET /api/open-data': EVERYONE,
  'GET /api/open-data/{id}/{name}': EVERYONE,
  'GET /api/changes': EVERYONE,
  'GET /api/organizations/{id}/accreditation': EVERYONE,
  'GET /api/programmes/{id}/accreditation': EVERYONE,
  'GET /api/accreditation/decisions/{id}/deqar': EVERYONE,
  'GET /api/accreditation/bodies/{id}/deqar': EVERYONE,
  // A recognized body's head records its own decisions; the ministry anyone's.
  'POST /api/interop/deqar/reports': { ministry: 'all', 'agency-head': 'all' },
  'GET /api/accreditation/decisions/{id}/elm': EVERYONE,
  'GET /api/programmes/{id}/elm': EVERYONE,
  'GET /api/accreditation/decisions/{id}/ctdl': EVERYONE,
  'GET /api/qualifications/{id}/elm': EVERYONE,
  'GET /api/qualifications/{id}/ctdl': EVERYONE,
  'GET /api/organizations/{id}/ctdl': EVERYONE,
  'GET /api/programmes/{id}/ctdl': EVERYONE,
  'GET /api/nqf/levels': EVERYONE,
  'GET /api/nqf/levels/{level}': EVERYONE,
  'GET /api/qualification-types': EVERYONE,
  'GET /api/classifiers': EVERYONE,
  'GET /api/classifiers/{classifier}': EVERYONE,
  'GET /api/classifiers/{classifier}/{code}': EVERYONE,
  'POST /api/classifiers/{classifier}/versions': MINISTRY,
  'GET /api/sqfs': EVERYONE,
  'POST /api/sqfs': FRAMEWORK_KEEPERS,
  'GET /api/sqfs/{id}': EVERYONE,
  'PATCH /api/sqfs/{id}': FRAMEWORK_KEEPERS,
  'GET /api/sqfs/{id}/history': EVERYONE,
  'GET /api/occupational-standards': EVERYONE,
  'POST /api/occupational-standards': FRAMEWORK_KEEPERS,
  'GET /api/occupational-standards/{id}': EVERYONE,
  'PATCH /api/occupational-standards/{id}': FRAMEWORK_KEEPERS,
  'GET /api/occupational-standards/{id}/history': EVERYONE,
  'GET /api/consistency': EVERYONE,

  'GET /api/organizations': EVERYONE,
  'POST /api/organizations': MINISTRY,
  'POST /api/organizations/{id}/licences': MINISTRY,
  // Both sides' consent: the ministry records one in force; an admin of one side proposes it, an
  // admin of the other side confirms or declines (here the organization to itself, refused as a 422).
  'POST /api/organizations/{id}/relationships': { ministry: 'all', 'org-admin': 'own' },
  'GET /api/organizations/{id}/relationship-proposals': { ministry: 'all', 'org-admin': 'own' },
  'POST /api/organizations/{id}/relationships/{relationshipId}/confirm': { ministry: 'all', 'org-admin': 'own' },
  'POST /api/organizations/{id}/relationships/{relationshipId}/decline': { ministry: 'all', 'org-admin': 'own' },
  'GET /api/organizations/{id}': EVERYONE,
  'PATCH /api/organizations/{id}': { ministry: 'all', 'org-admin': 'own' },
  'GET /api/organizations/{id}/history': EVERYONE,

  // The programmes here are drafts: only their organization and the ministry see them.
  'GET /api/programmes': EVERYONE,
  'POST /api/programmes': ORGANIZATION_STAFF,
  'POST /api/programmes/{id}/transitions': { ...ORGANIZATION_STAFF, ministry: 'all' },
  'GET /api/programmes/{id}': { ...ORGANIZATION_STAFF, ministry: 'all' },
  'PATCH /api/programmes/{id}': ORGANIZATION_STAFF,
  'GET /api/programmes/{id}/history': { ...ORGANIZATION_STAFF, ministry: 'all' },
  'GET /api/qualifications': EVERYONE,
  'POST /api/qualifications': MINISTRY,
  'GET /api/certification-centres': EVERYONE,
  'POST /api/certification-centres': FRAMEWORK_KEEPERS,
  'GET /api/certification-centres/{id}': EVERYONE,
  'GET /api/qualifications/{id}': EVERYONE,
  'PATCH /api/qualifications/{id}': MINISTRY,
  'GET /api/qualifications/{id}/history': EVERYONE,
  'GET /api/search': EVERYONE,
  'GET /api/search/export': EVERYONE,
  'GET /api/registers/1': EVERYONE,
  'GET /api/registers/1/export': EVERYONE,
  'GET /api/registers/2/export': EVERYONE,
  'GET /api/registers/3/export': EVERYONE,

  'GET /api/accreditation/bodies/{id}': EVERYONE,
  'POST /api/accreditation/bodies/{id}/recognitions': MINISTRY,
  'PATCH /api/accreditation/bodies/{id}/recognitions/{recognitionId}': MINISTRY,
  'GET /api/accreditation/standard-sets': EVERYONE,
  'POST /api/accreditation/standard-sets': { ministry: 'all', ...BODY },
  'GET /api/accreditation/standard-sets/{id}': EVERYONE,
  'GET /api/accreditation/case-workflow': EVERYONE,
  'POST /api/accreditation/cases': ORGANIZATION_ADMIN,
  // A list answers every caller with the cases it may read (none for the public).
  'GET /api/accreditation/cases': EVERYONE,
  'GET /api/accreditation/cases/{id}': CASE_READERS,
  'POST /api/accreditation/cases/{id}/actions/{action}': { ...ORGANIZATION_ADMIN, ...BODY },
  'GET /api/accreditation/experts': { 'agency-staff': 'all', 'agency-head': 'all' },
  'POST /api/accreditation/experts': BODY,
  'GET /api/accreditation/experts/{id}': BODY,
  'PATCH /api/accreditation/experts/{id}': BODY,
  'POST /api/accreditation/experts/{id}/exclusion': BODY,
  'DELETE /api/accreditation/experts/{id}/exclusion': BODY,
  'POST /api/accreditation/experts/{id}/ratings': BODY,
  'GET /api/accreditation/cases/{id}/panel': CASE_READERS,
  'PUT /api/accreditation/cases/{id}/panel': BODY,
  'GET /api/accreditation/cases/{id}/panel/conflicts': BODY,
  'POST /api/accreditation/cases/{id}/panel/acceptance': ORGANIZATION_ADMIN,
  'POST /api/accreditation/cases/{id}/seminars': BODY,
  'GET /api/accreditation/cases/{id}/challenges': CASE_READERS,
  'POST /api/accreditation/cases/{id}/challenges': ORGANIZATION_ADMIN,
  'POST /api/accreditation/cases/{id}/challenges/{challengeId}/resolution': BODY,
  'GET /api/accreditation/cases/{id}/visit': CASE_READERS,
  'PUT /api/accreditation/cases/{id}/visit': BODY,
  'POST /api/accreditation/cases/{id}/visit/opinions': PANEL_SEAT,
  'POST /api/accreditation/cases/{id}/visit/protocol': PANEL_SEAT,
  'GET /api/accreditation/cases/{id}/report': CASE_READERS,
  // Report versions only by the panel (its chair); the body checks the template.
  'POST /api/accreditation/cases/{id}/report/versions': PANEL_SEAT,
  'POST /api/accreditation/cases/{id}/report/submission': PANEL_SEAT,
  'POST /api/accreditation/cases/{id}/report/template-check': BODY,
  'POST /api/accreditation/cases/{id}/report/dissents': PANEL_SEAT,
  'POST /api/accreditation/cases/{id}/report/factual-comments': ORGANIZATION_ADMIN,
  'POST /api/accreditation/cases/{id}/report/final': PANEL_SEAT,
  'GET /api/accreditation/council/meetings': { 'agency-staff': 'all', 'agency-head': 'all', 'council-member': 'all' },
  'POST /api/accreditation/council/meetings': BODY,
  'GET /api/accreditation/council/meetings/{id}': { ...BODY, 'council-member': 'own' },
  'POST /api/accreditation/council/meetings/{id}/status': BODY,
  'POST /api/accreditation/council/meetings/{id}/agenda': BODY,
  'GET /api/accreditation/council/meetings/{id}/votes': { ...BODY, 'council-member': 'own' },
  // Votes only by members of that meeting's council, while the case awaits it.
  'POST /api/accreditation/council/meetings/{id}/votes': { 'council-member': 'own' },
  'POST /api/accreditation/council/declarations': { 'council-member': 'all' },
  'POST /api/accreditation/council/affiliations': { 'council-member': 'all' },
  // Council terms: the body's head, or the ministry (which manages users).
  'GET /api/accreditation/bodies/{id}/council-members': { ministry: 'all', 'agency-head': 'own' },
  'PUT /api/accreditation/bodies/{id}/council-members/{userId}/term': { ministry: 'all', 'agency-head': 'own' },
  'GET /api/accreditation/cases/{id}/sar': CASE_READERS,
  'POST /api/accreditation/cases/{id}/sar/versions': ORGANIZATION_STAFF,
  'GET /api/accreditation/cases/{id}/sar/versions/{v}': CASE_READERS,
  'PUT /api/accreditation/cases/{id}/sar/versions/{v}/sections/{code}': ORGANIZATION_STAFF,
  'POST /api/accreditation/cases/{id}/sar/versions/{v}/submit': ORGANIZATION_STAFF,
  'POST /api/accreditation/cases/{id}/sar/versions/{v}/evidence': ORGANIZATION_STAFF,
  'DELETE /api/accreditation/cases/{id}/sar/evidence/{evidenceId}': ORGANIZATION_STAFF,
  'GET /api/accreditation/cases/{id}/sar/evidence/{evidenceId}': CASE_READERS,
  'GET /api/accreditation/decisions/{id}/certificate.pdf': EVERYONE,
  'GET /api/accreditation/decisions/{id}': EVERYONE,
  'GET /api/accreditation/decisions/{id}/versions': EVERYONE,
  'POST /api/accreditation/decisions/{id}/enaee': BODY,
  'GET /api/accreditation/cases/{id}/publications': { ministry: 'all', ...ORGANIZATION_STAFF, ...BODY },
  'POST /api/accreditation/cases/{id}/publications/{channel}': BODY,
  'GET /api/registers/2': EVERYONE,
  'GET /api/registers/3': EVERYONE,
  'POST /api/accreditation/appeals': ORGANIZATION_ADMIN,
  'GET /api/accreditation/appeals': CASE_LISTS,
  'GET /api/accreditation/appeals/{id}': { ministry: 'all', ...ORGANIZATION_STAFF, ...BODY },
  'PUT /api/accreditation/appeals/{id}/commission': BODY_HEAD,
  'POST /api/accreditation/appeals/{id}/decision': BODY_HEAD,
  'POST /api/accreditation/decisions/{id}/follow-ups': BODY,
  'GET /api/accreditation/decisions/{id}/follow-ups': { ministry: 'all', ...ORGANIZATION_STAFF, ...BODY },
  'POST /api/accreditation/follow-ups/{id}/submissions': ORGANIZATION_ADMIN,
  'POST /api/accreditation/follow-ups/{id}/review': BODY,
  'GET /api/oversight/internal-qa-assessments': { ministry: 'all', 'org-admin': 'all', 'org-editor': 'all' },
  'POST /api/oversight/internal-qa-assessments': ORGANIZATION_ADMIN,
  'GET /api/oversight/internal-qa-assessments/{id}': { ministry: 'all', ...ORGANIZATION_STAFF },
  'PUT /api/oversight/internal-qa-assessments/{id}': ORGANIZATION_ADMIN,
  'POST /api/oversight/internal-qa-assessments/{id}/submit': ORGANIZATION_ADMIN,
  'POST /api/oversight/internal-qa-assessments/{id}/review': MINISTRY,
  'POST /api/accreditation/decisions/{id}/term-changes': BODY,
  'POST /api/accreditation/decisions/{id}/status': BODY,
  'GET /api/accreditation/expiry-reminders': CASE_LISTS,
  'GET /api/accreditation/statistics': EVERYONE,
  'GET /api/indicators': EVERYONE,
  'GET /api/indicators/{id}': EVERYONE,

  'GET /api/credentials/specifications': EVERYONE,
  'POST /api/credentials/specifications': ORGANIZATION_STAFF,
  'GET /api/credentials/specifications/{id}': EVERYONE,
  'PATCH /api/credentials/specifications/{id}': ORGANIZATION_STAFF,
  'DELETE /api/credentials/specifications/{id}': ORGANIZATION_STAFF,
  'POST /api/credentials/specifications/{id}/issue': ORGANIZATION_STAFF,
  'POST /api/credentials/batches': ORGANIZATION_STAFF,
  'POST /api/credentials/batches/preview': ORGANIZATION_STAFF,
  'GET /api/credentials/batches': ORGANIZATION_STAFF,
  'GET /api/credentials/batches/{id}': ORGANIZATION_STAFF,
  'POST /api/certificates': ORGANIZATION_STAFF,
  'GET /api/certificates': EVERYONE,
  'POST /api/certificates/import': ORGANIZATION_STAFF,
  'POST /api/certificates/import/preview': ORGANIZATION_STAFF,
  'GET /api/certificates/{id}': EVERYONE,
  'POST /api/certificates/{id}/revoke': ORGANIZATION_STAFF,
  'GET /api/me/credentials': LEARNER,
  // A learner's own credential: none of this matrix's credentials is a learner's.
  'POST /api/me/credentials/{id}/share-links': {},
  'GET /api/me/share-links': LEARNER,
  'DELETE /api/me/share-links/{id}': {},
  'GET /api/shared/{token}': EVERYONE,
  'GET /api/me/credits': LEARNER,
  'POST /api/me/recognition-requests': LEARNER,
  'GET /api/me/recognition-requests': LEARNER,
  'GET /api/recognition-requests': ORGANIZATION_ADMIN,
  'POST /api/recognition-requests/{id}/decision': ORGANIZATION_ADMIN,
  'GET /issuers/{org}/did.json': EVERYONE,
  'GET /api/organizations/{id}/issuer-keys': EVERYONE,
  'POST /api/organizations/{id}/issuer-keys/rotate': ORGANIZATION_ADMIN,
  'POST /api/credentials': ORGANIZATION_STAFF,
  'GET /api/credentials': ORGANIZATION_STAFF,
  'GET /api/credentials/{id}': EVERYONE,
  'GET /api/credentials/{id}/vc': EVERYONE,
  'POST /api/credentials/{id}/status': ORGANIZATION_ADMIN,
  'POST /api/verify': EVERYONE,
  'GET /status-lists/{id}': EVERYONE,
  'POST /vc/credentials/issue': ORGANIZATION_STAFF,
  'POST /vc/credentials/verify': EVERYONE,
  'POST /vc/presentations/verify': EVERYONE,
  'POST /vc/credentials/status': ORGANIZATION_ADMIN,
  'GET /api/credentials/{id}/pdf': EVERYONE,
};
