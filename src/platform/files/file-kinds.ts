// Which uploads are accepted, judged by their content (magic bytes, and for DOCX/XLSX the parts
// inside the zip) and never by the name or the declared content type alone.
import { fileTypeFromBuffer } from 'file-type';
import type { FieldIssue } from '../errors.ts';

export const FILE_KINDS = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'] },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  png: { mediaType: 'image/png', extensions: ['png'] },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
} as const;
export type FileKind = keyof typeof FILE_KINDS;
export const DOCUMENT_KINDS: readonly FileKind[] = ['pdf', 'docx', 'xlsx', 'png', 'jpeg'];

export type Inspected = { kind: FileKind; mediaType: string; extension: string };

/** The declared name reduced to its last path segment, without control characters, at most 200 characters. */
export function cleanFileName(declared: string): string {
  const base = declared.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.slice(-200) || 'file';
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * Every reason to refuse the upload (empty, too large, a type not allowed, a name that claims
 * another type), or the kind it really is. `path` names the form field in the issues.
 */
export async function inspectUpload(
  bytes: Uint8Array,
  declaredName: string,
  limits: { maxBytes: number; allowed?: readonly FileKind[]; path?: string },
): Promise<{ ok: true; file: Inspected } | { ok: false; issues: FieldIssue[] }> {
  const path = limits.path ?? 'file';
  const allowed = limits.allowed ?? DOCUMENT_KINDS;
  const allowedList = allowed.flatMap((k) => FILE_KINDS[k].extensions).join(', ');
  if (bytes.byteLength === 0) return { ok: false, issues: [{ path, messageKey: 'errors.documents.fileEmpty' }] };
  if (bytes.byteLength > limits.maxBytes) {
    const maxMb = Math.round((limits.maxBytes / 1024 / 1024) * 10) / 10;
    return { ok: false, issues: [{ path, messageKey: 'errors.documents.fileTooLarge', params: { maxMb } }] };
  }
  const detected = await fileTypeFromBuffer(bytes);
  const kind = allowed.find((k) => FILE_KINDS[k].mediaType === detected?.mime);
  if (!kind) {
    return {
      ok: false,
      issues: [{ path, messageKey: 'errors.documents.fileTypeNotAllowed', params: { detected: detected?.ext ?? '?', allowed: allowedList } }],
    };
  }
  const extension = extensionOf(cleanFileName(declaredName));
  const expected: readonly string[] = FILE_KINDS[kind].extensions;
  if (!expected.includes(extension)) {
    // A renamed file: the name promises one type, the content is another.
    return {
      ok: false,
      issues: [{ path, messageKey: 'errors.documents.fileNameMismatch', params: { declared: extension || '-', detected: expected[0] ?? kind } }],
    };
  }
  return { ok: true, file: { kind, mediaType: FILE_KINDS[kind].mediaType, extension: expected[0] ?? kind } };
}
