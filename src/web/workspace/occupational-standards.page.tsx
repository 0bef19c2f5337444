// The sector council keeps occupational standards in the workspace: a list, a new standard and a
// new version of one (occupations with their levels and codes, labour functions, skills and
// knowledge). Saving writes a new version through the service the API uses; the public page shows it.
import type { Context } from 'hono';
import { z } from 'zod';
import { getOccupationalStandard, listOccupationalStandards, createOccupationalStandard, updateOccupationalStandard } from '../../frameworks/occupational-standard.service.ts';
import { type OccupationalStandard, occupationalStandardInputSchema, occupationalStandardPatchSchema } from '../../frameworks/occupational-standard.schema.ts';
import { listSqfs } from '../../frameworks/sqf.service.ts';
import { canEverywhere } from '../../platform/access/roles.ts';
import type { FieldIssue } from '../../platform/errors.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { formAction } from '../form-action.ts';
import { Layout } from '../layout.tsx';
import { DataTable } from '../record-parts.tsx';
import { LANG_ROUTE, langOf, pageOf } from '../page.ts';
import { LANGS, anyText, fieldsOf, headLabels, headOf, headValues, linesOf, linesValues, listIssuePaths, rowCount, textValues, texts } from './framework-form.tsx';
import { ErrorSummary, type FormProblem, type FormValues, accountOf, formValues, issuesByField, one } from './forms.tsx';
import { deniedPage, signInFirst } from './workspace.page.tsx';

const BASE = '/workspace/occupational-standards';
const UUID = '[0-9a-fA-F-]{36}';

const mayManage = (c: Context<AppEnv>) => canEverywhere(c.get('ctx').actor, 'occupational-standard.manage');

type Rows = { occupations: { row: number; functions: number[] }[] };

/** The standard from the form; empty rows are left out, and each kept row remembers where the form drew it. */
function standardOf(values: FormValues) {
  const rows: Rows = { occupations: [] };
  const occupations = [];
  for (let i = 0; i < rowCount(values, 'occupationRows', 1); i++) {
    const p = `occupations.${i}`;
    const functions = [];
    const functionRows: number[] = [];
    for (let j = 0; j < rowCount(values, `${p}.functionRows`, 1); j++) {
      const f = `${p}.labourFunctions.${j}`;
      const fn = { code: one(values, `${f}.code`), name: texts(values, `${f}.name`), skills: linesOf(values, `${f}.skills`), knowledge: linesOf(values, `${f}.knowledge`) };
      if (!fn.code && !anyText(fn.name) && !fn.skills.length && !fn.knowledge.length) continue;
      functions.push(fn);
      functionRows.push(j);
    }
    const occupation = {
      code: one(values, `${p}.code`),
      name: texts(values, `${p}.name`),
      nqfLevel: one(values, `${p}.nqfLevel`) ? Number(one(values, `${p}.nqfLevel`)) : undefined,
      sqfSublevel: one(values, `${p}.sqfSublevel`) || null,
      iscoCode: one(values, `${p}.iscoCode`) || null,
      nkzCode: one(values, `${p}.nkzCode`) || null,
      labourFunctions: functions,
    };
    if (!occupation.code && !anyText(occupation.name) && !occupation.nqfLevel && !functions.length) continue;
    occupations.push(occupation);
    rows.occupations.push({ row: i, functions: functionRows });
  }
  const version = Number(one(values, 'version'));
  return { rows, input: { ...headOf(values), sqfId: one(values, 'sqfId') || null, occupations, ...(version > 0 ? { version } : {}) } };
}

/** occupations.{j}.labourFunctions.{k} of the input are rows of the form. */
function toFormPaths(issues: FieldIssue[], rows: Rows): FieldIssue[] {
  const mapped = issues.map((i) => ({
    ...i,
    path: i.path.replace(/^occupations\.(\d+)(?:\.labourFunctions\.(\d+))?/, (whole, o: string, f?: string) => {
      const occ = rows.occupations[Number(o)];
      if (!occ) return whole;
      return f === undefined ? `occupations.${occ.row}` : `occupations.${occ.row}.labourFunctions.${occ.functions[Number(f)] ?? f}`;
    }),
  }));
  return listIssuePaths(mapped, ['skills', 'knowledge']);
}

function valuesOf(s: OccupationalStandard): FormValues {
  const v: FormValues = { ...headValues(s), sqfId: s.sqfId ?? '', occupationRows: String(s.occupations.length + 1) };
  s.occupations.forEach((o, i) => {
    const p = `occupations.${i}`;
    Object.assign(v, { [`${p}.code`]: o.code, ...textValues(`${p}.name`, o.name), [`${p}.nqfLevel`]: String(o.nqfLevel) });
    Object.assign(v, { [`${p}.sqfSublevel`]: o.sqfSublevel ?? '', [`${p}.iscoCode`]: o.iscoCode ?? '', [`${p}.nkzCode`]: o.nkzCode ?? '' });
    v[`${p}.functionRows`] = String(o.labourFunctions.length + 1);
    o.labourFunctions.forEach((f, j) => {
      const q = `${p}.labourFunctions.${j}`;
      Object.assign(v, { [`${q}.code`]: f.code, ...textValues(`${q}.name`, f.name), ...linesValues(`${q}.skills`, f.skills), ...linesValues(`${q}.knowledge`, f.knowledge) });
    });
  });
  return v;
}

async function listPage(c: Context<AppEnv>) {
  const page = pageOf(c);
  const { t } = page;
  const q = c.req.query('q')?.trim() || undefined;
  const offset = Math.max(0, Number(c.req.query('offset')) || 0);
  const limit = 50;
  const { items, total } = await listOccupationalStandards(c.get('ctx'), { q, limit, offset });
  const title = t('ui.forms.occupational.title');
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      <p>
        <a href={page.href(`${BASE}/new`)}>{t('ui.forms.occupational.new')}</a>
      </p>
      <form method="get" action={page.href(BASE)}>
        <label for="q">{t('ui.forms.occupational.search')}</label> <input id="q" name="q" type="search" value={q ?? ''} /> <button type="submit">{t('ui.forms.find')}</button>
      </form>
      <p>{t('ui.forms.shown', { from: total ? offset + 1 : 0, to: Math.min(offset + limit, total), total })}</p>
      <DataTable
        caption={title}
        columns={[t('ui.forms.framework.code'), t('ui.forms.framework.name'), t('ui.forms.framework.edition'), t('ui.forms.framework.status'), t('ui.forms.action')]}
        items={items}
        row={(s) => (
          <tr>
            <td>{s.code}</td>
            <td>
              <a href={page.href(`/occupational-standards/${s.id}`)}>{page.text(s.name).text}</a>
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
        {offset > 0 ? <a href={`${page.href(BASE)}?offset=${Math.max(0, offset - limit)}${q ? `&q=${encodeURIComponent(q)}` : ''}`}>{t('ui.forms.previous')}</a> : null}{' '}
        {offset + limit < total ? <a href={`${page.href(BASE)}?offset=${offset + limit}${q ? `&q=${encodeURIComponent(q)}` : ''}`}>{t('ui.forms.next')}</a> : null}
      </nav>
    </Layout>,
  );
}

async function standardForm(c: Context<AppEnv>, target: { id: string | null; code?: string }, values: FormValues, problem?: FormProblem, status: 200 | 409 | 422 = 200) {
  const page = pageOf(c);
  const { t } = page;
  const sqfs = await listSqfs(c.get('ctx'), { limit: 500, offset: 0 });
  const occupationRows = rowCount(values, 'occupationRows', 1);
  const labels: Record<string, string> = { ...headLabels(page), sqfId: t('ui.forms.occupational.sqf'), occupations: t('ui.forms.occupational.occupations') };
  const functionRowsOf = (i: number) => rowCount(values, `occupations.${i}.functionRows`, 1);
  for (let i = 0; i < occupationRows; i++) {
    const p = `occupations.${i}`;
    const n = i + 1;
    labels[p] = t('ui.forms.occupational.occupation', { n });
    labels[`${p}.code`] = t('ui.forms.occupational.occupationCode', { n });
    for (const l of LANGS) labels[`${p}.name.${l}`] = t('ui.forms.occupational.occupationName', { n, lang: t(`ui.lang.${l}`) });
    labels[`${p}.nqfLevel`] = t('ui.forms.occupational.nqfLevel', { n });
    labels[`${p}.sqfSublevel`] = t('ui.forms.occupational.sublevel', { n });
    labels[`${p}.iscoCode`] = t('ui.forms.occupational.isco', { n });
    labels[`${p}.nkzCode`] = t('ui.forms.occupational.nkz', { n });
    labels[`${p}.labourFunctions`] = t('ui.forms.occupational.functions', { n });
    for (let j = 0; j < functionRowsOf(i); j++) {
      const q = `${p}.labourFunctions.${j}`;
      const m = j + 1;
      labels[q] = t('ui.forms.occupational.function', { n, m });
      labels[`${q}.code`] = t('ui.forms.occupational.functionCode', { n, m });
      for (const l of LANGS) {
        const lang = t(`ui.lang.${l}`);
        labels[`${q}.name.${l}`] = t('ui.forms.occupational.functionName', { n, m, lang });
        labels[`${q}.skills.${l}`] = t('ui.forms.occupational.skills', { n, m, lang });
        labels[`${q}.knowledge.${l}`] = t('ui.forms.occupational.knowledge', { n, m, lang });
      }
    }
  }
  const byField = issuesByField(problem?.issues ?? [], Object.keys(labels));
  const f = fieldsOf(page, values, labels, byField);
  const title = target.id ? t('ui.forms.occupational.editTitle', { code: target.code ?? '' }) : t('ui.forms.occupational.new');
  const action = page.href(target.id ? `${BASE}/${target.id}/edit` : `${BASE}/new`);
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      {target.id ? <p>{t('ui.forms.occupational.versionNote')}</p> : null}
      <ErrorSummary page={page} problem={problem} byField={byField} labels={labels} />
      <form class="ws" method="post" action={action} novalidate>
        {one(values, 'version') ? <input type="hidden" name="version" value={one(values, 'version')} /> : null}
        <input type="hidden" name="occupationRows" value={String(occupationRows)} />
        {f.head()}
        {f.select(
          'sqfId',
          sqfs.items.map((s): [string, string] => [s.id, `${s.code} — ${page.text(s.name).text}`]),
        )}
        {f.group(
          'occupations',
          labels.occupations ?? '',
          t('ui.forms.occupational.occupationsHint'),
          Array.from({ length: occupationRows }, (_, i) => {
            const p = `occupations.${i}`;
            return f.group(
              p,
              labels[p] ?? p,
              null,
              <>
                <input type="hidden" name={`${p}.functionRows`} value={String(functionRowsOf(i))} />
                {f.text(`${p}.code`)}
                {f.trilingual(`${p}.name`)}
                {f.select(
                  `${p}.nqfLevel`,
                  Array.from({ length: 8 }, (_, k): [string, string] => [String(k + 1), String(k + 1)]),
                )}
                {f.text(`${p}.sqfSublevel`, { hint: t('ui.forms.occupational.sublevelHint') })}
                {f.text(`${p}.iscoCode`)}
                {f.text(`${p}.nkzCode`)}
                {f.group(
                  `${p}.labourFunctions`,
                  labels[`${p}.labourFunctions`] ?? '',
                  t('ui.forms.occupational.functionsHint'),
                  Array.from({ length: functionRowsOf(i) }, (_, j) => {
                    const q = `${p}.labourFunctions.${j}`;
                    return f.group(
                      q,
                      labels[q] ?? q,
                      null,
                      <>
                        {f.text(`${q}.code`)}
                        {f.trilingual(`${q}.name`)}
                        {f.trilingual(`${q}.skills`, { multiline: true })}
                        {f.trilingual(`${q}.knowledge`, { multiline: true })}
                      </>,
                    );
                  }),
                )}
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
  const s = await getOccupationalStandard(c.get('ctx'), id);
  const title = t('ui.forms.occupational.savedTitle', { code: s.code });
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      <div role="status">
        <p>{t('ui.forms.occupational.saved', { version: s.version })}</p>
      </div>
      <ul>
        <li>
          <a href={page.href(`/occupational-standards/${s.id}`)}>{t('ui.forms.occupational.seePublic')}</a>
        </li>
        <li>
          <a href={page.href(`${BASE}/${s.id}/edit`)}>{t('ui.forms.occupational.editAgain')}</a>
        </li>
        <li>
          <a href={page.href(BASE)}>{t('ui.forms.occupational.backToList')}</a>
        </li>
      </ul>
    </Layout>,
  );
}

export function registerOccupationalStandardPages(app: Api): void {
  const base = `${LANG_ROUTE}${BASE}`;
  app.get(base, async (c) => signInFirst(c) ?? (mayManage(c) ? listPage(c) : deniedPage(c)));
  app.get(`${base}/new`, async (c) => signInFirst(c) ?? (mayManage(c) ? standardForm(c, { id: null }, { status: 'active', edition: '1' }) : deniedPage(c)));
  app.get(`${base}/:id{${UUID}}/edit`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    if (!mayManage(c)) return deniedPage(c);
    const s = await getOccupationalStandard(c.get('ctx'), c.req.param('id'));
    return standardForm(c, { id: s.id, code: s.code }, valuesOf(s));
  });
  app.get(`${base}/:id{${UUID}}/saved`, async (c) => signInFirst(c) ?? (mayManage(c) ? savedPage(c, c.req.param('id')) : deniedPage(c)));

  app.post(`${base}/new`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const values = await formValues(c);
    const { input, rows } = standardOf(values);
    const { version: _v, ...fresh } = input as typeof input & { version?: number };
    return formAction(c, {
      schema: occupationalStandardInputSchema,
      input: fresh,
      extraIssues: rows.occupations.length ? [] : [{ path: 'occupations', messageKey: 'ui.forms.occupational.occupationRequired' }],
      run: (ctx, data) => createOccupationalStandard(ctx, data),
      refused: (problem, status) => standardForm(c, { id: null }, values, { ...problem, issues: toFormPaths(problem.issues, rows) }, status),
      done: (created) => `/${langOf(c)}${BASE}/${created.id}/saved`,
    });
  });

  app.post(`${base}/:id{${UUID}}/edit`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = z.string().uuid().parse(c.req.param('id'));
    const values = await formValues(c);
    const { input, rows } = standardOf(values);
    return formAction(c, {
      schema: occupationalStandardPatchSchema,
      input,
      extraIssues: rows.occupations.length ? [] : [{ path: 'occupations', messageKey: 'ui.forms.occupational.occupationRequired' }],
      run: (ctx, patch) => updateOccupationalStandard(ctx, id, patch),
      refused: (problem, status) => standardForm(c, { id, code: one(values, 'code') }, values, { ...problem, issues: toFormPaths(problem.issues, rows) }, status),
      done: () => `/${langOf(c)}${BASE}/${id}/saved`,
    });
  });
}
