// What the sector council's forms share (occupational standards and sectoral frameworks): the
// document's head (code, names, sector, developer, approval, edition, status), trilingual texts,
// lists typed one item a line in each language, and rows offered with a spare one to add.
import type { Child } from 'hono/jsx';
import { FRAMEWORK_STATUSES } from '../../frameworks/sqf.schema.ts';
import type { FieldIssue } from '../../platform/errors.ts';
import type { Page } from '../page.ts';
import { FieldErrors, type FormValues, Select, TextField, fieldId, one } from './forms.tsx';

export const LANGS = ['kk', 'ru', 'en'] as const;
export type Texts = Record<(typeof LANGS)[number], string>;
/** A form never offers more rows than this, whatever its hidden counters say. */
const MAX_ROWS = 200;

export const texts = (values: FormValues, prefix: string): Texts => Object.fromEntries(LANGS.map((l) => [l, one(values, `${prefix}.${l}`)])) as Texts;
export const anyText = (t: Texts) => LANGS.some((l) => t[l]);

/** The rows a form has (its hidden counter), or the fallback. */
export function rowCount(values: FormValues, name: string, fallback: number): number {
  const n = Number(one(values, name));
  return Number.isInteger(n) && n > 0 ? Math.min(n, MAX_ROWS) : fallback;
}

/** A list typed as one item a line in each language: the n-th lines of the three make the n-th item. */
export function linesOf(values: FormValues, prefix: string): Texts[] {
  const raw = values;
  const lines = Object.fromEntries(
    LANGS.map((l) => {
      const v = raw[`${prefix}.${l}`];
      const text = Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
      return [l, text.split(/\r?\n/).map((x) => x.trim())];
    }),
  ) as Record<(typeof LANGS)[number], string[]>;
  const count = Math.max(...LANGS.map((l) => lines[l].length));
  return Array.from({ length: count }, (_, i) => Object.fromEntries(LANGS.map((l) => [l, lines[l][i] ?? ''])) as Texts).filter(anyText);
}

/** The values of a list of texts, one a line in each language. */
export function linesValues(prefix: string, items: Texts[]): FormValues {
  return Object.fromEntries(LANGS.map((l) => [`${prefix}.${l}`, items.map((i) => i[l]).join('\n')]));
}

export const textValues = (prefix: string, t: Texts): FormValues => Object.fromEntries(LANGS.map((l) => [`${prefix}.${l}`, t[l]]));

/** The head of a framework document from the form. */
export function headOf(values: FormValues) {
  return {
    code: one(values, 'code'),
    name: texts(values, 'name'),
    sector: texts(values, 'sector'),
    developer: one(values, 'developer'),
    approvedOn: one(values, 'approvedOn') || null,
    edition: one(values, 'edition'),
    status: one(values, 'status'),
  };
}

export function headValues(d: { code: string; name: Texts; sector: Texts; developer: string; approvedOn: string | null; edition: string; status: string; version: number }): FormValues {
  return {
    code: d.code,
    ...textValues('name', d.name),
    ...textValues('sector', d.sector),
    developer: d.developer,
    approvedOn: d.approvedOn ?? '',
    edition: d.edition,
    status: d.status,
    version: String(d.version),
  };
}

export function headLabels(page: Page): Record<string, string> {
  const { t } = page;
  const labels: Record<string, string> = {
    code: t('ui.forms.framework.code'),
    developer: t('ui.forms.framework.developer'),
    approvedOn: t('ui.forms.framework.approvedOn'),
    edition: t('ui.forms.framework.edition'),
    status: t('ui.forms.framework.status'),
  };
  for (const l of LANGS) {
    labels[`name.${l}`] = t('ui.forms.framework.nameIn', { lang: t(`ui.lang.${l}`) });
    labels[`sector.${l}`] = t('ui.forms.framework.sectorIn', { lang: t(`ui.lang.${l}`) });
  }
  return labels;
}

/** Field builders bound to one form's values, labels and issues. */
export function fieldsOf(page: Page, values: FormValues, labels: Record<string, string>, byField: Map<string, FieldIssue[]>) {
  const text = (path: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField page={page} path={path} label={labels[path] ?? path} value={one(values, path)} issues={byField.get(path)} {...extra} />
  );
  const select = (path: string, choices: [string, string][], required = false) => (
    <Select page={page} path={path} label={labels[path] ?? path} value={one(values, path)} options={choices} issues={byField.get(path)} required={required} />
  );
  const trilingual = (prefix: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => LANGS.map((l) => text(`${prefix}.${l}`, { lang: l, ...extra }));
  const group = (path: string, legend: string, hint: string | null, body: Child) => (
    <fieldset id={fieldId(path)} tabindex={-1} aria-describedby={byField.get(path) ? `${fieldId(path)}-error` : undefined}>
      <legend>{legend}</legend>
      {hint ? <p class="meta">{hint}</p> : null}
      <FieldErrors page={page} path={path} issues={byField.get(path)} />
      {body}
    </fieldset>
  );
  const head = () => (
    <>
      {text('code', { required: true })}
      {trilingual('name', { required: true })}
      {trilingual('sector', { required: true })}
      {text('developer', { required: true })}
      {text('approvedOn', { type: 'date' })}
      {text('edition', { required: true })}
      {select(
        'status',
        FRAMEWORK_STATUSES.map((s): [string, string] => [s, page.t(`ui.forms.framework.statuses.${s}`)]),
        true,
      )}
    </>
  );
  return { text, select, trilingual, group, head };
}

/**
 * A list item's issue (skills.3.ru) belongs to the list's field in that language (skills.ru); a
 * row's issue (occupations.2) to the row the form drew at that position.
 */
export function listIssuePaths(issues: FieldIssue[], lists: string[]): FieldIssue[] {
  return issues.map((i) => {
    for (const list of lists) {
      const m = new RegExp(`^(.*\\.${list})\\.\\d+\\.(kk|ru|en)$`).exec(i.path);
      if (m) return { ...i, path: `${m[1]}.${m[2]}` };
      const whole = new RegExp(`^(.*\\.${list})\\.\\d+$`).exec(i.path);
      if (whole) return { ...i, path: `${whole[1]}.ru` };
    }
    return i;
  });
}
