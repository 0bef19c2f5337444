// Self-assessment reports: versions per case (v1, then v2… after a revision request), a section
// per standard and criterion of the case's standard set with text in kk, ru and en, and submission.
import { actorId } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';
import { type FieldIssue, conflict, notFound, validationFailed } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import { translator } from '../platform/i18n/i18n.ts';
import { GENERAL_SECTION, SAR_LANGS, type SarRefusal, type SarTexts, checkEditable, checkNewVersion, isSarEditableState, missingTexts } from './sar-rules.ts';
import { loadSarCase, requireSarWriter, sarViewerOf } from './sar.access.ts';
import * as repo from './sar.repository.ts';
import type { SarEvidence, SarVersion } from './sar.schema.ts';

const SAR_VERSION = 'sar-version';

export type SarSectionDef = { code: string; parentCode: string | null; title: SarTexts };

/** The sections of a case's report: the standards and criteria of its set, or one general section. */
export async function sectionsForCase(ctx: Ctx, c: repo.SarCaseRow): Promise<SarSectionDef[]> {
  const standards = c.standard_set_id ? await repo.standardsOfSet(ctx.db, c.standard_set_id) : [];
  if (!standards.length) {
    const title = Object.fromEntries(SAR_LANGS.map((l) => [l, translator(l)('ui.documents.sar.generalSection')])) as SarTexts;
    return [{ code: GENERAL_SECTION, parentCode: null, title }];
  }
  return standards.map((s) => {
    const fallback = s.title_en ?? s.title_ru ?? s.title_kk ?? s.code;
    return { code: s.code, parentCode: s.parent_code, title: { kk: s.title_kk ?? fallback, ru: s.title_ru ?? fallback, en: s.title_en ?? fallback } };
  });
}

export const textsOf = (rows: repo.SectionRow[]) => new Map(rows.map((r) => [r.standard_code, { kk: r.text_kk, ru: r.text_ru, en: r.text_en }]));

export function presentEvidence(caseId: string, version: number, e: repo.EvidenceRow): SarEvidence {
  return {
    id: e.id,
    version,
    section: e.standard_code,
    title: e.title,
    fileName: e.file_name,
    sha256: e.file_sha256,
    size: e.size,
    mediaType: e.media_type,
    uploadedAt: e.uploaded_at.toISOString(),
    downloadUrl: `/api/accreditation/cases/${caseId}/sar/evidence/${e.id}`,
  };
}

async function presentVersion(ctx: Ctx, c: repo.SarCaseRow, v: repo.VersionRow): Promise<SarVersion> {
  const [defs, sectionRows, evidenceRows] = await Promise.all([sectionsForCase(ctx, c), repo.sectionsOf(ctx.db, v.id), repo.evidenceOf(ctx.db, v.id)]);
  const texts = textsOf(sectionRows);
  const missing = missingTexts(
    defs.map((d) => d.code),
    texts,
  );
  const incomplete = new Set(missing.map((m) => m.section));
  return {
    caseId: c.id,
    version: v.version,
    status: v.status as 'draft' | 'submitted',
    createdAt: v.created_at.toISOString(),
    submittedAt: v.submitted_at?.toISOString() ?? null,
    languagesComplete: missing.length === 0,
    evidenceCount: evidenceRows.length,
    missing,
    sections: defs.map((d) => ({
      ...d,
      text: texts.get(d.code) ?? { kk: '', ru: '', en: '' },
      complete: !incomplete.has(d.code),
      evidenceCount: evidenceRows.filter((e) => e.standard_code === d.code).length,
    })),
    evidence: evidenceRows.map((e) => presentEvidence(c.id, v.version, e)),
  };
}

const refused = (r: SarRefusal) => conflict(r.key, r.params);

/** The versions the caller may see (the applicant sees drafts, other readers only submitted ones). */
export async function sarOverview(ctx: Ctx, caseId: string) {
  const c = await loadSarCase(ctx, caseId);
  const viewer = await sarViewerOf(ctx, c);
  const versions = (await repo.listVersions(ctx.db, c.id)).filter((v) => viewer.seesDrafts || v.status === 'submitted');
  const summaries = await Promise.all(
    versions.map(async (v) => {
      const { sections: _s, evidence: _e, missing: _m, caseId: _c, ...summary } = await presentVersion(ctx, c, v);
      return summary;
    }),
  );
  return { caseId: c.id, caseState: c.state, mayEdit: viewer.mayWrite && isSarEditableState(c.state), versions: summaries };
}

/** A version the caller may see, or 404 (a draft is invisible outside the applicant organization). */
export async function visibleVersion(ctx: Ctx, caseId: string, version: number) {
  const c = await loadSarCase(ctx, caseId);
  const viewer = await sarViewerOf(ctx, c);
  const v = await repo.findVersion(ctx.db, c.id, version);
  if (!v || (!viewer.seesDrafts && v.status !== 'submitted')) throw notFound('sar-version', `${caseId}/v${version}`);
  return { c, v, viewer };
}

export async function getSarVersion(ctx: Ctx, caseId: string, version: number): Promise<SarVersion> {
  const { c, v } = await visibleVersion(ctx, caseId, version);
  return presentVersion(ctx, c, v);
}

/** A draft version the caller may change while the case is in preparation or revision (403, 404, 409 otherwise). */
export async function editableVersion(ctx: Ctx, caseId: string, version: number) {
  const c = await loadSarCase(ctx, caseId);
  await requireSarWriter(ctx, c);
  await repo.lockCaseVersions(ctx.db, c.id);
  const v = await repo.findVersion(ctx.db, c.id, version);
  if (!v) throw notFound('sar-version', `${caseId}/v${version}`);
  const refusal = checkEditable(c.state, v);
  if (refusal) throw refused(refusal);
  return { c, v };
}

/** Opens the next version as a draft; a revision starts from the texts and evidence of the last one. */
export async function startSarVersion(ctx: Ctx, caseId: string): Promise<SarVersion> {
  const c = await loadSarCase(ctx, caseId);
  await requireSarWriter(ctx, c);
  await repo.lockCaseVersions(ctx.db, c.id);
  const versions = await repo.listVersions(ctx.db, c.id);
  const refusal = checkNewVersion(c.state, versions);
  if (refusal) throw refused(refusal);
  const last = versions.at(-1);
  const created = await repo.insertVersion(ctx.db, c.id, (last?.version ?? 0) + 1, actorId(ctx.actor));
  if (last) await repo.copyVersionContent(ctx.db, last.id, created.id);
  const after = { caseId: c.id, version: created.version, status: created.status, copiedFrom: last?.version ?? null };
  await recordChange(ctx, { entityType: SAR_VERSION, entityId: created.id, action: 'sar.start-version', before: null, after });
  return presentVersion(ctx, c, created);
}

/** Replaces the given languages' text of one section of a draft. */
export async function updateSarSection(ctx: Ctx, caseId: string, version: number, code: string, input: Partial<SarTexts>): Promise<SarVersion> {
  const { c, v } = await editableVersion(ctx, caseId, version);
  const defs = await sectionsForCase(ctx, c);
  if (!defs.some((d) => d.code === code))
    throw validationFailed([{ path: 'section', messageKey: 'errors.documents.sarUnknownSection', params: { section: code } }]);
  const before = textsOf(await repo.sectionsOf(ctx.db, v.id)).get(code) ?? { kk: '', ru: '', en: '' };
  const after = { kk: input.kk ?? before.kk, ru: input.ru ?? before.ru, en: input.en ?? before.en };
  await repo.upsertSection(ctx.db, v.id, code, { text_kk: after.kk, text_ru: after.ru, text_en: after.en }, actorId(ctx.actor));
  await recordChange(ctx, {
    entityType: SAR_VERSION,
    entityId: v.id,
    action: 'sar.update-section',
    before: { section: code, ...before },
    after: { section: code, ...after },
    versioned: false,
  });
  return presentVersion(ctx, c, v);
}

/**
 * Marks a draft submitted: only the applicant, only in preparation or revision, and only with
 * text in kk, ru and en in every section (422 listing each missing one). The case moves on by
 * its own 'submit-sar' action, which the organization takes next.
 */
export async function submitSarVersion(ctx: Ctx, caseId: string, version: number): Promise<SarVersion> {
  const { c, v } = await editableVersion(ctx, caseId, version);
  const defs = await sectionsForCase(ctx, c);
  const missing = missingTexts(
    defs.map((d) => d.code),
    textsOf(await repo.sectionsOf(ctx.db, v.id)),
  );
  if (missing.length) {
    const issues: FieldIssue[] = missing.map((m) => ({
      path: `sections.${m.section}.${m.language}`,
      messageKey: 'errors.documents.sarTextMissing',
      params: { section: m.section, language: m.language },
    }));
    throw validationFailed(issues);
  }
  const submitted = await repo.markSubmitted(ctx.db, v.id, actorId(ctx.actor));
  await recordChange(ctx, {
    entityType: SAR_VERSION,
    entityId: v.id,
    action: 'sar.submit-version',
    before: { caseId: c.id, version: v.version, status: v.status },
    after: { caseId: c.id, version: v.version, status: submitted.status },
  });
  return presentVersion(ctx, c, submitted);
}

/**
 * For the case engine's 'submit-sar' step: submits the latest version if it is still a draft
 * (with the same checks as submitSarVersion); does nothing when it is already submitted.
 */
export async function submitLatestSarVersion(ctx: Ctx, caseId: string): Promise<void> {
  const latest = (await repo.listVersions(ctx.db, caseId)).at(-1);
  if (latest?.status === 'draft') await submitSarVersion(ctx, caseId, latest.version);
}
