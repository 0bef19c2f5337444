// Folds Kazakh/Russian Cyrillic and Latin spellings onto one Latin key, so "Қазақстан",
// "Qazaqstan" and "Jetisu"/"Zhetysu" meet in the index. Pure.
const CYRILLIC: Record<string, string> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'e', ж: 'j', з: 'z', и: 'i', й: 'i',
  к: 'k', қ: 'k', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u',
  ұ: 'u', ү: 'u', ф: 'f', х: 'h', һ: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sh', ъ: '', ы: 'i', і: 'i', ь: '',
  э: 'e', ю: 'iu', я: 'ia',
};

const LATIN_DIGRAPHS: [RegExp, string][] = [
  [/zh/g, 'j'],
  [/kh/g, 'h'],
  [/q/g, 'k'],
  [/ya/g, 'ia'],
  [/yu/g, 'iu'],
  [/ye/g, 'e'],
  [/y/g, 'i'],
  [/w/g, 'u'],
  [/x/g, 'h'],
  [/c(?!h)/g, 'k'],
];

const LATIN_SPECIAL: Record<string, string> = { ş: 'sh', ç: 'ch', ı: 'i', ğ: 'g', ñ: 'n' };

/** Lowercase Latin key of a word or phrase; digits kept; other characters become spaces. */
export function fold(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) {
    const c = CYRILLIC[ch] ?? LATIN_SPECIAL[ch];
    out += c ?? ch;
  }
  out = out.normalize('NFD').replace(/\p{M}/gu, '');
  for (const [pattern, replacement] of LATIN_DIGRAPHS) out = out.replace(pattern, replacement);
  return out.replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The words of a folded query, deduplicated, dropping one-letter noise. */
export function foldedWords(text: string): string[] {
  return [...new Set(fold(text).split(' ').filter((w) => w.length > 1 || /\d/.test(w)))];
}
