// Evidence files of a self-assessment report: uploaded to a draft version (checked by content,
// stored once per content), attached to a section or to the report, downloaded by its readers.
import { actorId } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';
import { notFound, validationFailed } from '../platform/errors.ts';
import { type FileBatch, putFile, readFileBytes } from '../platform/files/files.ts';
import { cleanFileName } from '../platform/files/file-kinds.ts';
import { recordChange } from '../platform/history/history.ts';
import { loadSarCase, requireSarWriter, sarViewerOf } from './sar.access.ts';
import { editableVersion, presentEvidence, sectionsForCase } from './sar.service.ts';
import * as repo from './sar.repository.ts';
import type { SarEvidence } from './sar.schema.ts';

const EVIDENCE = 'sar-evidence';

export type EvidenceUpload = { bytes: Uint8Array; fileName: string; section?: string; title?: string };

/** Attaches a file to a draft; its bytes are published by `batch` once the transaction commits. */
export async function addEvidence(ctx: Ctx, caseId: string, version: number, upload: EvidenceUpload, batch: FileBatch): Promise<SarEvidence> {
  const { c, v } = await editableVersion(ctx, caseId, version);
  const section = upload.section ?? null;
  if (section !== null && !(await sectionsForCase(ctx, c)).some((d) => d.code === section)) {
    throw validationFailed([{ path: 'section', messageKey: 'errors.documents.sarUnknownSection', params: { section } }]);
  }
  const fileName = cleanFileName(upload.fileName);
  const file = await putFile(ctx, upload.bytes, { declaredName: fileName, batch });
  const id = await repo.insertEvidence(ctx.db, {
    version_id: v.id,
    standard_code: section,
    file_sha256: file.sha256,
    file_name: fileName,
    title: upload.title ?? null,
    uploaded_by: actorId(ctx.actor),
  });
  const after = { caseId: c.id, version: v.version, section, fileName, sha256: file.sha256, size: file.size, mediaType: file.mediaType };
  await recordChange(ctx, { entityType: EVIDENCE, entityId: id, action: 'sar.add-evidence', before: null, after, versioned: false });
  const row = await repo.findEvidence(ctx.db, id);
  if (!row) throw notFound('sar-evidence', id);
  return presentEvidence(c.id, v.version, row);
}

/** Detaches a file from a draft (the stored content stays: other versions may use it). */
export async function removeEvidence(ctx: Ctx, caseId: string, evidenceId: string): Promise<void> {
  await requireSarWriter(ctx, await loadSarCase(ctx, caseId));
  const row = await repo.findEvidence(ctx.db, evidenceId);
  if (!row || row.case_id !== caseId) throw notFound('sar-evidence', evidenceId);
  await editableVersion(ctx, caseId, row.version);
  await repo.deleteEvidence(ctx.db, evidenceId);
  await recordChange(ctx, {
    entityType: EVIDENCE,
    entityId: evidenceId,
    action: 'sar.remove-evidence',
    before: { caseId, version: row.version, section: row.standard_code, fileName: row.file_name, sha256: row.file_sha256 },
    after: null,
    versioned: false,
  });
}

/** The file of an evidence item, for whoever may read its version. */
export async function evidenceFile(ctx: Ctx, caseId: string, evidenceId: string): Promise<{ bytes: Uint8Array; fileName: string; mediaType: string }> {
  const c = await loadSarCase(ctx, caseId);
  // Access is checked first, so an outsider learns nothing about which evidence ids exist.
  const viewer = await sarViewerOf(ctx, c);
  const row = await repo.findEvidence(ctx.db, evidenceId);
  if (!row || row.case_id !== c.id || (!viewer.seesDrafts && row.version_status !== 'submitted')) throw notFound('sar-evidence', evidenceId);
  const bytes = await readFileBytes(row.file_sha256);
  if (!bytes) throw notFound('file', row.file_sha256);
  return { bytes, fileName: row.file_name, mediaType: row.media_type };
}
