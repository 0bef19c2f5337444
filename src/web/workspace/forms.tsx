// Shared pieces of the workspace: the signed-in account, form parsing and fields that show their errors.
import type { Context } from 'hono';
import { unreadCount } from '../../platform/notifications/notifications.ts';
import type { Child } from 'hono/jsx';
import type { Actor } from '../../platform/access/roles.ts';
import { AppError, type FieldIssue } from '../../platform/errors.ts';
import { organizationNames } from '../../registry/organization.service.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import type { Account } from '../layout.tsx';
import type { Page } from '../page.ts';

export type SignedIn = Extract<Actor, { kind: 'user' }>;

/** Names of the actor's organizations for the header, in the page language. */
export async function accountOf(c: Context<AppEnv>, page: Page): Promise<Account> {
  const ctx = c.get('ctx');
  const { actor } = ctx;
  const ids = actor.kind === 'user' ? [...new Set(actor.roles.map((r) => r.organizationId).filter((id): id is string => id !== null))] : [];
  const unread = await unreadCount(ctx);
  if (!ids.length) return { organizations: {}, unread };
  const names = await organizationNames(ctx, ids);
  return { organizations: Object.fromEntries(Object.entries(names).map(([id, name]) => [id, page.text(name).text])), unread };
}

/** Form fields as strings; repeated names (checkboxes) as arrays. Files are ignored. */
export type FormValues = Record<string, string | string[]>;

export async function formValues(c: Context<AppEnv>): Promise<FormValues> {
  const body = await c.req.parseBody({ all: true });
  const out: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
    else if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/** A multipart form: its text fields, and the uploaded file (null when none was chosen or it is empty). */
export async function formWithFile(c: Context<AppEnv>): Promise<{ values: FormValues; file: File | null }> {
  const body = await c.req.parseBody();
  const values: FormValues = Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const file = body.file;
  return { values, file: file instanceof File && file.size > 0 ? file : null };
}

export function one(values: FormValues, name: string): string {
  const v = values[name];
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
}

export function many(values: FormValues, name: string): string[] {
  const v = values[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => x.trim()).filter(Boolean);
}

/** A problem the form shows: field issues by path, plus one message for the whole form. */
export type FormProblem = { issues: FieldIssue[]; message?: { key: string; params?: Record<string, string | number> } };

/** 422s with issues and 409s become a re-rendered form; everything else is the error page's. */
export function formProblemOf(error: unknown): FormProblem | null {
  if (!(error instanceof AppError)) return null;
  if (error.status === 422) return { issues: error.details.issues ?? [], message: { key: 'ui.workspace.form.errorsCount', params: { count: error.details.issues?.length ?? 0 } } };
  if (error.status === 409) return { issues: [], message: { key: error.messageKey, params: error.details.params } };
  return null;
}

export const fieldId = (path: string) => `f-${path.replace(/[^\w-]/g, '-')}`;

/**
 * Which field shows an issue: the field whose path is the longest prefix of the issue's
 * (languages.1 → languages); issues that match no field go to the summary only.
 */
export function issuesByField(issues: FieldIssue[], fields: readonly string[]): Map<string, FieldIssue[]> {
  const byField = new Map<string, FieldIssue[]>();
  for (const issue of issues.map(forPeople)) {
    const owner = fields
      .filter((f) => issue.path === f || issue.path.startsWith(`${f}.`))
      .sort((a, b) => b.length - a.length)[0];
    const key = owner ?? '';
    byField.set(key, [...(byField.get(key) ?? []), issue]);
  }
  return byField;
}

/** The API's wording is for programs; a person at a form reads "Required." rather than "at least 1 character". */
function forPeople(issue: FieldIssue): FieldIssue {
  if (issue.messageKey === 'errors.field.tooShort' && String(issue.params?.minimum) === '1') return { path: issue.path, messageKey: 'errors.field.required' };
  if (issue.messageKey === 'errors.field.format' && issue.params?.format === 'regex') return { path: issue.path, messageKey: 'ui.workspace.form.pattern' };
  return issue;
}

export function ErrorSummary(props: { page: Page; problem?: FormProblem; byField: Map<string, FieldIssue[]>; labels: Record<string, string> }) {
  const { page, problem, byField } = props;
  if (!problem) return null;
  const { t } = page;
  const entries = [...byField.entries()];
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      <h2>{t('ui.workspace.form.errorsTitle')}</h2>
      {problem.message ? <p>{t(problem.message.key, problem.message.params)}</p> : null}
      {entries.length ? (
        <ul>
          {entries.flatMap(([field, issues]) =>
            issues.map((i) => (
              <li>
                {field ? <a href={`#${fieldId(field)}`}>{props.labels[field] ?? field}</a> : <span>{i.path}</span>}: {t(i.messageKey, i.params)}
              </li>
            )),
          )}
        </ul>
      ) : null}
    </div>
  );
}

export function FieldErrors(props: { page: Page; path: string; issues?: FieldIssue[] }) {
  if (!props.issues?.length) return null;
  return (
    <p class="field-error" id={`${fieldId(props.path)}-error`}>
      {props.issues.map((i) => props.page.t(i.messageKey, i.params)).join(' ')}
    </p>
  );
}

/**
 * The attributes every form control shares: an id unique on the page, and the link to its hint and
 * errors that screen readers follow.
 */
export function controlAttributes(path: string, name: string, options: { issues?: FieldIssue[]; required?: boolean; lang?: string; hint?: boolean }) {
  const id = fieldId(path);
  const invalid = Boolean(options.issues?.length);
  const describedBy = [options.hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return { id, name, required: options.required, lang: options.lang, 'aria-invalid': invalid ? 'true' : undefined, 'aria-describedby': describedBy } as const;
}

/** A labelled input whose errors sit right after it and are tied to it by aria-describedby. */
export function TextField(props: {
  page: Page;
  path: string;
  label: string;
  value: string;
  issues?: FieldIssue[];
  type?: string;
  required?: boolean;
  hint?: string;
  lang?: string;
  autocomplete?: string;
  multiline?: boolean;
  extra?: Record<string, string | number>;
}) {
  const common = { ...controlAttributes(props.path, props.path, { ...props, hint: Boolean(props.hint) }), autocomplete: props.autocomplete };
  const { id } = common;
  return (
    <div>
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="meta" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.multiline ? <textarea {...common} rows={4}>{props.value}</textarea> : <input {...common} {...props.extra} type={props.type ?? 'text'} value={props.value} />}
      <FieldErrors page={props.page} path={props.path} issues={props.issues} />
    </div>
  );
}

export function Select(props: { page: Page; path: string; label: string; value: string; options: [string, string][]; issues?: FieldIssue[]; required?: boolean; empty?: string }) {
  const common = controlAttributes(props.path, props.path, props);
  const { id } = common;
  return (
    <div>
      <label for={id}>{props.label}</label>
      <select {...common}>
        <option value="">{props.empty ?? '—'}</option>
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
      <FieldErrors page={props.page} path={props.path} issues={props.issues} />
    </div>
  );
}

export function Checkboxes(props: { page: Page; path: string; legend: string; values: string[]; options: [string, string][]; issues?: FieldIssue[] }) {
  const id = fieldId(props.path);
  const invalid = Boolean(props.issues?.length);
  return (
    <fieldset id={id} aria-describedby={invalid ? `${id}-error` : undefined} tabindex={-1}>
      <legend>{props.legend}</legend>
      {props.options.map(([value, label]) => (
        <label class="check">
          <input type="checkbox" name={props.path} value={value} checked={props.values.includes(value)} aria-invalid={invalid ? 'true' : undefined} />
          {label}
        </label>
      ))}
      <FieldErrors page={props.page} path={props.path} issues={props.issues} />
    </fieldset>
  );
}

export function Hidden(props: { name: string; value: string }): Child {
  return <input type="hidden" name={props.name} value={props.value} />;
}
