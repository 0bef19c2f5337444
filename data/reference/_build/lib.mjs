import fs from 'node:fs';
const SEEDS = '/work/shared/seeds';
export const D = {
  s000: '000_23986ba666cb93ad.txt',
  s001: '001_f645ad72ca4524e5.txt',
  s002: '002_7f880bfa253cfac4.txt',
  s003: '003_a6b45dff19754c58.txt',
  s004: '004_8499ae870ed62df1.txt',
};
const cache = {};
export function lines(doc) {
  if (!cache[doc]) cache[doc] = fs.readFileSync(`${SEEDS}/${doc}`, 'utf8').split('\n');
  return cache[doc];
}
// Verify that `needle` occurs (case-insensitive, whitespace-normalised) within lines a..b of doc.
export function verify(doc, a, b, needle) {
  const L = lines(doc);
  if (a < 1 || b > L.length || a > b) throw new Error(`bad range ${doc} L${a}-${b}`);
  const norm = (s) => s.toLowerCase().replace(/\s+/g, ' ');
  const text = norm(L.slice(a - 1, b).join(' '));
  if (!text.includes(norm(needle))) throw new Error(`"${needle}" not found in ${doc} L${a}-${b}`);
}
// Build a source object; `needle` (optional) must be found in the cited lines.
export function src(docKey, a, b = a, needle = null) {
  const doc = D[docKey];
  if (needle) verify(doc, a, b, needle);
  return { document: doc, lines: a === b ? `L${a}` : `L${a}-${b}` };
}
// Find the first line (>= from) containing needle; returns line number.
export function findLine(docKey, needle, from = 1) {
  const L = lines(D[docKey]);
  const n = needle.toLowerCase();
  for (let i = from - 1; i < L.length; i++) if (L[i].toLowerCase().includes(n)) return i + 1;
  throw new Error(`"${needle}" not found in ${docKey} from L${from}`);
}
export function t(kk, ru, en) {
  for (const [k, v] of Object.entries({ kk, ru, en })) if (!v || typeof v !== 'string') throw new Error(`missing ${k} for ${en}`);
  return { kk, ru, en };
}
// Move a record's top-level "translated" list into its source object (the loader's source schema carries it).
function moveTranslated(x) {
  if (Array.isArray(x)) { x.forEach(moveTranslated); return x; }
  if (x && typeof x === 'object') {
    if (Array.isArray(x.translated) && x.source && typeof x.source === 'object') {
      if (x.translated.length) x.source = { ...x.source, translated: x.translated };
      delete x.translated;
    }
    for (const v of Object.values(x)) moveTranslated(v);
  }
  return x;
}
export function write(name, data) {
  moveTranslated(data);
  // Next to this script (data/reference/), so a worktree writes its own copy.
  const dir = new URL('../', import.meta.url).pathname;
  const out = dir + name;
  fs.writeFileSync(out, JSON.stringify(data, null, 2) + '\n', 'utf8');
  console.log('wrote', name, Array.isArray(data) ? data.length : Object.keys(data).length);
}
// Find first line l (>= from) whose text, joined with the following lines (up to `span`), starts with needle.
export function findSpan(docKey, needle, from = 1, span = 4) {
  const L = lines(D[docKey]);
  const norm = (s) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const n = norm(needle);
  for (let i = from - 1; i < L.length; i++) {
    if (!norm(L[i])) continue;
    if (norm(L.slice(i, i + span).join(' ')).startsWith(n)) return i + 1;
  }
  throw new Error(`span "${needle}" not found in ${docKey} from L${from}`);
}
