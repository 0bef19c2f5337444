// The sector council keeps sectoral qualification frameworks (SQF) in the workspace: a list, a new
// framework and a new version of one — the document's head, its economic activities (OKED), the
// levels with their sub-levels and descriptors, and the qualification map. Saving goes through the
// service (and schema) the API uses; the public page shows the new version.
import type { Context } from 'hono';
import { z } from 'zod';
import { type SqfDetail, sqfInputSchema, sqfPatchSchema } from '../../frameworks/sqf.schema.ts';
import { createSqf, getSqf, listSqfs, updateSqf } from '../../frameworks/sqf.service.ts';
import { canEverywhere } from '../../platform/access/roles.ts';
import type { FieldIssue } from '../../platform/errors.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { formAction } from '../form-action.ts';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, langOf, pageOf } from '../page.ts';
import { DataTable } from '../record-parts.tsx';
import { LANGS, anyText, fieldsOf, headLabels, headOf, headValues, rowCount, textValues, texts } from './framework-form.tsx';
import { ErrorSummary, type FormProblem, type FormValues, accountOf, formValues, issuesByField, one } from './forms.tsx';
import { deniedPage, signInFirst } from './workspace.page.tsx';

const BASE = '/workspace/sector-frameworks';
const UUID = '[0-9a-fA-F-]{36}';
const LEVELS = Array.from({ length: 8 }, (_, k): [string, string] => [String(k + 1), String(k + 1)]);

const mayManage = (c: Context<AppEnv>) => canEverywhere(c.get('ctx').actor, 'sqf.manage');

/** Codes typed separated by commas, spaces or lines. */
const codesOf = (values: FormValues, name: string): string[] =>
  one(values, name)
    .split(/[\s,;]+/)
    .filter(Boolean);

const numberOf = (values: FormValues, name: string): number | undefined => (one(values, name) ? Number(one(values, name)) : undefined);

/** Which row of the form each kept level and qualification came from. */
type Rows = { levels: number[]; qualifications: number[] };

/** The framework from the form: empty rows are left out, and each kept row remembers where the form drew it. */
export function frameworkOf(values: FormValues) {
  const rows: Rows = { levels: [], qualifications: [] };
  const levels = [];
  for (let i = 0; i < rowCount(values, 'levelRows', 1); i++) {
    const p = `levels.${i}`;
    const level = { level: numberOf(values, `${p}.level`), sublevel: one(values, `${p}.sublevel`) || null, descriptor: texts(values, `${p}.descriptor`) };
    if (level.level === undefined && !level.sublevel && !anyText(level.descriptor)) continue;
    levels.push(level);
    rows.levels.push(i);
  }
  const qualifications = [];
  for (let i = 0; i < rowCount(values, 'qualificationRows', 1); i++) {
    const p = `qualifications.${i}`;
    const q = {
      code: one(values, `${p}.code`),
      name: texts(values, `${p}.name`),
      nqfLevel: numberOf(values, `${p}.nqfLevel`),
      sublevel: one(values, `${p}.sublevel`) || null,
      iscoCodes: codesOf(values, `${p}.iscoCodes`),
      nkzCodes: codesOf(values, `${p}.nkzCodes`),
      okedCodes: codesOf(values, `${p}.okedCodes`),
    };
    if (!q.code && !anyText(q.name) && q.nqfLevel === undefined && !q.sublevel && !q.iscoCodes.length && !q.nkzCodes.length && !q.okedCodes.length) continue;
    qualifications.push(q);
    rows.qualifications.push(i);
  }
  const version = Number(one(values, 'version'));
  const input = { ...headOf(values), okedCodes: codesOf(values, 'okedCodes'), levels, qualifications };
  return { rows, input, version: version > 0 ? version : undefined };
}

/** levels.{j} and qualifications.{j} of the input are rows of the form. */
function toFormPaths(issues: FieldIssue[], rows: Rows): FieldIssue[] {
  return issues.map((i) => ({
    ...i,
    path: i.path.replace(/^(levels|qualifications)\.(\d+)/, (whole, group: keyof Rows, n: string) => {
      const row = rows[group][Number(n)];
      return row === undefined ? whole : `${group}.${row}`;
    }),
  }));
}

function valuesOf(s: SqfDetail): FormValues {
  const v: FormValues = {
    ...headValues(s),
    okedCodes: s.okedCodes.join(', '),
    levelRows: String(s.levels.length + 1),
    qualificationRows: String(s.qualifications.length + 1),
  };
  s.levels.forEach((l, i) => {
    Object.assign(v, { [`levels.${i}.level`]: String(l.level), [`levels.${i}.sublevel`]: l.sublevel ?? '', ...textValues(`levels.${i}.descriptor`, l.descriptor) });
  });
  s.qualifications.forEach((q, i) => {
    const p = `qualifications.${i}`;
    Object.assign(v, { [`${p}.code`]: q.code, ...textValues(`${p}.name`, q.name), [`${p}.nqfLevel`]: String(q.nqfLevel), [`${p}.sublevel`]: q.sublevel ?? '' });
    Object.assign(v, { [`${p}.iscoCodes`]: q.iscoCodes.join(', '), [`${p}.nkzCodes`]: q.nkzCodes.join(', '), [`${p}.okedCodes`]: q.okedCodes.join(', ') });
  });
  return v;
}

async function listPage(c: Context<AppEnv>) {
  const page = pageOf(c);
  const { t } = page;
  const q = c.req.query('q')?.trim() || undefined;
  const offset = Math.max(0, Number(c.req.query('offset')) || 0);
  const limit = 50;
  const { items, total } = await listSqfs(c.get('ctx'), { q, limit, offset });
  const title = t('ui.forms.sqf.title');
  const more = (o: number) => `${page.href(BASE)}?offset=${o}${q ? `&q=${encodeURIComponent(q)}` : ''}`;
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      <p>
        <a href={page.href(`${BASE}/new`)}>{t('ui.forms.sqf.new')}</a>
      </p>
      <form method="get" action={page.href(BASE)}>
        <label for="q">{t('ui.forms.occupational.search')}</label> <input id="q" name="q" type="search" value={q ?? ''} /> <button type="submit">{t('ui.forms.find')}</button>
      </form>
      <p>{t('ui.forms.shown', { from: total ? offset + 1 : 0, to: Math.min(offset + limit, total), total })}</p>
      <DataTable
        focusable
        caption={title}
        columns={[t('ui.forms.framework.code'), t('ui.forms.framework.name'), t('ui.forms.framework.edition'), t('ui.forms.framework.status'), t('ui.forms.action')]}
        items={items}
        row={(s) => (
          <tr>
            <td>{s.code}</td>
            <td>
              <a href={page.href(`/sqfs/${s.id}`)}>{page.text(s.name).text}</a>
            </td>
            <td>{s.edition}</td>
            <td>{t(`ui.forms.framework.statuses.${s.status}`, { defaultValue: s.status })}</td>
            <td>
              <a href={page.href(`${BASE}/${s.id}/edit`)} aria-label={t('ui.forms.occupational.editNamed', { code: s.code })}>
                {t('ui.forms.occupational.edit')}
              </a>
            </td>
          </tr>
        )}
      />
      <nav aria-label={t('ui.forms.pages')}>
        {offset > 0 ? <a href={more(Math.max(0, offset - limit))}>{t('ui.forms.previous')}</a> : null}{' '}
        {offset + limit < total ? <a href={more(offset + limit)}>{t('ui.forms.next')}</a> : null}
      </nav>
    </Layout>,
  );
}

function labelsOf(page: ReturnType<typeof pageOf>, levelRows: number, qualificationRows: number): Record<string, string> {
  const { t } = page;
  const lang = (l: string) => t(`ui.lang.${l}`);
  const labels: Record<string, string> = {
    ...headLabels(page),
    okedCodes: t('ui.forms.sqf.okedCodes'),
    levels: t('ui.forms.sqf.levels'),
    qualifications: t('ui.forms.sqf.qualifications'),
  };
  for (let i = 0; i < levelRows; i++) {
    const p = `levels.${i}`;
    const n = i + 1;
    labels[p] = t('ui.forms.sqf.level', { n });
    labels[`${p}.level`] = t('ui.forms.sqf.levelNumber', { n });
    labels[`${p}.sublevel`] = t('ui.forms.sqf.levelSublevel', { n });
    for (const l of LANGS) labels[`${p}.descriptor.${l}`] = t('ui.forms.sqf.descriptor', { n, lang: lang(l) });
  }
  for (let i = 0; i < qualificationRows; i++) {
    const p = `qualifications.${i}`;
    const n = i + 1;
    labels[p] = t('ui.forms.sqf.qualification', { n });
    labels[`${p}.code`] = t('ui.forms.sqf.qualificationCode', { n });
    for (const l of LANGS) labels[`${p}.name.${l}`] = t('ui.forms.sqf.qualificationName', { n, lang: lang(l) });
    labels[`${p}.nqfLevel`] = t('ui.forms.sqf.qualificationLevel', { n });
    labels[`${p}.sublevel`] = t('ui.forms.sqf.qualificationSublevel', { n });
    labels[`${p}.iscoCodes`] = t('ui.forms.sqf.isco', { n });
    labels[`${p}.nkzCodes`] = t('ui.forms.sqf.nkz', { n });
    labels[`${p}.okedCodes`] = t('ui.forms.sqf.oked', { n });
  }
  return labels;
}

async function frameworkForm(c: Context<AppEnv>, target: { id: string | null; code?: string }, values: FormValues, problem?: FormProblem, status: 200 | 409 | 422 = 200) {
  const page = pageOf(c);
  const { t } = page;
  const levelRows = rowCount(values, 'levelRows', 1);
  const qualificationRows = rowCount(values, 'qualificationRows', 1);
  const labels = labelsOf(page, levelRows, qualificationRows);
  const byField = issuesByField(problem?.issues ?? [], Object.keys(labels));
  const f = fieldsOf(page, values, labels, byField);
  const codesHint = t('ui.forms.sqf.codesHint');
  const title = target.id ? t('ui.forms.sqf.editTitle', { code: target.code ?? '' }) : t('ui.forms.sqf.new');
  const action = page.href(target.id ? `${BASE}/${target.id}/edit` : `${BASE}/new`);
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      {target.id ? <p>{t('ui.forms.occupational.versionNote')}</p> : null}
      <ErrorSummary page={page} problem={problem} byField={byField} labels={labels} />
      <form class="ws" method="post" action={action} novalidate>
        {one(values, 'version') ? <input type="hidden" name="version" value={one(values, 'version')} /> : null}
        <input type="hidden" name="levelRows" value={String(levelRows)} />
        <input type="hidden" name="qualificationRows" value={String(qualificationRows)} />
        {f.head()}
        {f.text('okedCodes', { hint: codesHint })}
        {f.group(
          'levels',
          labels.levels ?? '',
          t('ui.forms.sqf.levelsHint'),
          Array.from({ length: levelRows }, (_, i) => {
            const p = `levels.${i}`;
            return f.group(
              p,
              labels[p] ?? p,
              null,
              <>
                {f.select(`${p}.level`, LEVELS)}
                {f.text(`${p}.sublevel`, { hint: t('ui.forms.occupational.sublevelHint') })}
                {f.trilingual(`${p}.descriptor`, { multiline: true })}
              </>,
            );
          }),
        )}
        {f.group(
          'qualifications',
          labels.qualifications ?? '',
          t('ui.forms.sqf.qualificationsHint'),
          Array.from({ length: qualificationRows }, (_, i) => {
            const p = `qualifications.${i}`;
            return f.group(
              p,
              labels[p] ?? p,
              null,
              <>
                {f.text(`${p}.code`)}
                {f.trilingual(`${p}.name`)}
                {f.select(`${p}.nqfLevel`, LEVELS)}
                {f.text(`${p}.sublevel`, { hint: t('ui.forms.occupational.sublevelHint') })}
                {f.text(`${p}.iscoCodes`, { hint: codesHint })}
                {f.text(`${p}.nkzCodes`, { hint: codesHint })}
                {f.text(`${p}.okedCodes`, { hint: codesHint })}
              </>,
            );
          }),
        )}
        <p>
          <button type="submit">{t('ui.forms.occupational.save')}</button>
        </p>
      </form>
      <p>
        <a href={page.href(BASE)}>{t('ui.forms.cancel')}</a>
      </p>
    </Layout>,
    status,
  );
}

async function savedPage(c: Context<AppEnv>, id: string) {
  const page = pageOf(c);
  const { t } = page;
  const s = await getSqf(c.get('ctx'), id);
  const title = t('ui.forms.sqf.savedTitle', { code: s.code });
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      <div role="status">
        <p>{t('ui.forms.occupational.saved', { version: s.version })}</p>
        <p>{t('ui.forms.sqf.savedCounts', { levels: s.levels.length, qualifications: s.qualifications.length })}</p>
      </div>
      <h2>{t('ui.forms.sqf.nextTitle')}</h2>
      <ul>
        <li>
          <a href={page.href(`/sqfs/${s.id}`)}>{t('ui.forms.occupational.seePublic')}</a>
        </li>
        <li>
          <a href={page.href(`${BASE}/${s.id}/edit`)}>{t('ui.forms.occupational.editAgain')}</a>
        </li>
        <li>
          <a href={page.href('/workspace/occupational-standards/new')}>{t('ui.forms.sqf.newStandard')}</a>
        </li>
        <li>
          <a href={page.href(BASE)}>{t('ui.forms.sqf.backToList')}</a>
        </li>
      </ul>
    </Layout>,
  );
}

export function registerSectorFrameworkPages(app: Api): void {
  const base = `${LANG_ROUTE}${BASE}`;
  const guarded = (c: Context<AppEnv>, then: () => Promise<Response>) => signInFirst(c) ?? (mayManage(c) ? then() : deniedPage(c));
  app.get(base, (c) => guarded(c, () => listPage(c)));
  app.get(`${base}/new`, (c) => guarded(c, () => frameworkForm(c, { id: null }, { status: 'active', edition: '1', levelRows: '3', qualificationRows: '2' })));
  app.get(`${base}/:id{${UUID}}/edit`, (c) =>
    guarded(c, async () => {
      const s = await getSqf(c.get('ctx'), c.req.param('id'));
      return frameworkForm(c, { id: s.id, code: s.code }, valuesOf(s));
    }),
  );
  app.get(`${base}/:id{${UUID}}/saved`, (c) => guarded(c, () => savedPage(c, c.req.param('id'))));

  app.post(`${base}/new`, (c) =>
    guarded(c, async () => {
      const values = await formValues(c);
      const { input, rows } = frameworkOf(values);
      return formAction(c, {
        schema: sqfInputSchema,
        input,
        run: (ctx, data) => createSqf(ctx, data),
        refused: (problem, status) => frameworkForm(c, { id: null }, values, { ...problem, issues: toFormPaths(problem.issues, rows) }, status),
        done: (created) => `/${langOf(c)}${BASE}/${created.id}/saved`,
      });
    }),
  );

  app.post(`${base}/:id{${UUID}}/edit`, (c) =>
    guarded(c, async () => {
      const id = z.string().uuid().parse(c.req.param('id'));
      const values = await formValues(c);
      const { input, rows, version } = frameworkOf(values);
      return formAction(c, {
        schema: sqfPatchSchema,
        input: { ...input, ...(version ? { version } : {}) },
        run: (ctx, patch) => updateSqf(ctx, id, patch),
        refused: (problem, status) => frameworkForm(c, { id, code: one(values, 'code') }, values, { ...problem, issues: toFormPaths(problem.issues, rows) }, status),
        done: () => `/${langOf(c)}${BASE}/${id}/saved`,
      });
    }),
  );
}
