// Registers 2 (accredited organizations) and 3 (accredited programmes): public, filterable, "as of"
// any day, computed from decisions by the registers service.
import { z } from '@hono/zod-openapi';
import { listRegister } from '../../accreditation/registers.service.ts';
import { registerQuerySchema } from '../../accreditation/registers.schema.ts';
import type { Api } from '../../platform/http/env.ts';
import { DownloadLinks } from '../interop/download-links.tsx';
import { Layout } from '../layout.tsx';
import { type Page, pageOf } from '../page.ts';
import { Name, onEveryLanguage } from '../record-parts.tsx';
import { BadgeList } from '../standing-parts.tsx';
import { ValidRange, decisionStatusLabel, outcomeLabel, termLabel } from './public-parts.tsx';

const PAGE_SIZE = 50;

const pageQuery = z.object({
  q: z.string().max(200).optional(),
  outcome: z.enum(['accredited', 'refused', 'any']).default('accredited'),
  eurAce: z.enum(['true']).optional(),
  asOf: registerQuerySchema.shape.asOf,
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
type PageQuery = z.infer<typeof pageQuery>;

function registerHref(page: Page, register: 2 | 3, q: PageQuery, change: Partial<PageQuery>): string {
  const merged = { ...q, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === '' || (key === 'page' && value === 1) || (key === 'outcome' && value === 'accredited')) continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return page.href(`/registers/${register}`) + (query ? `?${query}` : '');
}

function Filters(props: { page: Page; register: 2 | 3; q: PageQuery }) {
  const { page, q } = props;
  const { t } = page;
  return (
    <form class="ws" method="get" action={page.href(`/registers/${props.register}`)} aria-label={t('ui.accreditationPublic.filters')}>
      <label for="register-q">{t('ui.accreditationPublic.q')}</label>
      <input id="register-q" name="q" type="search" value={q.q ?? ''} />
      <label for="register-outcome">{t('ui.accreditationPublic.outcomeFilter')}</label>
      <select id="register-outcome" name="outcome">
        {(['accredited', 'refused', 'any'] as const).map((o) => (
          <option value={o} selected={q.outcome === o}>
            {t(`ui.accreditationPublic.outcome${o[0]?.toUpperCase()}${o.slice(1)}`)}
          </option>
        ))}
      </select>
      <label for="register-asof">{t('ui.accreditationPublic.asOf')}</label>
      <input id="register-asof" name="asOf" type="date" value={q.asOf ?? ''} />
      <label class="check" for="register-eurace">
        <input id="register-eurace" name="eurAce" type="checkbox" value="true" checked={q.eurAce === 'true'} /> {t('ui.accreditationPublic.eurAceOnly')}
      </label>
      <p>
        <button type="submit">{t('ui.accreditationPublic.apply')}</button>
      </p>
    </form>
  );
}

export function registerRegisterPages(app: Api): void {
  for (const register of [2, 3] as const) {
    onEveryLanguage(app, `/registers/${register}`, async (c) => {
      // An empty form field (no date chosen) means "not set", not an invalid value.
      const given = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));
      const parsed = pageQuery.safeParse(given);
      if (!parsed.success) throw parsed.error;
      const q = parsed.data;
      const page = pageOf(c);
      const { t } = page;
      const result = await listRegister(
        c.get('ctx'),
        register,
        registerQuerySchema.parse({ q: q.q, outcome: q.outcome, eurAce: q.eurAce, asOf: q.asOf, limit: PAGE_SIZE, offset: (q.page - 1) * PAGE_SIZE }),
      );
      const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
      const title = t(`ui.accreditationPublic.register${register}`);
      const apiQuery = new URL(c.req.url).search;
      return c.html(
        <Layout page={page} title={title} apiHref={`/api/registers/${register}${apiQuery}`}>
          <h1>{title}</h1>
          <Filters page={page} register={register} q={q} />
          <div class="list-actions">
            <DownloadLinks
              page={page}
              register={`register-${register}`}
              exportPath={`/api/registers/${register}/export`}
              query={{ q: q.q, outcome: q.outcome, eurAce: q.eurAce, asOf: q.asOf }}
            />
          </div>
          {result.items.length === 0 ? <p>{t('ui.accreditationPublic.empty')}</p> : null}
          {result.items.length ? (
            <table tabindex={0}>
              <caption>{t('ui.accreditationPublic.found', { count: result.total, formatted: page.number(result.total) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{register === 3 ? t('ui.accreditationPublic.programme') : t('ui.accreditationPublic.organization')}</th>
                  {register === 3 ? <th scope="col">{t('ui.accreditationPublic.organization')}</th> : null}
                  <th scope="col">{t('ui.accreditationPublic.body')}</th>
                  <th scope="col">{t('ui.accreditationPublic.outcome')}</th>
                  <th scope="col">{t('ui.accreditationPublic.validity')}</th>
                  <th scope="col">{t('ui.accreditationPublic.status')}</th>
                  <th scope="col">{t('ui.accreditationPublic.certificate')}</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((e) => (
                  <tr>
                    <th scope="row">
                      {e.programme ? (
                        <a href={page.href(`/programmes/${e.programme.id}`)}>
                          {e.programme.code} <Name page={page} map={e.programme.name} />
                        </a>
                      ) : (
                        <a href={page.href(`/organizations/${e.organization.id}`)}>
                          <Name page={page} map={e.organization.name} />
                        </a>
                      )}
                      <BadgeList page={page} badges={e.badges} />
                    </th>
                    {register === 3 ? (
                      <td>
                        <a href={page.href(`/organizations/${e.organization.id}`)}>
                          <Name page={page} map={e.organization.name} />
                        </a>
                      </td>
                    ) : null}
                    <td>{e.body.shortName ?? <Name page={page} map={e.body.name} />}</td>
                    <td>
                      <a href={page.href(`/accreditation/decisions/${e.decisionId}`)}>
                        {outcomeLabel(page, e.outcome)}
                        {e.termYears ? `, ${termLabel(page, e.termYears)}` : ''}
                      </a>
                    </td>
                    <td>
                      <ValidRange page={page} from={e.validFrom} to={e.validTo} />
                    </td>
                    <td>{decisionStatusLabel(page, e.status)}</td>
                    <td>{e.certificateNumber ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {pages > 1 ? (
            <nav class="pager" aria-label={t('ui.page', { page: q.page, pages })}>
              {q.page > 1 ? <a href={registerHref(page, register, q, { page: q.page - 1 })}>{t('ui.previous')}</a> : null}
              <span>{t('ui.page', { page: q.page, pages })}</span>
              {q.page < pages ? <a href={registerHref(page, register, q, { page: q.page + 1 })}>{t('ui.next')}</a> : null}
            </nav>
          ) : null}
        </Layout>,
      );
    });
  }
}
