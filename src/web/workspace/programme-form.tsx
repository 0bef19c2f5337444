// The programme passport form, for a new programme and for editing a draft: every passport field
// (type, forms of study, objective), learning outcomes and courses with the outcomes each course
// develops. Rows are plain inputs (no script): the form offers the rows it has plus empty ones,
// and empty rows are ignored.
import type { Context } from 'hono';
import { entriesInForce } from '../../frameworks/classifier.service.ts';
import { listQualificationTypes } from '../../frameworks/nqf.service.ts';
import type { FieldIssue } from '../../platform/errors.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import type { MaybeLangMap } from '../../platform/i18n/lang-map.ts';
import { COURSE_COMPONENTS, COURSE_CYCLES, PROGRAMME_TYPES, type Programme } from '../../registry/programme.schema.ts';
import { Layout } from '../layout.tsx';
import type { Page } from '../page.ts';
import { Checkboxes, ErrorSummary, FieldErrors, type FormProblem, type FormValues, Select, TextField, accountOf, fieldId, issuesByField, many, one } from './forms.tsx';

const LANGS = ['kk', 'ru', 'en'] as const;
type Lang3 = Record<(typeof LANGS)[number], string>;
/** Empty rows offered after the ones a passport already has. */
const SPARE_ROWS = 2;
/** A form never asks for more rows than this, whatever its hidden counters say. */
const MAX_ROWS = 200;

const rowCount = (values: FormValues, name: string, fallback: number) => {
  const n = Number(one(values, name));
  return Number.isInteger(n) && n > 0 ? Math.min(n, MAX_ROWS) : fallback;
};

const texts = (values: FormValues, prefix: string): Lang3 => Object.fromEntries(LANGS.map((l) => [l, one(values, `${prefix}.${l}`)])) as Lang3;
const anyText = (t: Lang3) => LANGS.some((l) => t[l]);

/** The passport from the form, with each row's position in the form kept for its errors. */
export function passportOf(values: FormValues) {
  const opt = (name: string) => one(values, name) || undefined;
  const num = (name: string) => (one(values, name) === '' ? undefined : Number(one(values, name)));
  const outcomeRows = Array.from({ length: rowCount(values, 'outcomeRows', 3) }, (_, i) => ({ row: i, code: one(values, `outcomes.${i}.code`), text: texts(values, `outcomes.${i}.text`) })).filter(
    (o) => o.code || anyText(o.text),
  );
  const courseRows = Array.from({ length: rowCount(values, 'courseRows', 2) }, (_, i) => ({
    row: i,
    code: one(values, `courses.${i}.code`),
    name: texts(values, `courses.${i}.name`),
    cycle: one(values, `courses.${i}.cycle`),
    component: one(values, `courses.${i}.component`),
    credits: one(values, `courses.${i}.credits`),
    outcomes: one(values, `courses.${i}.outcomes`)
      .split(/[\s,;]+/)
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean),
  })).filter((c) => c.code || anyText(c.name) || c.credits || c.outcomes.length);
  const objective = texts(values, 'objective');
  return {
    outcomeRows,
    courseRows,
    passport: {
      code: opt('code')?.toUpperCase(),
      name: { kk: one(values, 'name.kk'), ru: one(values, 'name.ru'), en: opt('name.en') },
      fieldCode: opt('fieldCode'),
      directionCode: opt('directionCode'),
      programmeType: opt('programmeType'),
      nqfLevel: num('nqfLevel'),
      degree: opt('degree'),
      creditsEcts: num('creditsEcts'),
      languages: many(values, 'languages'),
      studyForms: many(values, 'studyForms'),
      objective: anyText(objective) ? objective : undefined,
      outcomes: outcomeRows.map((o, j) => ({ code: (o.code || `LO${j + 1}`).toUpperCase(), text: o.text })),
      courses: courseRows.map((c) => ({
        code: c.code,
        name: c.name,
        cycle: c.cycle,
        component: c.component,
        credits: c.credits === '' ? undefined : Number(c.credits),
        outcomes: c.outcomes,
      })),
    },
  };
}

/** outcomes.{j} and courses.{j} of the passport are rows of the form; a course's outcome codes share one field. */
export function toFormPaths(issues: FieldIssue[], rows: { outcomeRows: { row: number }[]; courseRows: { row: number }[] }): FieldIssue[] {
  return issues.map((i) => ({
    ...i,
    path: i.path
      .replace(/^outcomes\.(\d+)/, (_, j: string) => `outcomes.${rows.outcomeRows[Number(j)]?.row ?? j}`)
      .replace(/^courses\.(\d+)/, (_, j: string) => `courses.${rows.courseRows[Number(j)]?.row ?? j}`)
      .replace(/^(courses\.\d+\.outcomes)\.\d+$/, '$1'),
  }));
}

/** The form's values of a saved passport, so the edit form opens filled in. */
export function valuesOfProgramme(p: Programme): FormValues {
  const v: FormValues = {
    code: p.code,
    'name.kk': p.name.kk,
    'name.ru': p.name.ru,
    'name.en': p.name.en ?? '',
    fieldCode: p.fieldCode,
    directionCode: p.directionCode ?? '',
    programmeType: p.programmeType,
    nqfLevel: String(p.nqfLevel),
    degree: p.degree ?? '',
    creditsEcts: String(p.creditsEcts),
    languages: p.languages,
    studyForms: p.studyForms,
    version: String(p.version),
    outcomeRows: String(p.outcomes.length + SPARE_ROWS),
    courseRows: String(p.courses.length + SPARE_ROWS),
  };
  for (const l of LANGS) v[`objective.${l}`] = p.objective?.[l] ?? '';
  p.outcomes.forEach((o, i) => {
    v[`outcomes.${i}.code`] = o.code;
    for (const l of LANGS) v[`outcomes.${i}.text.${l}`] = o.text[l];
  });
  p.courses.forEach((c, i) => {
    v[`courses.${i}.code`] = c.code;
    for (const l of LANGS) v[`courses.${i}.name.${l}`] = c.name[l];
    v[`courses.${i}.cycle`] = c.cycle;
    v[`courses.${i}.component`] = c.component;
    v[`courses.${i}.credits`] = String(c.credits);
    v[`courses.${i}.outcomes`] = c.outcomes.join(', ');
  });
  return v;
}

async function options(c: Context<AppEnv>, page: Page) {
  const ctx = c.get('ctx');
  const named = (rows: readonly { code: string; name: MaybeLangMap }[]): [string, string][] => rows.map((r) => [r.code, `${r.code} — ${page.text(r.name).text}`]);
  const [fields, directions, languages, studyForms, degrees] = await Promise.all([
    entriesInForce(ctx, 'field'),
    entriesInForce(ctx, 'direction'),
    entriesInForce(ctx, 'language'),
    entriesInForce(ctx, 'study-form'),
    listQualificationTypes(ctx),
  ]);
  return {
    fields: named(fields),
    directions: named(directions),
    languages: languages.map((l): [string, string] => [l.code, page.text(l.name).text]),
    studyForms: studyForms.map((s): [string, string] => [s.code, page.text(s.name).text]),
    degrees: degrees.items.map((d): [string, string] => [d.key, page.text(d.name).text]),
  };
}

export type PassportFormProps = {
  organizationName: string;
  /** Where the form posts. */
  action: string;
  title: string;
  submitLabel: string;
  values: FormValues;
  problem?: FormProblem;
  /** Extra hidden fields (the organization of a new programme). */
  hidden?: Record<string, string>;
  cancelHref?: string;
};

export async function renderPassportForm(c: Context<AppEnv>, page: Page, props: PassportFormProps, status: 200 | 409 | 422 = 200) {
  const { t } = page;
  const { values, problem } = props;
  const opts = await options(c, page);
  const outcomeRows = rowCount(values, 'outcomeRows', 3);
  const courseRows = rowCount(values, 'courseRows', SPARE_ROWS);
  const labels: Record<string, string> = {
    code: t('ui.workspace.programme.code'),
    'name.kk': t('ui.workspace.field.nameKk'),
    'name.ru': t('ui.workspace.field.nameRu'),
    'name.en': t('ui.workspace.field.nameEn'),
    fieldCode: t('ui.workspace.programme.field'),
    directionCode: t('ui.workspace.programme.direction'),
    programmeType: t('ui.record.programmeType'),
    nqfLevel: t('ui.workspace.programme.nqfLevel'),
    degree: t('ui.workspace.programme.degree'),
    creditsEcts: t('ui.workspace.programme.credits'),
    languages: t('ui.workspace.programme.languages'),
    studyForms: t('ui.record.studyForms'),
    objective: t('ui.record.objective'),
    outcomes: t('ui.workspace.programme.outcomes'),
    courses: t('ui.forms.programme.courses'),
  };
  for (const l of LANGS) labels[`objective.${l}`] = t('ui.forms.programme.objectiveIn', { lang: t(`ui.lang.${l}`) });
  for (let i = 0; i < outcomeRows; i++) {
    labels[`outcomes.${i}.code`] = t('ui.workspace.programme.outcomeCode', { n: i + 1 });
    for (const l of LANGS) labels[`outcomes.${i}.text.${l}`] = t('ui.workspace.programme.outcomeText', { n: i + 1, lang: t(`ui.lang.${l}`) });
  }
  for (let i = 0; i < courseRows; i++) {
    labels[`courses.${i}.code`] = t('ui.forms.programme.courseCode', { n: i + 1 });
    for (const l of LANGS) labels[`courses.${i}.name.${l}`] = t('ui.forms.programme.courseName', { n: i + 1, lang: t(`ui.lang.${l}`) });
    labels[`courses.${i}.cycle`] = t('ui.forms.programme.courseCycle', { n: i + 1 });
    labels[`courses.${i}.component`] = t('ui.forms.programme.courseComponent', { n: i + 1 });
    labels[`courses.${i}.credits`] = t('ui.forms.programme.courseCredits', { n: i + 1 });
    labels[`courses.${i}.outcomes`] = t('ui.forms.programme.courseOutcomes', { n: i + 1 });
  }
  const byField = issuesByField(problem?.issues ?? [], Object.keys(labels));
  const field = (path: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField page={page} path={path} label={labels[path] ?? path} value={one(values, path)} issues={byField.get(path)} {...extra} />
  );
  const select = (path: string, choices: [string, string][], required = false) => (
    <Select page={page} path={path} label={labels[path] ?? path} value={one(values, path)} options={choices} issues={byField.get(path)} required={required} />
  );
  const group = (path: string, hint: string | null, body: unknown) => (
    <fieldset id={fieldId(path)} tabindex={-1} aria-describedby={byField.get(path) ? `${fieldId(path)}-error` : undefined}>
      <legend>{labels[path]}</legend>
      {hint ? <p class="meta">{hint}</p> : null}
      <FieldErrors page={page} path={path} issues={byField.get(path)} />
      {body}
    </fieldset>
  );
  return c.html(
    <Layout page={page} title={props.title} account={await accountOf(c, page)}>
      <h1>{props.title}</h1>
      <p>{props.organizationName}</p>
      <ErrorSummary page={page} problem={problem} byField={byField} labels={labels} />
      <form class="ws" method="post" action={props.action} novalidate>
        {Object.entries(props.hidden ?? {}).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        {one(values, 'version') ? <input type="hidden" name="version" value={one(values, 'version')} /> : null}
        <input type="hidden" name="outcomeRows" value={String(outcomeRows)} />
        <input type="hidden" name="courseRows" value={String(courseRows)} />
        {field('code', { hint: t('ui.workspace.programme.codeHint'), required: true })}
        {field('name.kk', { lang: 'kk', required: true })}
        {field('name.ru', { lang: 'ru', required: true })}
        {field('name.en', { lang: 'en' })}
        {select('programmeType', PROGRAMME_TYPES.map((k): [string, string] => [k, t(`ui.programmeType.${k}`)]), true)}
        {select('fieldCode', opts.fields, true)}
        {select('directionCode', opts.directions)}
        {select('nqfLevel', Array.from({ length: 8 }, (_, i): [string, string] => [String(i + 1), String(i + 1)]), true)}
        {select('degree', opts.degrees)}
        {field('creditsEcts', { type: 'number', required: true, extra: { min: 1, max: 600, inputmode: 'numeric' } })}
        <Checkboxes page={page} path="languages" legend={labels.languages ?? ''} values={many(values, 'languages')} options={opts.languages} issues={byField.get('languages')} />
        <Checkboxes page={page} path="studyForms" legend={labels.studyForms ?? ''} values={many(values, 'studyForms')} options={opts.studyForms} issues={byField.get('studyForms')} />
        {group(
          'objective',
          t('ui.forms.programme.objectiveHint'),
          LANGS.map((l) => field(`objective.${l}`, { lang: l, multiline: true })),
        )}
        {group(
          'outcomes',
          t('ui.workspace.programme.outcomesHint'),
          Array.from({ length: outcomeRows }, (_, i) => (
            <fieldset>
              <legend>{t('ui.workspace.programme.outcome', { n: i + 1 })}</legend>
              {field(`outcomes.${i}.code`, { hint: t('ui.workspace.programme.outcomeCodeHint') })}
              {LANGS.map((l) => field(`outcomes.${i}.text.${l}`, { lang: l, multiline: true }))}
            </fieldset>
          )),
        )}
        {group(
          'courses',
          t('ui.forms.programme.coursesHint'),
          Array.from({ length: courseRows }, (_, i) => (
            <fieldset>
              <legend>{t('ui.forms.programme.course', { n: i + 1 })}</legend>
              {field(`courses.${i}.code`)}
              {LANGS.map((l) => field(`courses.${i}.name.${l}`, { lang: l }))}
              {select(`courses.${i}.cycle`, COURSE_CYCLES.map((k): [string, string] => [k, t(`ui.cycle.${k}`)]))}
              {select(`courses.${i}.component`, COURSE_COMPONENTS.map((k): [string, string] => [k, t(`ui.component.${k}`)]))}
              {field(`courses.${i}.credits`, { type: 'number', extra: { min: 1, max: 60, inputmode: 'numeric' } })}
              {field(`courses.${i}.outcomes`, { hint: t('ui.forms.programme.courseOutcomesHint') })}
            </fieldset>
          )),
        )}
        <p>
          <button type="submit">{props.submitLabel}</button>
        </p>
      </form>
      {props.cancelHref ? (
        <p>
          <a href={props.cancelHref}>{t('ui.forms.cancel')}</a>
        </p>
      ) : null}
    </Layout>,
    status,
  );
}
