// Says where a reference value comes from, in words: the document and line it is quoted from, or
// that the team wrote it. Team-written values are never dressed up as citations.
import type { Page } from './page.ts';

type Provenance = { source: { document: string; lines: string } } | { authored: 'team'; note?: string };

function documentName(page: Page, document: string): string {
  const number = document.match(/^(\d{3})_/)?.[1];
  return page.t(`ui.provenance.documents.d${number}`, { defaultValue: page.t('ui.provenance.unknownDocument', { document }) });
}

export function provenanceWords(page: Page, provenance: Provenance | undefined): string {
  if (!provenance || 'authored' in provenance) {
    return provenance?.note ? page.t('ui.provenance.authoredNote', { note: provenance.note }) : page.t('ui.provenance.authored');
  }
  const document = documentName(page, provenance.source.document);
  const [from, to] = provenance.source.lines.replace(/^L/, '').split(/-L?/);
  return to && to !== from ? page.t('ui.provenance.quotedLines', { document, from, to }) : page.t('ui.provenance.quotedLine', { document, line: from });
}

/** The value's provenance as a note under it; team-written values are marked as such. */
export function ProvenanceNote(props: { page: Page; of: Provenance | undefined }) {
  const authored = !props.of || 'authored' in props.of;
  return <small class={authored ? 'meta provenance authored' : 'meta provenance'}>{provenanceWords(props.page, props.of)}</small>;
}
