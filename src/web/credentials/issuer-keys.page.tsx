// The organization's signing keys in the workspace: the current key and the rotated ones (public
// keys only), and rotation behind a page that says what will happen before anything changes.
import type { Context } from 'hono';
import { z } from 'zod';
import { credentialAccess } from '../../credentials/credentials.access.ts';
import { listIssuerKeys, rotateIssuerKey } from '../../credentials/keys.service.ts';
import { organizationsOf } from '../../platform/access/roles.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { formAction } from '../form-action.ts';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, type Page, langOf, pageOf } from '../page.ts';
import { ErrorSummary, type FormProblem, accountOf } from '../workspace/forms.tsx';
import { deniedPage, signInFirst } from '../workspace/workspace.page.tsx';

const BASE = '/workspace/issuer-keys';

/** The organization whose keys the user manages: the asked one, else their first; null if none. */
function keyOrganization(c: Context<AppEnv>, asked: string | undefined): string | null {
  const ctx = c.get('ctx');
  const mine = organizationsOf(ctx.actor, ['org-admin']);
  const orgId = asked || mine[0];
  return orgId && credentialAccess(ctx, orgId).can('manage-keys') ? orgId : null;
}

const withOrganization = (page: Page, path: string, orgId: string, extra = '') => `${page.href(path)}?organization=${encodeURIComponent(orgId)}${extra}`;

async function keysPage(c: Context<AppEnv>, orgId: string) {
  const page = pageOf(c);
  const { t } = page;
  const keys = await listIssuerKeys(c.get('ctx'), orgId);
  const done = c.req.query('done') === 'rotated';
  return c.html(
    <Layout page={page} title={t('ui.issuerKeys.title')} account={await accountOf(c, page)}>
      <h1>{t('ui.issuerKeys.title')}</h1>
      {done ? (
        <div role="status">
          <p>{t('ui.issuerKeys.rotated')}</p>
          <p>
            <a href={`${page.href('/workspace/credentials')}?organization=${orgId}`}>{t('ui.issuerKeys.next')}</a>
          </p>
        </div>
      ) : null}
      <p>{t('ui.issuerKeys.intro')}</p>
      {keys.length ? (
        <table tabindex={0}>
          <caption>{t('ui.issuerKeys.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ui.issuerKeys.columns.key')}</th>
              <th scope="col">{t('ui.issuerKeys.columns.state')}</th>
              <th scope="col">{t('ui.issuerKeys.columns.created')}</th>
              <th scope="col">{t('ui.issuerKeys.columns.rotated')}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr>
                <td>
                  <code>{k.verificationMethod}</code>
                </td>
                <td>{t(k.status === 'active' ? 'ui.issuerKeys.state.active' : 'ui.issuerKeys.state.rotated')}</td>
                <td>{page.date(k.createdAt)}</td>
                <td>{k.rotatedAt ? page.date(k.rotatedAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('ui.issuerKeys.none')}</p>
      )}
      <p>
        <a href={withOrganization(page, `${BASE}/rotate`, orgId)}>{t('ui.issuerKeys.rotate')}</a>
      </p>
    </Layout>,
  );
}

async function confirmPage(c: Context<AppEnv>, orgId: string, problem?: FormProblem) {
  const page = pageOf(c);
  const { t } = page;
  return c.html(
    <Layout page={page} title={t('ui.issuerKeys.confirm.title')} account={await accountOf(c, page)}>
      <h1>{t('ui.issuerKeys.confirm.title')}</h1>
      <ErrorSummary page={page} problem={problem} byField={new Map()} labels={{}} />
      <ul>
        <li>{t('ui.issuerKeys.confirm.newKey')}</li>
        <li>{t('ui.issuerKeys.confirm.oldStillVerify')}</li>
        <li>{t('ui.issuerKeys.confirm.sameDid')}</li>
      </ul>
      <form method="post" action={page.href(`${BASE}/rotate`)}>
        <input type="hidden" name="organization" value={orgId} />
        <p>
          <button type="submit">{t('ui.issuerKeys.confirm.button')}</button> <a href={withOrganization(page, BASE, orgId)}>{t('ui.issuerKeys.confirm.cancel')}</a>
        </p>
      </form>
    </Layout>,
    problem ? 409 : 200,
  );
}

export function registerIssuerKeyPages(app: Api): void {
  app.get(`${LANG_ROUTE}${BASE}`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const orgId = keyOrganization(c, c.req.query('organization'));
    return orgId ? keysPage(c, orgId) : deniedPage(c);
  });
  app.get(`${LANG_ROUTE}${BASE}/rotate`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const orgId = keyOrganization(c, c.req.query('organization'));
    return orgId ? confirmPage(c, orgId) : deniedPage(c);
  });
  app.post(`${LANG_ROUTE}${BASE}/rotate`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const body = await c.req.parseBody();
    const orgId = keyOrganization(c, typeof body.organization === 'string' ? body.organization : undefined);
    if (!orgId) return deniedPage(c);
    return formAction(c, {
      schema: z.object({}),
      input: {},
      run: (ctx) => rotateIssuerKey(ctx, orgId),
      refused: (problem) => confirmPage(c, orgId, problem),
      done: () => `/${langOf(c)}${BASE}?organization=${encodeURIComponent(orgId)}&done=rotated`,
    });
  });
}
