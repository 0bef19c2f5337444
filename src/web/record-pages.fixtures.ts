// Records of every kind with a public page, created through the API (and the demo framework seed),
// for the HTTP and browser tests of the record pages.
import assert from 'node:assert/strict';
import type { TestApp } from '../../test/helpers/app.ts';
import { insertApprovedDecision, insertProgramme, orgByKey } from '../accreditation/after.fixtures.ts';
import { seedDemoFrameworks } from '../frameworks/frameworks.demo.ts';
import { inTransaction } from '../platform/context.ts';
import { programmePassport } from '../registry/programme.fixtures.ts';
import type { Lang } from '../platform/i18n/i18n.ts';

export type Names = { kk: string; ru: string; en?: string };
/** No English name, so the English page shows the fallback note. */
export const ORG: Names = { kk: 'Альфа университеті', ru: 'Университет Альфа' };
export const PARTNER: Names = { kk: 'Бета колледжі', ru: 'Колледж Бета', en: 'Beta College' };
export const PROGRAMME: Names = { kk: 'Ақпараттық жүйелер', ru: 'Информационные системы', en: 'Information systems' };
export const QUALIFICATION: Names = { kk: 'Ақпараттық жүйелер бакалавры', ru: 'Бакалавр информационных систем', en: 'Bachelor of information systems' };

export type Records = Awaited<ReturnType<typeof createRecords>>;

export async function createRecords(t: TestApp) {
  const ministry = await t.tokenFor('ministry');
  const org = async (bin: string, name: Names, extra: Record<string, unknown> = {}) => {
    const res = await t.json('POST', '/api/organizations', { token: ministry, body: { bin, name, kind: 'university', regionCode: 'KZ-75', ...extra } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  };
  const orgId = await org('100000000011', ORG, {
    website: 'https://alpha.example.kz',
    aliases: ['Alpha'],
    licences: [{ number: 'KZ12LAA00000001', issuedOn: '2020-01-15', programmeGroups: [] }],
  });
  const partnerId = await org('100000000012', PARTNER, { kind: 'college' });
  const editor = await t.tokenFor('org-editor', orgId);

  const passport = (over: Record<string, unknown> = {}) =>
    programmePassport(orgId, {
      name: PROGRAMME,
      partnerIds: [partnerId],
      councilApprovedOn: '2024-05-20',
      objective: {
        kk: 'Ақпараттық жүйелер мамандарын даярлау',
        ru: 'Подготовка специалистов по информационным системам',
        en: 'Prepares information systems specialists',
      },
      ...over,
    });


  const created = await t.json('POST', '/api/programmes', { token: editor, body: passport() });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const programmeId = created.body.id as string;
  for (const [action, token] of [
    ['submit', editor],
    ['start-review', ministry],
    ['include', ministry],
  ] as const) {
    const res = await t.json('POST', `/api/programmes/${programmeId}/transitions`, { token, body: { action } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  }
  const draft = await t.json('POST', '/api/programmes', {
    token: editor,
    body: passport({ code: '6B06102', name: { kk: 'Жоба бағдарлама', ru: 'Черновая программа' }, partnerIds: [] }),
  });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));

  const qualification = await t.json('POST', '/api/qualifications', {
    token: ministry,
    body: {
      code: 'Q-6B061',
      name: QUALIFICATION,
      kind: 'higher-education',
      qualificationType: 'bachelor',
      nqfLevel: 6,
      awardingBodyId: orgId,
      fieldCode: '06',
      programmeIds: [programmeId],
    },
  });
  assert.equal(qualification.status, 201, JSON.stringify(qualification.body));

  await inTransaction(t.system, (ctx) => seedDemoFrameworks(ctx, () => {}));
  const sqfId = (await t.json('GET', '/api/sqfs?limit=1')).body.items[0].id as string;
  const standardId = (await t.json('GET', `/api/occupational-standards?limit=1&sqfId=${sqfId}`)).body.items[0].id as string;
  /** Names the API gives, to find on the pages in every language. */
  const apiNames: Record<string, Record<Lang, string>> = {};
  for (const [key, path] of [
    ['sqf', `/api/sqfs/${sqfId}`],
    ['standard', `/api/occupational-standards/${standardId}`],
    ['classifier', '/api/classifiers/direction/061'],
  ] as const) {
    apiNames[key] = (await t.json('GET', path)).body.name;
  }
  // An accreditation body with decisions in two years, for its page's decisions-per-year chart.
  const bodyId = await orgByKey(t.db, 'kazsee');
  const accredited = await orgByKey(t.db, 'satbayev-university');
  const accreditedProgramme = await insertProgramme(t.db, accredited, { code: '6B07101', fieldCode: '07', nameRu: 'Электроэнергетика' });
  await insertApprovedDecision(t.db, { bodyId, organizationId: accredited, programmeIds: [accreditedProgramme], decidedOn: '2023-06-01' });
  await insertApprovedDecision(t.db, { bodyId, organizationId: accredited, kind: 'institutional', decidedOn: '2024-02-01' });
  await insertApprovedDecision(t.db, { bodyId, organizationId: accredited, kind: 'institutional', outcome: 'refused', decidedOn: '2024-09-01' });
  return {
    ministry,
    editor,
    bodyId,
    orgId,
    partnerId,
    programmeId,
    draftId: draft.body.id as string,
    qualificationId: qualification.body.id as string,
    sqfId,
    standardId,
    apiNames,
  };
}

/** One path of every record page type (without the language prefix). */
export const recordPagePaths = (r: Records): string[] => [
  `/organizations/${r.orgId}`,
  `/organizations/${r.bodyId}`,
  `/programmes/${r.programmeId}`,
  `/qualifications/${r.qualificationId}`,
  '/nqf',
  '/nqf/6',
  `/sqfs/${r.sqfId}`,
  `/occupational-standards/${r.standardId}`,
  '/classifiers/direction/061',
];
