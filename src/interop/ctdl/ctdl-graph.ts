// Credential Engine CTDL: a decision as a `ceterms:AccreditAction` in CTDL's JSON-LD graph shape
// (`@context`, `@id`, `@graph`), with the accrediting body as a `ceterms:QACredentialOrganization`,
// the organization as a `ceterms:CredentialOrganization` and each programme as a
// `ceterms:LearningProgram`; names are language maps. A refusal is a failed action, a withdrawal
// also a `ceterms:RevokeAction`, each said in words too. Mapping table: docs/interop.md. Pure.
import type { ExchangedDecision } from '../../accreditation/accreditation.api.ts';
import type { OrganizationRef, ProgrammeRef } from '../../registry/registry.api.ts';

export const CTDL_CONTEXT = 'https://credreg.net/ctdl/schema/context/json';

export type Names = { name_kk: string; name_ru: string; name_en: string | null };
export const langMap = (o: Names) => ({ kk: o.name_kk, ru: o.name_ru, ...(o.name_en && { en: o.name_en }) });
/** CTDL's identifier form: "ce-" and a UUID; Sapa's ids are UUIDs already. */
export const ctid = (id: string) => `ce-${id}`;

const STATEMENTS: Record<string, Record<string, string>> = {
  accredited: { en: 'Accredited', ru: 'Аккредитовано', kk: 'Аккредиттелген' },
  refused: { en: 'Accreditation refused', ru: 'В аккредитации отказано', kk: 'Аккредиттеуден бас тартылды' },
  'not-applicable': { en: 'Evaluated, no accreditation decision', ru: 'Оценено без решения об аккредитации', kk: 'Аккредиттеу шешімінсіз бағаланды' },
  withdrawn: { en: 'Accreditation withdrawn', ru: 'Аккредитация отозвана', kk: 'Аккредиттеу кері қайтарылды' },
};

export function organization(base: string, o: OrganizationRef, qa: boolean) {
  return {
    '@id': `${base}/api/organizations/${o.id}`,
    '@type': qa ? 'ceterms:QACredentialOrganization' : 'ceterms:CredentialOrganization',
    'ceterms:ctid': ctid(o.id),
    'ceterms:name': langMap(o),
    'ceterms:subjectWebpage': o.website ?? `${base}/en/organizations/${o.key ?? o.id}`,
    'ceterms:agentType': [{ '@type': 'ceterms:CredentialAlignmentObject', 'ceterms:targetNode': qa ? 'orgType:QualityAssurance' : 'orgType:Postsecondary' }],
    'ceterms:address': [{ '@type': 'ceterms:Place', 'ceterms:addressCountry': { en: 'Kazakhstan', ru: 'Казахстан', kk: 'Қазақстан' } }],
  };
}

export function program(base: string, p: ProgrammeRef) {
  return {
    '@id': `${base}/api/programmes/${p.id}`,
    '@type': 'ceterms:LearningProgram',
    'ceterms:ctid': ctid(p.id),
    'ceterms:name': langMap(p),
    'ceterms:subjectWebpage': `${base}/en/programmes/${p.id}`,
    'ceterms:offeredBy': [`${base}/api/organizations/${p.organization_id}`],
    'ceterms:ownedBy': [`${base}/api/organizations/${p.organization_id}`],
    'ceterms:codedNotation': p.code,
    'ceterms:inLanguage': ['kk', 'ru'],
  };
}

/** The decision and everything it names, as one CTDL graph. */
export function ctdlGraphOfDecision(base: string, d: ExchangedDecision, organizations: Map<string, OrganizationRef>, programmes: ProgrammeRef[]) {
  const body = organizations.get(d.bodyId);
  const subject = organizations.get(d.organizationId);
  if (!body || !subject) throw new Error(`decision ${d.id} names an organization that does not exist`);
  const page = `${base}/en/accreditation/decisions/${d.id}`;
  const objects = programmes.length ? programmes.map((p) => `${base}/api/programmes/${p.id}`) : [`${base}/api/organizations/${subject.id}`];
  const withdrawn = d.status === 'withdrawn';
  const action = {
    '@id': `${base}/api/accreditation/decisions/${d.id}`,
    '@type': 'ceterms:AccreditAction',
    'ceterms:ctid': ctid(d.id),
    'ceterms:name': STATEMENTS[d.outcome] ?? { en: d.outcome },
    'ceterms:description': STATEMENTS[withdrawn ? 'withdrawn' : d.outcome] ?? { en: d.outcome },
    'ceterms:actingAgent': [`${base}/api/organizations/${body.id}`],
    'ceterms:object': objects,
    // A refusal is an accreditation action that failed: said by the status and in words.
    'ceterms:actionStatusType': { '@type': 'ceterms:CredentialAlignmentObject', 'ceterms:targetNode': d.outcome === 'refused' ? 'actionStat:FailedActionStatus' : 'actionStat:CompletedActionStatus' },
    'ceterms:startDate': d.validFrom ?? d.decidedOn,
    ...(d.validTo && { 'ceterms:endDate': d.validTo }),
    'ceterms:evidenceOfAction': page,
  };
  const revoke = withdrawn
    ? [
        {
          '@id': `${base}/api/accreditation/decisions/${d.id}#withdrawal`,
          '@type': 'ceterms:RevokeAction',
          'ceterms:name': STATEMENTS.withdrawn,
          'ceterms:actingAgent': [`${base}/api/organizations/${body.id}`],
          'ceterms:object': objects,
          'ceterms:evidenceOfAction': page,
        },
      ]
    : [];
  return {
    '@context': CTDL_CONTEXT,
    '@id': `${base}/api/accreditation/decisions/${d.id}/ctdl`,
    '@graph': [action, ...revoke, organization(base, body, true), organization(base, subject, false), ...programmes.map((p) => program(base, p))],
  };
}
