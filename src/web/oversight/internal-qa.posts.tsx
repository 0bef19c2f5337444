// The forms of the self-assessment pages: start, save (the whole form), submit, review, and the
// evidence files (upload, download, detach). Each runs the oversight service through formAction
// and comes back to the page with its problem, or 303s to where the result shows.
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { addEvidence, evidenceFile, removeEvidence } from '../../oversight/internal-qa-evidence.service.ts';
import { assessmentReviewSchema, assessmentSaveSchema } from '../../oversight/internal-qa.schema.ts';
import { getAssessment, reviewAssessment, saveAssessment, startAssessment, submitAssessment } from '../../oversight/internal-qa.service.ts';
import type { FieldIssue } from '../../platform/errors.ts';
import { maxUploadBytes, withFileBatch } from '../../platform/files/files.ts';
import { privateFileResponse, uploadedFile } from '../../platform/http/private-file.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { writeTx } from '../../platform/http/openapi-common.ts';
import { formAction, formFields } from '../form-action.ts';
import { LANG_ROUTE, langOf } from '../page.ts';
import { type FormProblem, type FormValues, formProblemOf, formValues, one } from '../workspace/forms.tsx';
import { signInFirst } from '../workspace/workspace.page.tsx';
import { BLANK_ACTIONS, renderAssessment, renderAssessmentList } from './internal-qa.page.tsx';

const UUID = '[0-9a-fA-F-]{36}';
const BASE = `${LANG_ROUTE}/workspace/internal-qa`;
const back = (c: Context<AppEnv>, id: string, done: string) => `/${langOf(c)}/workspace/internal-qa/${id}?done=${done}`;

/**
 * The form's fields as the service's input, with where each input row came from, so an issue the
 * schema or the service finds (ratings.3.narrative, actions.5.dueOn, ratings.7) names the field.
 */
function saveInput(values: FormValues, codes: { code: string; actions: number }[]) {
  const ratings: { standardCode: string; rating: string; narrative: string }[] = [];
  const actions: { standardCode: string; action: string; owner: string; dueOn: string }[] = [];
  const actionField: string[] = [];
  for (const { code, actions: saved } of codes) {
    const rating = one(values, `rating.${code}`);
    const narrative = one(values, `narrative.${code}`);
    if (rating || narrative) ratings.push({ standardCode: code, rating, narrative });
    for (let i = 0; i < saved + BLANK_ACTIONS; i++) {
      const row = { standardCode: code, action: one(values, `action.${code}.${i}`), owner: one(values, `owner.${code}.${i}`), dueOn: one(values, `dueOn.${code}.${i}`) };
      if (row.action || row.owner || row.dueOn) {
        actions.push(row);
        actionField.push(`${code}.${i}`);
      }
    }
  }
  const toField = (issue: FieldIssue): FieldIssue => {
    const [list, index, field] = issue.path.split('.');
    if (list === 'ratings' && index !== undefined && /^\d+$/.test(index)) {
      const r = ratings[Number(index)];
      return { ...issue, path: `${field === 'rating' ? 'rating' : 'narrative'}.${r?.standardCode ?? index}` };
    }
    if (list === 'ratings') return { ...issue, path: `narrative.${index}` };
    if (list === 'actions' && index !== undefined && /^\d+$/.test(index)) {
      const where = actionField[Number(index)];
      return { ...issue, path: `${field === 'owner' || field === 'dueOn' ? field : 'action'}.${where ?? index}` };
    }
    return issue;
  };
  return { input: { summary: one(values, 'summary'), ratings, actions }, toField };
}

const remap = (problem: FormProblem, toField: (i: FieldIssue) => FieldIssue): FormProblem => ({ ...problem, issues: problem.issues.map(toField) });

export function registerInternalQaPages(app: Api): void {
  app.get(BASE, async (c) => signInFirst(c) ?? renderAssessmentList(c));
  app.get(`${BASE}/:id{${UUID}}`, async (c) => signInFirst(c) ?? renderAssessment(c, c.req.param('id')));

  app.post(`${BASE}/start`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const values = await formValues(c);
    return formAction(c, {
      schema: z.object({ organization: z.string().uuid() }),
      input: { organization: one(values, 'organization') },
      run: (ctx, input) => startAssessment(ctx, input.organization),
      refused: (problem, status) => renderAssessmentList(c, problem, status),
      done: (a) => back(c, a.id, 'start'),
    });
  });

  app.post(`${BASE}/:id{${UUID}}/save`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const values = await formValues(c);
    const current = await getAssessment(c.get('ctx'), id);
    const { input, toField } = saveInput(
      values,
      current.standards.map((s) => ({ code: s.code, actions: s.actions.length })),
    );
    return formAction(c, {
      schema: assessmentSaveSchema,
      input,
      schemaIssues: (issues) => issues.map(toField),
      problemOf: (error) => {
        const problem = formProblemOf(error);
        return problem ? remap(problem, toField) : null;
      },
      run: (ctx, data) => saveAssessment(ctx, id, data),
      refused: (problem, status) => renderAssessment(c, id, { problem, values }, status),
      done: () => back(c, id, 'save'),
    });
  });

  app.post(`${BASE}/:id{${UUID}}/submit`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    return formAction(c, {
      schema: formFields,
      input: {},
      // The service names ratings.<code> and actions.<code>: shown at the standard's narrative and actions.
      problemOf: (error) => {
        const problem = formProblemOf(error);
        return problem ? remap(problem, (i) => ({ ...i, path: i.path.replace(/^ratings\./, 'narrative.') })) : null;
      },
      run: (ctx) => submitAssessment(ctx, id),
      refused: (problem, status) => renderAssessment(c, id, { problem }, status),
      done: () => back(c, id, 'submit'),
    });
  });

  app.post(`${BASE}/:id{${UUID}}/review`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const values = await formValues(c);
    const result = one(values, 'result');
    return formAction(c, {
      schema: assessmentReviewSchema,
      input: { result, comment: one(values, 'comment') || undefined },
      schemaIssues: (issues) => issues.map((i) => (i.path === 'result' ? { path: 'result', messageKey: 'errors.field.required' } : i)),
      run: (ctx, data) => reviewAssessment(ctx, id, data),
      refused: (problem, status) => renderAssessment(c, id, { problem, values }, status),
      done: () => back(c, id, result === 'returned' ? 'returned' : 'accepted'),
    });
  });

  // An oversized upload is refused from its length, before the body is read into memory.
  app.use(`${BASE}/:id{${UUID}}/evidence`, (c, next) =>
    bodyLimit({
      maxSize: maxUploadBytes() + 64 * 1024,
      onError: (cx) =>
        renderAssessment(cx as Context<AppEnv>, c.req.param('id') ?? '', {
          problem: {
            issues: [{ path: 'file', messageKey: 'errors.documents.fileTooLarge', params: { maxMb: Math.round((maxUploadBytes() / 1048576) * 10) / 10 } }],
            message: { key: 'ui.workspace.form.errorsCount', params: { count: 1 } },
          },
        }, 422),
    })(c, next),
  );
  app.post(`${BASE}/:id{${UUID}}/evidence`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    const file = body.file;
    const standardCode = typeof body.standardCode === 'string' ? body.standardCode.trim() : '';
    const missing: FieldIssue[] = [
      ...(standardCode ? [] : [{ path: 'standardCode', messageKey: 'errors.field.required' }]),
      ...(file instanceof File && file.size > 0 ? [] : [{ path: 'file', messageKey: 'errors.field.required' }]),
    ];
    const refuse = (issues: FieldIssue[], status: 409 | 422 = 422) =>
      renderAssessment(c, id, { problem: { issues, message: { key: 'ui.workspace.form.errorsCount', params: { count: issues.length } } } }, status);
    if (missing.length || !(file instanceof File)) return refuse(missing);
    const upload = { ...(await uploadedFile(file)), standardCode };
    try {
      await withFileBatch((batch) => writeTx(c, (ctx) => addEvidence(ctx, id, upload, batch)));
    } catch (error) {
      const problem = formProblemOf(error);
      if (!problem) throw error;
      return renderAssessment(c, id, { problem }, problem.issues.length ? 422 : 409);
    }
    return c.redirect(back(c, id, 'evidence'), 303);
  });

  app.get(`${BASE}/:id{${UUID}}/evidence/:evidenceId{${UUID}}`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const file = await evidenceFile(c.get('ctx'), c.req.param('id'), c.req.param('evidenceId'));
    return privateFileResponse(c, file);
  });

  app.post(`${BASE}/:id{${UUID}}/evidence/:evidenceId{${UUID}}/remove`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const evidenceId = c.req.param('evidenceId');
    return formAction(c, {
      schema: formFields,
      input: {},
      run: (ctx) => removeEvidence(ctx, id, evidenceId),
      refused: (problem, status) => renderAssessment(c, id, { problem }, status),
      done: () => back(c, id, 'removed'),
    });
  });
}
