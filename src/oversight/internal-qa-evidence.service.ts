// Evidence files of a self-assessment: the organization attaches them to a standard while the
// self-assessment is a draft or returned (checked by content, stored once per content in the file
// store); its readers (its staff, the authority) download them; they stay with the submitted and
// accepted versions. Access is the self-assessment's own.
import { actorId } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';
import { conflict, notFound, validationFailed } from '../platform/errors.ts';
import { cleanFileName } from '../platform/files/file-kinds.ts';
import { type FileBatch, putFile, readFileBytes } from '../platform/files/files.ts';
import { recordChange } from '../platform/history/history.ts';
import { standardSetById } from '../accreditation/accreditation.api.ts';
import * as repo from './internal-qa.repository.ts';
import { editable } from './internal-qa.rules.ts';
import { ASSESSMENT, forChange, presentEvidence, readable } from './internal-qa.service.ts';

export type EvidenceUpload = { bytes: Uint8Array; fileName: string; standardCode: string };

export async function addEvidence(ctx: Ctx, assessmentId: string, upload: EvidenceUpload, batch: FileBatch) {
  const row = await forChange(ctx, assessmentId, 'assess');
  if (!editable(row.state)) throw conflict('errors.oversight.notEditable', { state: row.state });
  const set = await standardSetById(ctx.db, row.standard_set_id);
  if (!set?.standards.some((s) => s.code === upload.standardCode)) throw validationFailed([{ path: 'standardCode', messageKey: 'errors.oversight.unknownStandard' }]);
  const fileName = cleanFileName(upload.fileName);
  const file = await putFile(ctx, upload.bytes, { declaredName: fileName, batch });
  const id = await repo.insertEvidence(ctx.db, { assessment_id: assessmentId, standard_code: upload.standardCode, file_sha256: file.sha256, file_name: fileName, uploaded_by: actorId(ctx.actor) });
  await recordChange(ctx, {
    entityType: ASSESSMENT,
    entityId: assessmentId,
    action: 'internal-qa.add-evidence',
    before: null,
    after: { evidenceId: id, standardCode: upload.standardCode, fileName, sha256: file.sha256, size: file.size },
    versioned: false,
  });
  const saved = (await repo.evidenceOf(ctx.db, assessmentId)).find((e) => e.id === id);
  if (!saved) throw notFound('internal-qa-evidence', id);
  return presentEvidence(saved);
}

export async function removeEvidence(ctx: Ctx, assessmentId: string, evidenceId: string): Promise<void> {
  const row = await forChange(ctx, assessmentId, 'assess');
  if (!editable(row.state)) throw conflict('errors.oversight.notEditable', { state: row.state });
  const evidence = (await repo.evidenceOf(ctx.db, assessmentId)).find((e) => e.id === evidenceId);
  if (!evidence) throw notFound('internal-qa-evidence', evidenceId);
  await repo.deleteEvidence(ctx.db, evidenceId);
  await recordChange(ctx, {
    entityType: ASSESSMENT,
    entityId: assessmentId,
    action: 'internal-qa.remove-evidence',
    before: { evidenceId, standardCode: evidence.standard_code, fileName: evidence.file_name, sha256: evidence.file_sha256 },
    after: null,
    versioned: false,
  });
}

/** The file, for whoever may read the self-assessment (others get a 404, as for the assessment). */
export async function evidenceFile(ctx: Ctx, assessmentId: string, evidenceId: string) {
  await readable(ctx, assessmentId);
  const evidence = (await repo.evidenceOf(ctx.db, assessmentId)).find((e) => e.id === evidenceId);
  if (!evidence) throw notFound('internal-qa-evidence', evidenceId);
  const bytes = await readFileBytes(evidence.file_sha256);
  if (!bytes) throw notFound('file', evidence.file_sha256);
  return { bytes, fileName: evidence.file_name, mediaType: evidence.media_type };
}
