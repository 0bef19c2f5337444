// The one way a workspace list pages, sorts, filters and exports: everything is in the query string
// (?sort=submitted&dir=desc&page=2&organization=…), so a list works without JavaScript, a link
// keeps what it shows, and ?format=csv|xlsx downloads the same filtered rows through the shared
// table writer. Each list page declares its sorts, filters and columns; this file draws them.
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { todayInAlmaty, workingDaysBetween } from '../../platform/calendar/calendar.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { tableFileName, tableStream } from '../../platform/tabular/table-stream.ts';
import type { Page } from '../page.ts';

export const PAGE_SIZE = 50;
/** The most rows an export of a workspace list carries. */
export const EXPORT_LIMIT = 10_000;

export type ListSpec<S extends string> = {
  /** The list's own path without the language (a refused form re-renders it under another URL). */
  path: string;
  sorts: readonly S[];
  defaultSort: S;
  defaultDesc: boolean;
  filters: readonly string[];
};

export type ListQuery<S extends string> = {
  path: string;
  sort: S;
  desc: boolean;
  page: number;
  limit: number;
  offset: number;
  filters: Record<string, string>;
  format: 'csv' | 'xlsx' | null;
};

export function listQueryOf<S extends string>(c: Context<AppEnv>, spec: ListSpec<S>): ListQuery<S> {
  const asked = c.req.query('sort') ?? '';
  const sort = (spec.sorts as readonly string[]).includes(asked) ? (asked as S) : spec.defaultSort;
  const dir = c.req.query('dir');
  const desc = dir === 'desc' ? true : dir === 'asc' ? false : spec.defaultDesc;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
  const filters: Record<string, string> = {};
  for (const name of spec.filters) {
    const v = (c.req.query(name) ?? '').trim().slice(0, 200);
    if (v) filters[name] = v;
  }
  const f = c.req.query('format');
  const format = f === 'csv' || f === 'xlsx' ? f : null;
  const { path } = spec;
  return format
    ? { path, sort, desc, page: 1, limit: EXPORT_LIMIT, offset: 0, filters, format }
    : { path, sort, desc, page, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, filters, format };
}

/** The list's address with some parameters changed (null drops one); the page number resets unless given. */
export function listHref<S extends string>(page: Page, q: ListQuery<S>, change: Record<string, string | number | null>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q.filters)) params.set(k, v);
  params.set('sort', q.sort);
  params.set('dir', q.desc ? 'desc' : 'asc');
  for (const [k, v] of Object.entries(change)) {
    if (v === null) params.delete(k);
    else params.set(k, String(v));
  }
  return `${page.href(q.path)}?${params}`;
}

export type Column<R> = { key: string; label: string; sort?: string; cell: (row: R) => Child; text: (row: R) => string };

function SortHeader<S extends string, R>(props: { page: Page; q: ListQuery<S>; column: Column<R> }) {
  const { page, q, column } = props;
  if (!column.sort) return <th scope="col">{column.label}</th>;
  const current = q.sort === column.sort;
  const nextDesc = current ? !q.desc : false;
  return (
    <th scope="col" aria-sort={current ? (q.desc ? 'descending' : 'ascending') : undefined}>
      <a href={listHref(page, q, { sort: column.sort, dir: nextDesc ? 'desc' : 'asc', page: null })}>
        {column.label}
        {current ? (q.desc ? ' ▼' : ' ▲') : ''}
      </a>
    </th>
  );
}

/** The filter bar: a GET form, so filtering is a link like any other. The sort stays as it was. */
export function ListFilters<S extends string>(props: { page: Page; q: ListQuery<S>; children: Child }) {
  const { page, q } = props;
  return (
    <form class="list-filters" method="get" action={page.href(q.path)}>
      {props.children}
      <input type="hidden" name="sort" value={q.sort} />
      <input type="hidden" name="dir" value={q.desc ? 'desc' : 'asc'} />
      <button type="submit">{page.t('ui.lists.apply')}</button> <a href={page.href(q.path)}>{page.t('ui.lists.clear')}</a>
    </form>
  );
}

export function FilterSelect(props: { page: Page; name: string; label: string; value: string; options: [string, string][] }) {
  const id = `filter-${props.name}`;
  return (
    <div>
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name}>
        <option value="">{props.page.t('ui.lists.all')}</option>
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FilterText(props: { name: string; label: string; value: string; type?: 'search' | 'date' }) {
  const id = `filter-${props.name}`;
  return (
    <div>
      <label for={id}>{props.label}</label>
      <input id={id} name={props.name} type={props.type ?? 'search'} value={props.value} />
    </div>
  );
}

export const FilterDate = (props: { name: string; label: string; value: string }) => <FilterText {...props} type="date" />;

/** The table with sortable headings, "a–b of n", the pager and the download links of the same rows. */
export function ListTable<S extends string, R>(props: { page: Page; q: ListQuery<S>; columns: Column<R>[]; rows: R[]; total: number; caption: string; rowId?: (row: R) => string }) {
  const { page, q, columns, rows, total } = props;
  const { t } = page;
  const from = total ? q.offset + 1 : 0;
  const to = q.offset + rows.length;
  const pages = Math.max(1, Math.ceil(total / q.limit));
  return (
    <>
      <p class="list-summary" role="status">
        {total ? t('ui.lists.showing', { from: page.number(from), to: page.number(to), total: page.number(total) }) : t('ui.lists.empty')}
      </p>
      {rows.length ? (
        <table>
          <caption class="meta">{props.caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <SortHeader page={page} q={q} column={column} />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr id={props.rowId?.(row)}>
                {columns.map((column) => (
                  <td>{column.cell(row)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {pages > 1 ? (
        <nav class="pager" aria-label={t('ui.lists.pages')}>
          {q.page > 1 ? <a href={listHref(page, q, { page: q.page - 1 })}>{t('ui.lists.previous')}</a> : null}
          <span>{t('ui.lists.pageOf', { page: page.number(q.page), pages: page.number(pages) })}</span>
          {q.page < pages ? <a href={listHref(page, q, { page: q.page + 1 })}>{t('ui.lists.next')}</a> : null}
        </nav>
      ) : null}
      {total ? (
        <nav class="downloads" aria-label={t('ui.lists.download')}>
          {t('ui.lists.download')}: <a href={listHref(page, q, { format: 'csv', page: null })}>CSV</a> ·{' '}
          <a href={listHref(page, q, { format: 'xlsx', page: null })}>XLSX</a>
        </nav>
      ) : null}
    </>
  );
}

/** The list's rows as the file asked for (?format=), with the columns as the page labels them. */
export function listDownload<R>(c: Context<AppEnv>, name: string, format: 'csv' | 'xlsx', columns: Column<R>[], rows: R[], idOf: (row: R) => string): Response {
  async function* source() {
    for (const row of rows) yield { id: idOf(row), cells: Object.fromEntries(columns.map((col) => [col.key, col.text(row)])) };
  }
  const origin = new URL(c.req.url).origin;
  const stream = tableStream(format, { name, columns: columns.map((col) => ({ key: col.key, label: col.label })), rows: source(), baseUrl: origin, idOf: (id) => `${origin}/${id}` });
  const media = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return c.body(Readable.toWeb(stream) as ReadableStream<Uint8Array<ArrayBuffer>>, 200, {
    'content-type': media,
    'content-disposition': `attachment; filename="${tableFileName(name, format, todayInAlmaty())}"`,
  });
}

/** Working days from today to a due day: negative when it has passed. */
export function workingDaysLeft(dueOn: string, today = todayInAlmaty()): number {
  return dueOn >= today ? workingDaysBetween(today, dueOn) : -workingDaysBetween(dueOn, today);
}

/** A due day with the working days left, or "overdue" in red once it has passed. */
export function DueDate(props: { page: Page; dueOn: string; met?: boolean }) {
  const { page, dueOn } = props;
  if (props.met) return <span>{page.date(dueOn)}</span>;
  const left = workingDaysLeft(dueOn);
  return (
    <span class={left < 0 ? 'overdue' : undefined}>
      {page.date(dueOn)} — {left < 0 ? page.t('ui.lists.overdueBy', { count: -left }) : page.t('ui.lists.daysLeft', { count: left })}
    </span>
  );
}

/** The same due day as text, for exports. */
export function dueText(page: Page, dueOn: string): string {
  const left = workingDaysLeft(dueOn);
  return `${dueOn} (${left < 0 ? page.t('ui.lists.overdueBy', { count: -left }) : page.t('ui.lists.daysLeft', { count: left })})`;
}
