// Pieces every record page shares: routing in three languages, field lists, names, classifier
// labels and the history table.
import { historyAction, historyActor } from './history-words.ts';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { entriesInForce } from '../frameworks/classifier.service.ts';
import type { Ctx } from '../platform/context.ts';
import type { HistoryEntry } from '../platform/history/history.ts';
import type { Api, AppEnv } from '../platform/http/env.ts';
import { z } from '@hono/zod-openapi';
import { asOfQuery, idParam } from '../platform/http/openapi-common.ts';
import type { MaybeLangMap } from '../platform/i18n/lang-map.ts';
import { Translated } from './layout.tsx';
import { collator, LANG_ROUTE, type Page } from './page.ts';

type Handler = (c: Context<AppEnv>) => Response | Promise<Response>;

/** Registers a page once for /kk, /ru and /en. */
export function onEveryLanguage(app: Api, path: string, handler: Handler): void {
  app.get(`${LANG_ROUTE}${path}`, handler);
}

/** The day a record page answers for (`?asOf=YYYY-MM-DD`), undefined for today; a malformed one is a localized 400. */
export const asOfOf = (c: Context<AppEnv>): string | undefined => z.object(asOfQuery).parse({ asOf: c.req.query('asOf') || undefined }).asOf;

/** The record id of the path; a malformed one throws the ZodError that becomes a localized 400. */
export const idOf = (c: Context<AppEnv>): string => idParam.parse({ id: c.req.param('id') }).id;

/** A name in the page language, with a visible note when it falls back to another. */
export function Name(props: { page: Page; map: MaybeLangMap }) {
  return <Translated page={props.page} value={props.page.text(props.map)} />;
}

export type Field = [label: string, value: Child];

const isEmpty = (v: Child): boolean => v === null || v === undefined || v === '' || v === false || (Array.isArray(v) && v.length === 0);

/** A definition list of the fields that have a value. */
export function Fields(props: { rows: Field[] }) {
  return (
    <dl class="fields">
      {props.rows
        .filter(([, value]) => !isEmpty(value))
        .map(([label, value]) => (
          <>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </>
        ))}
    </dl>
  );
}

/** Items separated by commas (links or text); null when there are none, so the field is left out. */
export function joined(items: Child[]): Child {
  return items.length ? items.flatMap((item, i) => (i === 0 ? [item] : [', ', item])) : null;
}

/** Looks up the names of a classifier's entries in force: code → name in the page language. */
export async function classifierNames(ctx: Ctx, page: Page, classifier: string): Promise<(code: string | null | undefined) => string | null> {
  const names = new Map((await entriesInForce(ctx, classifier)).map((e) => [e.code, page.text(e.name).text]));
  return (code) => (code ? (names.get(code) ?? code) : null);
}

/** A link to a classifier entry's page, labelled with its name; null without a code. */
export function classifierLink(
  page: Page,
  classifier: string,
  code: string | null | undefined,
  name: (code: string | null | undefined) => string | null,
): Child {
  if (!code) return null;
  return <a href={page.href(`/classifiers/${classifier}/${encodeURIComponent(code)}`)}>{name(code)}</a>;
}

/** Sorts by the page language's alphabetical order (Kazakh letters in their places). */
export function sortByName<T>(page: Page, items: readonly T[], nameOf: (item: T) => MaybeLangMap): T[] {
  const order = collator(page.lang);
  return [...items].sort((a, b) => order.compare(page.text(nameOf(a)).text, page.text(nameOf(b)).text));
}

/** A section of a record page under its heading (the heading labels it). */
export function Section(props: { id: string; title: string; children?: Child }) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** The content when there is some, else "none". */
export function NoneOr(props: { page: Page; some: boolean; children?: Child }) {
  return props.some ? <>{props.children}</> : <p>{props.page.t('ui.record.none')}</p>;
}

/** A table with a caption, a header cell per column and a row per item (`focusable` when it may scroll sideways). */
export function DataTable<T>(props: { caption: Child; columns: Child[]; items: T[]; row: (item: T) => Child; focusable?: boolean }) {
  return (
    <table tabindex={props.focusable ? 0 : undefined}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          {props.columns.map((column) => (
            <th scope="col">{column}</th>
          ))}
        </tr>
      </thead>
      <tbody>{props.items.map(props.row)}</tbody>
    </table>
  );
}

/** The versions of a record: who changed it, how and when. */
export function HistorySection(props: { page: Page; items: HistoryEntry[] }) {
  const { page } = props;
  const { t } = page;
  return (
    <Section id="history" title={t('ui.record.history')}>
      <NoneOr page={props.page} some={props.items.length > 0}>
        <DataTable
          focusable
          caption={t('ui.record.historyCaption')}
          columns={[t('ui.record.version'), t('ui.record.action'), t('ui.record.actor'), t('ui.record.date')]}
          items={props.items}
          row={(h) => (
            <tr>
              <th scope="row">{page.number(h.version)}</th>
              <td>{historyAction(page, h)}</td>
              <td>{historyActor(page, h)}</td>
              <td>
                <time datetime={h.at}>{page.date(h.at)}</time>
              </td>
            </tr>
          )}
        />
      </NoneOr>
    </Section>
  );
}

/** A list of linked records (name and code), or "none". */
export function LinkedRecords(props: { page: Page; path: string; items: { id: string; code: string; name: MaybeLangMap }[] }) {
  const { page } = props;
  if (!props.items.length) return <p>{page.t('ui.record.none')}</p>;
  return (
    <ul>
      {props.items.map((item) => (
        <li>
          <a href={page.href(`${props.path}/${item.id}`)}>
            <Name page={page} map={item.name} />
          </a>{' '}
          <span class="meta">{item.code}</span>
        </li>
      ))}
    </ul>
  );
}

/** Where a page sits: home, the list of its kind, the record. The last crumb is the current page. */
export function Breadcrumbs(props: { page: Page; trail: [label: string, path: string | null][] }) {
  const { page } = props;
  const crumbs: [string, string | null][] = [[page.t('ui.find.home'), '/'], ...props.trail];
  return (
    <nav class="crumbs" aria-label={page.t('ui.find.breadcrumbs')}>
      <ol>
        {crumbs.map(([label, path], i) => (
          <li>{path !== null && i < crumbs.length - 1 ? <a href={page.href(path)}>{label}</a> : <span aria-current="page">{label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}
