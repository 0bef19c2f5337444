// The forms of the QA-system failure pages: declare, save the plan (the whole form), report, close.
// Each runs the oversight service through formAction and comes back with its problem at the field,
// or 303s to where the result shows.
import type { Context } from 'hono';
import { closeSchema, failureDeclareSchema, planSaveSchema, reportSchema } from '../../oversight/qa-failure.schema.ts';
import { addReport, closeFailure, declareFailure, getFailure, savePlan } from '../../oversight/qa-failure.service.ts';
import type { FieldIssue } from '../../platform/errors.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { formAction } from '../form-action.ts';
import { LANG_ROUTE, langOf } from '../page.ts';
import { type FormProblem, formProblemOf, formValues, one } from '../workspace/forms.tsx';
import { signInFirst } from '../workspace/workspace.page.tsx';
import { BLANK_MEASURES, renderFailure, renderFailureList } from './qa-failure.page.tsx';

const UUID = '[0-9a-fA-F-]{36}';
const BASE = `${LANG_ROUTE}/workspace/qa-failures`;
const back = (c: Context<AppEnv>, id: string, done: string) => `/${langOf(c)}/workspace/qa-failures/${id}?done=${done}`;
const FIELDS = ['kind', 'description', 'owner', 'dueOn', 'status'] as const;

const remapped = (toField: (i: FieldIssue) => FieldIssue) => (error: unknown): FormProblem | null => {
  const problem = formProblemOf(error);
  return problem ? { ...problem, issues: problem.issues.map(toField) } : null;
};

export function registerQaFailurePages(app: Api): void {
  app.get(BASE, async (c) => signInFirst(c) ?? renderFailureList(c));
  app.get(`${BASE}/:id{${UUID}}`, async (c) => signInFirst(c) ?? renderFailure(c, c.req.param('id')));

  app.post(`${BASE}/declare`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const values = await formValues(c);
    const declarant = one(values, 'declarant');
    // The authority's form has no declarant field: "no high risk" is shown at the organization chosen.
    const toField = (i: FieldIssue): FieldIssue => (declarant === 'authority' && i.path === 'declarant' ? { ...i, path: 'organizationId' } : i);
    return formAction(c, {
      schema: failureDeclareSchema,
      input: { organizationId: one(values, 'organizationId'), declarant, foundersName: one(values, 'foundersName') || undefined, grounds: one(values, 'grounds') },
      schemaIssues: (issues) => issues.map((i) => (i.path === 'organizationId' || i.path === 'declarant' ? { path: i.path, messageKey: 'errors.field.required' } : i)).map(toField),
      problemOf: remapped(toField),
      run: (ctx, input) => declareFailure(ctx, input),
      refused: (problem, status) => renderFailureList(c, { problem, values }, status),
      done: (f) => back(c, f.id, 'declare'),
    });
  });

  app.post(`${BASE}/:id{${UUID}}/plan`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const values = await formValues(c);
    const current = await getFailure(c.get('ctx'), id);
    // A row with any field filled is a measure; where each measure came from names the field of an issue.
    const rowOf: number[] = [];
    const measures = Array.from({ length: current.measures.length + BLANK_MEASURES }, (_, i) => i).flatMap((i) => {
      const row = Object.fromEntries(FIELDS.map((f) => [f, one(values, `${f}.${i}`)]));
      if (!FIELDS.some((f) => row[f])) return [];
      rowOf.push(i);
      return [row];
    });
    const toField = (issue: FieldIssue): FieldIssue => {
      const [list, index, field] = issue.path.split('.');
      if (list !== 'measures' || index === undefined || !/^\d+$/.test(index)) return issue;
      return { ...issue, path: `${FIELDS.find((f) => f === field) ?? 'description'}.${rowOf[Number(index)] ?? index}` };
    };
    const required = (i: FieldIssue): FieldIssue => (/\.(kind|status)$/.test(i.path) ? { path: i.path, messageKey: 'errors.field.required' } : i);
    return formAction(c, {
      schema: planSaveSchema,
      input: { measures },
      schemaIssues: (issues) => issues.map(toField).map(required),
      problemOf: remapped(toField),
      run: (ctx, input) => savePlan(ctx, id, input),
      refused: (problem, status) => renderFailure(c, id, { problem, values, form: 'plan' }, status),
      done: () => back(c, id, 'plan'),
    });
  });

  app.post(`${BASE}/:id{${UUID}}/reports`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const values = await formValues(c);
    return formAction(c, {
      schema: reportSchema,
      input: { text: one(values, 'text') },
      run: (ctx, input) => addReport(ctx, id, input),
      refused: (problem, status) => renderFailure(c, id, { problem, values, form: 'report' }, status),
      done: () => back(c, id, 'report'),
    });
  });

  app.post(`${BASE}/:id{${UUID}}/close`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const values = await formValues(c);
    return formAction(c, {
      schema: closeSchema,
      input: { outcome: one(values, 'outcome'), reason: one(values, 'reason') || undefined },
      schemaIssues: (issues) => issues.map((i) => (i.path === 'outcome' ? { path: 'outcome', messageKey: 'errors.field.required' } : i)),
      run: (ctx, input) => closeFailure(ctx, id, input),
      refused: (problem, status) => renderFailure(c, id, { problem, values, form: 'close' }, status),
      done: () => back(c, id, 'close'),
    });
  });
}
