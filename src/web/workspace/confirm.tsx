// The one confirmation page of a consequential action (include, exclude, revoke, decide, publish,
// vote): a GET page that says in the reader's language what will happen, and a form that POSTs the
// action with the values it carries. Cancelling goes back where the user came from.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../../platform/http/env.ts';
import { Layout } from '../layout.tsx';
import type { Page } from '../page.ts';
import { accountOf } from './forms.tsx';

export type Confirmation = {
  /** The action's name as its button says it ("Include in the register"). */
  action: string;
  /** What will happen, in full sentences. */
  consequences: string[];
  /** Where the form posts, and what it carries. */
  postTo: string;
  fields: Record<string, string>;
  cancelHref: string;
  /** What the action asks of the person, once (a revocation's reason), drawn above the buttons. */
  ask?: Child;
  /** 422 when the asked field came back with a problem. */
  status?: 200 | 409 | 422;
};

export async function confirmPage(c: Context<AppEnv>, page: Page, confirm: Confirmation) {
  const { t } = page;
  const title = t('ui.confirm.title', { action: confirm.action });
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      <p>{t('ui.confirm.lead')}</p>
      {confirm.consequences.map((text) => (
        <p class="standing update">{text}</p>
      ))}
      <form method="post" action={confirm.postTo}>
        {Object.entries(confirm.fields).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        {confirm.ask ?? null}
        <div class="actions">
          <button type="submit">{t('ui.confirm.yes', { action: confirm.action })}</button>
          <a href={confirm.cancelHref}>{t('ui.confirm.cancel')}</a>
        </div>
      </form>
    </Layout>,
    confirm.status ?? 200,
  );
}

/** "What happened, and what next": the status box an action's result page opens with. */
export function DoneBox(props: { page: Page; text: string; next: [string, string][] }) {
  return (
    <div role="status" class="standing update">
      <p>{props.text}</p>
      {props.next.length ? (
        <p>
          {props.page.t('ui.confirm.next')}:{' '}
          {props.next.map(([href, label], i) => (
            <>
              {i > 0 ? ' · ' : ''}
              <a href={href}>{label}</a>
            </>
          ))}
        </p>
      ) : null}
    </div>
  );
}
