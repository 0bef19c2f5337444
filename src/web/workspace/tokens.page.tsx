// API tokens in the workspace: issue one for yourself (the secret shown once, in the answer to the
// form, never in an address), see and revoke your own, and, as an org-admin, those of the people
// working in your organization.
import type { Context } from 'hono';
import { z } from 'zod';
import { organizationsOf } from '../../platform/access/roles.ts';
import { type ApiTokenView, issueOwnApiToken, listApiTokens, revokeApiToken } from '../../platform/auth/api-tokens.service.ts';
import { API_TOKEN_DAYS } from '../../platform/auth/auth.service.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { idParam } from '../../platform/http/openapi-common.ts';
import { formAction, formFields } from '../form-action.ts';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, type Page, langOf, pageOf } from '../page.ts';
import { ErrorSummary, type FormProblem, TextField, accountOf, formValues, issuesByField, one } from './forms.tsx';
import { signInFirst } from './workspace.page.tsx';

const issueSchema = z.object({
  name: z.string().trim().min(1).max(200),
  expiresInDays: z.coerce.number().int().min(1).max(API_TOKEN_DAYS.max),
});

function TokenTable(props: { page: Page; items: ApiTokenView[]; caption: string; withPerson: boolean }) {
  const { page, items } = props;
  const { t } = page;
  if (!items.length) return <p>{t('ui.apiTokens.none')}</p>;
  return (
    // Focusable: on a narrow screen the table scrolls sideways, and a revoked token's row has no button to reach it by.
    <table tabindex={0}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('ui.apiTokens.columns.name')}</th>
          {props.withPerson ? <th scope="col">{t('ui.apiTokens.columns.user')}</th> : null}
          <th scope="col">{t('ui.apiTokens.columns.created')}</th>
          <th scope="col">{t('ui.apiTokens.columns.expires')}</th>
          <th scope="col">{t('ui.apiTokens.columns.lastUsed')}</th>
          <th scope="col">{t('ui.apiTokens.columns.state')}</th>
          <th scope="col">{t('ui.apiTokens.columns.action')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr>
            <td>{item.name}</td>
            {props.withPerson ? <td>{item.userName}</td> : null}
            <td>{page.date(item.createdAt.slice(0, 10))}</td>
            <td>{page.date(item.expiresAt.slice(0, 10))}</td>
            <td>{item.lastUsedAt ? page.date(item.lastUsedAt.slice(0, 10)) : t('ui.apiTokens.never')}</td>
            <td>{t(`ui.apiTokens.state.${item.state}`)}</td>
            <td>
              {item.state === 'active' ? (
                <form method="post" action={page.href(`/workspace/tokens/${item.id}/revoke`)}>
                  <button type="submit" aria-label={t('ui.apiTokens.revokeNamed', { name: item.name, user: item.userName })}>
                    {t('ui.apiTokens.revoke')}
                  </button>
                </form>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

async function tokensPage(c: Context<AppEnv>, state: { issued?: string; problem?: FormProblem; values?: { name: string; days: string } } = {}) {
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  const account = await accountOf(c, page);
  const mine = await listApiTokens(ctx);
  const administered = await Promise.all(
    [...new Set(organizationsOf(ctx.actor, ['org-admin']))].map(async (organizationId) => ({ organizationId, items: await listApiTokens(ctx, { organizationId }) })),
  );
  const labels = { name: t('ui.apiTokens.name'), expiresInDays: t('ui.apiTokens.days') };
  const byField = issuesByField(state.problem?.issues ?? [], Object.keys(labels));
  return c.html(
    <Layout page={page} title={t('ui.apiTokens.title')} account={account}>
      <h1>{t('ui.apiTokens.title')}</h1>
      <p>{t('ui.apiTokens.intro')}</p>
      {state.issued ? (
        <div role="status">
          <p>{t('ui.apiTokens.issued')}</p>
          <p>
            <code>{state.issued}</code>
          </p>
        </div>
      ) : null}
      <ErrorSummary page={page} problem={state.problem} byField={byField} labels={labels} />
      <form method="post" action={page.href('/workspace/tokens')}>
        <TextField page={page} path="name" label={labels.name} value={state.values?.name ?? ''} issues={byField.get('name')} required />
        <TextField page={page} path="expiresInDays" label={labels.expiresInDays} type="number" value={state.values?.days ?? String(API_TOKEN_DAYS.default)} issues={byField.get('expiresInDays')} required />
        <button type="submit">{t('ui.apiTokens.issue')}</button>
      </form>
      <section aria-labelledby="mine">
        <h2 id="mine">{t('ui.apiTokens.mine')}</h2>
        <TokenTable page={page} items={mine} caption={t('ui.apiTokens.mine')} withPerson={false} />
      </section>
      {administered.map(({ organizationId, items }) => {
        const heading = t('ui.apiTokens.ofOrganization', { organization: account.organizations[organizationId] ?? organizationId });
        return (
          <section aria-labelledby={`org-${organizationId}`}>
            <h2 id={`org-${organizationId}`}>{heading}</h2>
            <TokenTable page={page} items={items} caption={heading} withPerson />
          </section>
        );
      })}
    </Layout>,
    state.problem ? (state.problem.issues.length ? 422 : 409) : 200,
  );
}

export function registerTokenPages(app: Api): void {
  const base = `${LANG_ROUTE}/workspace/tokens`;
  app.get(base, async (c) => signInFirst(c) ?? tokensPage(c));

  app.post(base, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const values = await formValues(c);
    const input = { name: one(values, 'name'), expiresInDays: one(values, 'expiresInDays') };
    let issued = '';
    const answer = await formAction(c, {
      schema: issueSchema,
      input,
      run: async (ctx, data) => (issued = (await issueOwnApiToken(ctx, data)).token),
      refused: (problem) => tokensPage(c, { problem, values: { name: input.name, days: input.expiresInDays } }),
      done: () => '',
    });
    // The secret goes in this answer only: a redirect would carry it in an address.
    return issued ? tokensPage(c, { issued }) : answer;
  });

  app.post(`${base}/:id/revoke`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const { id } = idParam.parse({ id: c.req.param('id') });
    return formAction(c, {
      schema: formFields,
      input: {},
      run: (ctx) => revokeApiToken(ctx, id),
      // The form is one button: there is no field to show a refusal in, so every error is the error page's.
      problemOf: () => null,
      refused: () => tokensPage(c),
      done: () => `/${langOf(c)}/workspace/tokens`,
    });
  });
}
