// The one way a page form is handled: parse with the service's schema, run the service in a
// transaction, then 303 to where the result shows. A form the schema or the service refuses
// (422, or a 409 conflict) comes back re-rendered with its problem; any other error is the
// localized error page of the app's error handler.
import type { Context } from 'hono';
import { ZodError, z } from 'zod';
import type { Ctx } from '../platform/context.ts';
import { AppError, type FieldIssue, validationFailed } from '../platform/errors.ts';
import type { AppEnv } from '../platform/http/env.ts';
import { writeTx } from '../platform/http/openapi-common.ts';
import { fieldIssuesFromZod } from '../platform/http/zod-issues.ts';
import { type FormProblem, formProblemOf } from './workspace/forms.tsx';

export type FormAction<S extends z.ZodType, R> = {
  /** The service's input schema; each field it refuses is listed (422). */
  schema: S;
  input: unknown;
  /** Issues the form finds beyond the schema (a required row, say), listed with the schema's. */
  extraIssues?: FieldIssue[];
  /** How the schema's issues are shown, when a field says it differently (an empty choice is "required"). */
  schemaIssues?: (issues: FieldIssue[]) => FieldIssue[];
  /** The problem a service error shows on the form; by default its 422 fields or its 409 message, else none (the error page). */
  problemOf?: (error: unknown) => FormProblem | null;
  run: (ctx: Ctx, input: z.output<S>) => Promise<R>;
  /** The form again with its problem, answered with this status. */
  refused: (problem: FormProblem, status: 409 | 422) => Response | Promise<Response>;
  /** Where the browser goes after success (303). */
  done: (result: R) => string;
};

/** A form taken as it came, for services that parse their own input from the form's strings. */
export const formFields = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/** A form problem listing field issues, with the count the summary says. */
export const withCount = (issues: FieldIssue[]): FormProblem => ({ issues, message: { key: 'ui.workspace.form.errorsCount', params: { count: issues.length } } });

export async function formAction<S extends z.ZodType, R>(c: Context<AppEnv>, action: FormAction<S, R>): Promise<Response> {
  const parsed = action.schema.safeParse(action.input);
  const extra = action.extraIssues ?? [];
  const schemaIssues = parsed.success ? [] : (action.schemaIssues ?? ((i) => i))(fieldIssuesFromZod(parsed.error));
  if (!parsed.success || extra.length) return action.refused(withCount([...schemaIssues, ...extra]), 422);
  let result: R;
  try {
    result = await writeTx(c, (ctx) => action.run(ctx, parsed.data));
  } catch (error) {
    // A value a service's own schema refuses is a field error like any other.
    const refused = error instanceof ZodError ? validationFailed(fieldIssuesFromZod(error)) : error;
    const problem = (action.problemOf ?? formProblemOf)(refused);
    if (!problem) throw refused;
    return action.refused(problem, refused instanceof AppError && refused.status === 409 ? 409 : 422);
  }
  return c.redirect(action.done(result), 303);
}
