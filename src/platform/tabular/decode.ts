// Turning an uploaded file's bytes into text. Excel on Russian and Kazakh Windows saves CSV in
// Windows-1251, "Unicode text" in UTF-16 LE with a BOM, newer versions UTF-8 with a BOM; reading any
// of these as UTF-8 silently turns names into "�����", so the encoding is taken from the BOM, then
// from a strict UTF-8 check, then guessed (chardet, with Cyrillic code pages preferred), unless the
// uploader declared it.
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type Decoded = { text: string; encoding: string };

/** Code pages a Kazakh or Russian spreadsheet is plausibly saved in, in order of likelihood. */
const CYRILLIC_CODE_PAGES = ['windows-1251', 'koi8-r', 'ibm866', 'iso-8859-5', 'rk1048'];

export class UnknownEncodingError extends Error {
  readonly encoding: string;
  constructor(encoding: string) {
    super(`unknown text encoding ${encoding}`);
    this.encoding = encoding;
  }
}

export function isKnownEncoding(name: string): boolean {
  return iconv.encodingExists(name);
}

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return null;
}

/** UTF-16 without a BOM: text that is mostly ASCII has a zero in every other byte. */
function bomlessUtf16(bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  if (sample.length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = Math.floor(sample.length / 2);
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Share of the decoded non-ASCII characters that are Cyrillic letters: how Cyrillic text reads. */
function cyrillicScore(text: string): number {
  let nonAscii = 0;
  let cyrillic = 0;
  let lower = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) continue;
    nonAscii++;
    if (code >= 0x400 && code <= 0x4ff) {
      cyrillic++;
      if (ch !== ch.toUpperCase()) lower++;
    }
  }
  // Names are mostly lower case after the first letter: a code page that maps them to capitals is wrong.
  return nonAscii === 0 ? 0 : cyrillic / nonAscii + lower / nonAscii;
}

function guessSingleByte(bytes: Uint8Array): string {
  const detected = chardet.detect(bytes)?.toLowerCase() ?? null;
  const candidates = [...new Set([...CYRILLIC_CODE_PAGES, ...(detected && iconv.encodingExists(detected) ? [detected] : [])])];
  let best = 'windows-1251';
  let bestScore = -1;
  for (const candidate of candidates) {
    if (!iconv.encodingExists(candidate)) continue;
    const score = cyrillicScore(iconv.decode(Buffer.from(bytes.subarray(0, 65_536)), candidate));
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  // Not Cyrillic at all (a Western spreadsheet): trust chardet's answer.
  return bestScore < 0.5 && detected && iconv.encodingExists(detected) ? detected : best;
}

/** Decodes the bytes; `declared` (any name iconv-lite knows) overrides detection except a BOM's. */
export function decodeText(bytes: Uint8Array, declared?: string): Decoded {
  const bom = bomEncoding(bytes);
  if (bom) return { text: iconv.decode(Buffer.from(bytes.subarray(bom.skip)), bom.encoding), encoding: bom.encoding };
  if (declared) {
    if (!iconv.encodingExists(declared)) throw new UnknownEncodingError(declared);
    return { text: iconv.decode(Buffer.from(bytes), declared).replace(/^\uFEFF/, ''), encoding: declared.toLowerCase() };
  }
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return { text: iconv.decode(Buffer.from(bytes), utf16), encoding: utf16 };
  if (isValidUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  const encoding = guessSingleByte(bytes);
  return { text: iconv.decode(Buffer.from(bytes), encoding), encoding };
}
