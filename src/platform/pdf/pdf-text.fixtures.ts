// Text of a PDF made by pdfkit, for tests: every content stream inflated, its hex glyph strings
// mapped back to Unicode through each font's ToUnicode CMap. Enough to find words and letters;
// not a general PDF reader.
import { inflateSync } from 'node:zlib';

type CMap = Map<number, string>;

function streams(pdf: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  const text = pdf.toString('latin1');
  const re = /(\d+) 0 obj\s*<<((?:(?!endobj)[\s\S])*?)>>\s*stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    try {
      out.set(m[1] ?? '', (/\/FlateDecode/.test(m[2] ?? '') ? inflateSync(raw) : raw).toString('latin1'));
    } catch {
      // an image or a stream we cannot inflate holds no text
    }
  }
  return out;
}

const hexToString = (hex: string) => String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16)));

function cmapOf(stream: string): CMap {
  const map: CMap = new Map();
  for (const block of stream.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f]+>)/gi)) {
      const from = Number.parseInt(m[1] ?? '0', 16);
      const to = Number.parseInt(m[2] ?? '0', 16);
      const target = m[3] ?? '';
      if (target.startsWith('[')) {
        for (const [i, t] of [...target.matchAll(/<([0-9a-f]+)>/gi)].entries()) map.set(from + i, hexToString(t[1] ?? ''));
      } else {
        const base = Number.parseInt(target.slice(1, -1), 16);
        for (let g = from; g <= to; g++) map.set(g, String.fromCodePoint(base + g - from));
      }
    }
  }
  for (const block of stream.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) map.set(Number.parseInt(m[1] ?? '0', 16), hexToString(m[2] ?? ''));
  }
  return map;
}

/** All text shown on the pages, in drawing order: each glyph string read through the ToUnicode map of the font selected (Tf). */
export function pdfText(bytes: Uint8Array): string {
  const pdf = Buffer.from(bytes);
  const all = streams(pdf);
  const text = pdf.toString('latin1');
  // Font objects and their ToUnicode streams; resource names (/F1) of fonts in every /Font dictionary.
  const toUnicode = new Map<string, CMap>();
  for (const obj of text.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) {
    const body = obj[2] ?? '';
    const ref = /\/Type \/Font\b(?!Descriptor)/.test(body) ? /\/ToUnicode (\d+) 0 R/.exec(body)?.[1] : undefined;
    if (ref) toUnicode.set(obj[1] ?? '', cmapOf(all.get(ref) ?? ''));
  }
  const byName = new Map<string, CMap>();
  for (const dict of text.matchAll(/\/Font\s*<<([^>]*)>>/g)) for (const m of (dict[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g)) byName.set(m[1] ?? '', toUnicode.get(m[2] ?? '') ?? new Map());
  const pieces: string[] = [];
  for (const s of all.values()) {
    if (!/\bBT\b/.test(s)) continue;
    let current: CMap = new Map();
    for (const block of s.matchAll(/BT([\s\S]*?)ET/g)) {
      let line = '';
      for (const token of (block[1] ?? '').matchAll(/\/(\w+) [\d.]+ Tf|<([0-9a-f]+)>/gi)) {
        if (token[1]) current = byName.get(token[1]) ?? new Map();
        else line += (token[2]?.match(/.{4}/g) ?? []).map((g) => current.get(Number.parseInt(g, 16)) ?? '').join('');
      }
      pieces.push(line);
    }
  }
  return pieces.join('\n');
}
