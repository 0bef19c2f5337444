// The ministry's review queue: submitted programmes to take into review, reviewed ones to include or return.
import type { Context } from 'hono';
import { canEverywhere } from '../../platform/access/roles.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { organizationNames } from '../../registry/organization.service.ts';
import { listProgrammes } from '../../registry/programme.service.ts';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, pageOf } from '../page.ts';
import { type FormProblem, accountOf } from './forms.tsx';
import { ReturnForm } from './return-form.tsx';
import { deniedPage, signInFirst, statusLabel } from './workspace.page.tsx';

const QUEUE_STATUSES = ['submitted', 'expert-review'] as const;

export async function renderReviewQueue(c: Context<AppEnv>, failed?: { id: string; problem: FormProblem }, status: 200 | 409 | 422 = 200) {
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  if (!canEverywhere(ctx.actor, 'programme.review')) return deniedPage(c);
  const lists = await Promise.all(QUEUE_STATUSES.map((s) => listProgrammes(ctx, { status: s, limit: 500, offset: 0, sort: 'updated', desc: false })));
  const items = lists.flatMap((l) => l.items);
  const orgIds = [...new Set(items.map((p) => p.organizationId))];
  const orgs = await organizationNames(ctx, orgIds);
  const orgName = (id: string) => {
    const o = orgs[id];
    return o ? page.text(o).text : id;
  };
  const done = c.req.query('done');
  const included = c.req.query('programme') ?? '';
  const title = t('ui.workspace.review.title');
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      {done && !failed ? (
        <p role="status">
          {t('ui.workspace.review.done')}{' '}
          {done === 'include' && /^[0-9a-f-]{36}$/i.test(included) ? <a href={page.href(`/programmes/${included}`)}>{t('ui.workspace.programme.publicPage')}</a> : null}
        </p>
      ) : null}
      {failed?.problem.message && !failed.problem.issues.length ? (
        <div class="error-summary" role="alert">
          <p>{t(failed.problem.message.key, failed.problem.message.params)}</p>
        </div>
      ) : null}
      {items.length === 0 ? <p>{t('ui.workspace.review.empty')}</p> : null}
      {items.map((p) => {
        const action = page.href(`/workspace/programmes/${p.id}/transitions`);
        const issues = failed?.id === p.id ? failed.problem.issues.filter((i) => i.path === `comment-${p.id}`) : undefined;
        return (
          <section aria-labelledby={`p-${p.id}`}>
            <h2 id={`p-${p.id}`}>
              <a href={page.href(`/workspace/programmes/${p.id}`)}>
                {p.code} {page.text(p.name).text}
              </a>
            </h2>
            <p class="meta">
              {orgName(p.organizationId)} · {t('ui.workspace.programme.status')}: {statusLabel(page, p.status)}
            </p>
            <div class="actions">
              {p.status === 'submitted' ? (
                <form method="post" action={action}>
                  <input type="hidden" name="action" value="start-review" />
                  <input type="hidden" name="back" value="review" />
                  <button type="submit">{t('ui.workspace.action.start-review')}</button>
                </form>
              ) : (
                <form method="post" action={action}>
                  <input type="hidden" name="action" value="include" />
                  <input type="hidden" name="back" value="review" />
                  <button type="submit">{t('ui.workspace.action.include')}</button>
                </form>
              )}
            </div>
            {p.status === 'expert-review' ? <ReturnForm page={page} id={p.id} action={action} back="review" issues={issues} /> : null}
          </section>
        );
      })}
    </Layout>,
    status,
  );
}

export function registerReviewPages(app: Api): void {
  app.get(`${LANG_ROUTE}/workspace/review`, async (c) => signInFirst(c) ?? renderReviewQueue(c));
}
