// The grammar of a higher-education programme code (classifier of fields of training, seed 003a
// L1538; digest 003a §3.2): level digit 6/7/8, the degree letter of that level (6B bachelor, 7M
// master, 8D doctoral), the 2-digit field 01–12, a 1-digit direction and a 2-digit sequence, e.g.
// 6B06101. Pure: it names the first part that is wrong, for a message a person can act on.

export const DEGREE_LETTER: Readonly<Record<string, string>> = { '6': 'B', '7': 'M', '8': 'D' };

/** The whole grammar as one pattern (for the OpenAPI document and quick tests). */
export const PROGRAMME_CODE_GRAMMAR = /^(?:6B|7M|8D)(?:0[1-9]|1[0-2])\d(?:0[1-9]|[1-9]\d)$/;

export type CodePart = 'length' | 'level' | 'letter' | 'field' | 'direction' | 'sequence';
export type CodeProblem = { part: CodePart; params: Record<string, string> };

export function programmeCodeProblem(code: string): CodeProblem | null {
  if (code.length !== 7) return { part: 'length', params: { code, length: String(code.length) } };
  const digit = code.slice(0, 1);
  const letter = code.slice(1, 2);
  const field = code.slice(2, 4);
  const direction = code.slice(4, 5);
  const sequence = code.slice(5, 7);
  const expected = DEGREE_LETTER[digit];
  if (!expected) return { part: 'level', params: { code, digit } };
  if (letter !== expected) return { part: 'letter', params: { code, letter, digit, expected } };
  if (!/^\d{2}$/.test(field) || Number(field) < 1 || Number(field) > 12) return { part: 'field', params: { code, field } };
  if (!/^\d$/.test(direction)) return { part: 'direction', params: { code, direction } };
  if (!/^\d{2}$/.test(sequence) || sequence === '00') return { part: 'sequence', params: { code, sequence } };
  return null;
}
