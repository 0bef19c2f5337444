// The POST handlers of the agency's, the body head's and a panel member's forms on a case page
// (workspace-sections-agency.tsx): each parses with the API's schema, runs the API's service and
// goes back to the case saying what happened, or re-renders the case with the problem at its field.
import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import { changeCaseTerm } from '../../accreditation/case-workspace.service.ts';
import { PUBLICATION_CHANNELS, publicationDoneSchema } from '../../accreditation/decision.schema.ts';
import { markPublicationDone } from '../../accreditation/decision.service.ts';
import { termChangeInputSchema } from '../../accreditation/follow-up.schema.ts';
import { seminarInputSchema } from '../../accreditation/panel.schema.ts';
import { recordSeminar } from '../../accreditation/panel.service.ts';
import { dissentInputSchema } from '../../accreditation/report.schema.ts';
import { addDissent } from '../../accreditation/report.service.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { formAction } from '../form-action.ts';
import { LANG_ROUTE, langOf } from '../page.ts';
import { type FormValues, formValues, many, one } from '../workspace/forms.tsx';
import { signInFirst } from '../workspace/workspace.page.tsx';
import { renderCasePage } from './workspace-case.page.tsx';
import { ACC, UUID } from './workspace-common.tsx';

const publicationFormSchema = publicationDoneSchema.extend({ channel: z.enum(PUBLICATION_CHANNELS) });

/** Optional fields the form left empty are left out, as a JSON body would leave them out. */
const present = (values: FormValues, ...names: string[]) => Object.fromEntries(names.filter((n) => one(values, n)).map((n) => [n, one(values, n)]));

function post<S extends z.ZodType>(app: Api, path: string, form: string, schema: S, input: (values: FormValues) => unknown, run: (ctx: Ctx, caseId: string, data: z.output<S>) => Promise<unknown>) {
  app.post(`${LANG_ROUTE}${ACC}/cases/:id{${UUID}}/${path}`, async (c: Context<AppEnv>) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id') ?? '';
    const values = await formValues(c);
    return formAction(c, {
      schema,
      input: input(values),
      // A field left empty is "required", whatever the schema says of an empty date or choice.
      schemaIssues: (issues) => issues.map((i) => (i.path in values && !one(values, i.path) ? { path: i.path, messageKey: 'errors.field.required' } : i)),
      run: (ctx, data) => run(ctx, id, data),
      refused: (problem, status) => renderCasePage(c, id, { form, problem }, values, status),
      done: () => `/${langOf(c)}${ACC}/cases/${id}?done=${form}`,
    });
  });
}

export function registerAgencyPosts(app: Api): void {
  post(
    app,
    'seminars',
    'seminar',
    seminarInputSchema,
    (v) => ({ heldOn: one(v, 'heldOn'), expertIds: many(v, 'expertIds'), ...present(v, 'note') }),
    (ctx, id, input) => recordSeminar(ctx, id, input),
  );
  post(app, 'publications', 'publication', publicationFormSchema, (v) => present(v, 'channel', 'doneOn'), (ctx, id, { channel, doneOn }) =>
    markPublicationDone(ctx, id, channel, doneOn),
  );
  post(
    app,
    'term-changes',
    'term',
    termChangeInputSchema,
    (v) => ({ kind: one(v, 'kind'), newValidTo: one(v, 'newValidTo'), reason: one(v, 'reason'), ...present(v, 'legalBasis', 'effectiveOn') }),
    (ctx, id, input) => changeCaseTerm(ctx, id, input),
  );
  post(app, 'report/dissents', 'dissent', dissentInputSchema, (v) => ({ text: one(v, 'text'), ...present(v, 'standardCode') }), (ctx, id, input) => addDissent(ctx, id, input));
}
