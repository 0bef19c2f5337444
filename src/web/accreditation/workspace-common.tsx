// Shared pieces of the accreditation workspace: paths, labels, organization names, deadlines and
// the small "problem" box a page shows after a refused form.
import type { Context } from 'hono';
import type { DeadlineView } from '../../accreditation/deadlines.ts';
import type { FieldIssue } from '../../platform/errors.ts';
import { organizationNames as registryNames } from '../../registry/organization.service.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import type { Page } from '../page.ts';
import { controlAttributes, FieldErrors, type FormProblem } from '../workspace/forms.tsx';

export const ACC = '/workspace/accreditation';
// The full 8-4-4-4-12 shape: a looser pattern lets e.g. 36 dashes through to PostgreSQL's uuid cast (500).
export const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
export const LANGS = ['kk', 'ru', 'en'] as const;
/** Seats the panel form offers: 3 academics, an employer, a student, a foreign expert and one spare. */
export const PANEL_ROWS = 7;

export const caseHref = (page: Page, id: string) => page.href(`${ACC}/cases/${id}`);
export const meetingHref = (page: Page, id: string) => page.href(`${ACC}/council/${id}`);

export const stateLabel = (page: Page, state: string) => page.t(`ui.case.states.${state}`);
export const actionLabel = (page: Page, action: string) => page.t(`ui.case.actions.${action}`);
export const stepLabel = (page: Page, step: string) => page.t(`ui.case.deadlines.${step}`, { defaultValue: step });
/** A status of a panel member, challenge, report, appeal or follow-up item, in the page language. */
export const statusOf = (page: Page, group: 'appeal' | 'member' | 'challenge' | 'report' | 'followUp', status: string) =>
  page.t(`ui.accreditationPages.status.${group}.${status}`, { defaultValue: status });
export const kindLabel = (page: Page, kind: string) => page.t(`ui.accreditationPages.kind.${kind}`);

/** Organization names in the page language, by id. */
export async function organizationNames(c: Context<AppEnv>, page: Page, ids: string[]): Promise<Record<string, string>> {
  const names = await registryNames(c.get('ctx'), ids);
  return Object.fromEntries(Object.entries(names).map(([id, name]) => [id, page.text(name).text]));
}

export function DeadlineCell(props: { page: Page; deadline: DeadlineView | null }) {
  const { page, deadline: d } = props;
  if (!d) return <span>—</span>;
  return (
    <span>
      {stepLabel(page, d.step)}: {page.date(d.dueOn)}
      {d.overdue ? (
        <>
          {' '}
          <strong class="badge">{page.t('ui.case.deadlines.overdue')}</strong>
        </>
      ) : null}
    </span>
  );
}

/** The message of a refused form that belongs to no single field (409s, or 422 without a field here). */
export function ProblemBox(props: { page: Page; problem?: FormProblem; fieldless?: boolean }) {
  const { page, problem } = props;
  if (!problem?.message) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      <h2>{page.t('ui.workspace.form.errorsTitle')}</h2>
      <p>{page.t(problem.message.key, problem.message.params)}</p>
      {props.fieldless && problem.issues.length ? (
        <ul>
          {problem.issues.map((i) => (
            <li>{page.t(i.messageKey, i.params)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The issues of a refused form that belong to one of its fields. */
/** A refused form of the case page: which form, and what was wrong with it. */
export type CaseProblem = { form: string; problem: FormProblem };

export function issuesFor(problem: CaseProblem | undefined, form: string, name: string): FieldIssue[] | undefined {
  if (!problem || problem.form !== form) return undefined;
  const found = problem.problem.issues.filter((i) => i.path === name || i.path.startsWith(`${name}.`));
  return found.length ? found : undefined;
}

/** One labelled field of a small form; its id is unique on the page (form + name) and its errors follow it. */
export function Field(props: {
  page: Page;
  form: string;
  name: string;
  label: string;
  type?: 'text' | 'date' | 'textarea' | 'select' | 'file';
  options?: [string, string][];
  value?: string;
  issues?: FieldIssue[];
  required?: boolean;
  lang?: string;
  accept?: string;
}) {
  const path = `${props.form}.${props.name}`;
  const common = controlAttributes(path, props.name, props);
  const { id } = common;
  const type = props.type ?? 'text';
  return (
    <div>
      <label for={id}>{props.label}</label>
      {type === 'textarea' ? (
        <textarea {...common} rows={3}>
          {props.value ?? ''}
        </textarea>
      ) : type === 'select' ? (
        <select {...common}>
          <option value="">—</option>
          {(props.options ?? []).map(([value, label]) => (
            <option value={value} selected={value === props.value}>
              {label}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} type={type} value={type === 'file' ? undefined : (props.value ?? '')} accept={props.accept} />
      )}
      <FieldErrors page={props.page} path={path} issues={props.issues} />
    </div>
  );
}

type FieldProps = Parameters<typeof Field>[0];

/**
 * The case page's fields bound to its page and refused form: each field finds its own errors
 * (by its name, or `issuePath` where the service names the value differently).
 */
export function fieldsFor(page: Page, problem: CaseProblem | undefined) {
  return (props: Omit<FieldProps, 'page' | 'issues'> & { issuePath?: string }) => (
    <Field page={page} {...props} issues={issuesFor(problem, props.form, props.issuePath ?? props.name)} />
  );
}

export function SubmitButton(props: { label: string }) {
  return (
    <p>
      <button type="submit">{props.label}</button>
    </p>
  );
}
