// The authority's risk view in the workspace (issue 16): the latest score of each organization,
// highest first, filtered by risk level and QA level, each factor shown with its points; scoring
// now; and one organization's score history, each score with the rule it was computed with.
import type { Context } from 'hono';
import { QA_LEVELS } from '../../oversight/internal-qa.rules.ts';
import { type RiskView, assessRisk, riskHistory, riskList } from '../../oversight/risk.service.ts';
import { canEverywhere } from '../../platform/access/roles.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { organizationNames } from '../../registry/organization.service.ts';
import { formAction, formFields } from '../form-action.ts';
import { Layout } from '../layout.tsx';
import { DataTable } from '../record-parts.tsx';
import { LANG_ROUTE, type Page, langOf, pageOf } from '../page.ts';
import { Select, accountOf } from '../workspace/forms.tsx';
import { deniedPage, signInFirst } from '../workspace/workspace.page.tsx';

const LEVELS = ['high', 'medium', 'low'] as const;

function Factors(props: { page: Page; r: RiskView }) {
  const { page, r } = props;
  const { t } = page;
  return (
    <ul>
      {r.factors
        .filter((f) => f.points > 0)
        .map((f) => (
          <li>
            {t(`ui.risk.factor.${f.factor}`)}: {typeof f.value === 'number' ? page.number(f.value) : ''} (+{page.number(f.points)})
          </li>
        ))}
    </ul>
  );
}

async function riskListPage(c: Context<AppEnv>) {
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  if (!canEverywhere(ctx.actor, 'internal-qa.review')) return deniedPage(c);
  const level = LEVELS.find((l) => l === (c.req.query('level') ?? 'high'));
  const qaLevel = QA_LEVELS.find((l) => l === c.req.query('qaLevel'));
  const items = await riskList(ctx, { level, qaLevel });
  const names = await organizationNames(ctx, items.map((i) => i.organizationId));
  const title = t('ui.risk.title');
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      <p>{t('ui.risk.intro')}</p>
      {c.req.query('done') ? <p role="status">{t(c.req.query('done') === 'rule' ? 'ui.riskRule.saved' : 'ui.risk.assessed')}</p> : null}
      <p>
        <a href={page.href('/workspace/risk/rule')}>{t('ui.riskRule.edit')}</a>
      </p>
      <form method="post" action={page.href('/workspace/risk/assess')}>
        <button type="submit">{t('ui.risk.assess')}</button>
      </form>
      <form method="get" action={page.href('/workspace/risk')} class="filters">
        <Select page={page} path="level" label={t('ui.risk.level')} value={level ?? ''} empty={t('ui.risk.anyLevel')} options={LEVELS.map((l) => [l, t(`ui.risk.levels.${l}`)])} />
        <Select page={page} path="qaLevel" label={t('ui.internalQa.level.label')} value={qaLevel ?? ''} empty={t('ui.risk.anyQaLevel')} options={QA_LEVELS.map((l) => [l, t(`ui.internalQa.level.${l}`)])} />
        <button type="submit">{t('ui.internalQa.filter')}</button>
      </form>
      {items.length ? (
        <DataTable
          caption={title}
          columns={[t('ui.internalQa.organization'), t('ui.risk.score'), t('ui.risk.level'), t('ui.risk.factors'), t('ui.risk.assessedOn')]}
          items={items}
          row={(r) => (
            <tr>
              <td>
                <a href={page.href(`/workspace/risk/${r.organizationId}`)}>{names[r.organizationId] ? page.text(names[r.organizationId] as { kk: string; ru: string; en: string | null }).text : r.organizationId}</a>
              </td>
              <td>{page.number(r.score)}</td>
              <td>{t(`ui.risk.levels.${r.level}`)}</td>
              <td>
                <Factors page={page} r={r} />
              </td>
              <td>{page.date(r.assessedOn)}</td>
            </tr>
          )}
        />
      ) : (
        <p>{t('ui.risk.none')}</p>
      )}
    </Layout>,
  );
}

async function riskHistoryPage(c: Context<AppEnv>, organizationId: string) {
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  if (!canEverywhere(ctx.actor, 'internal-qa.review')) return deniedPage(c);
  const items = await riskHistory(ctx, organizationId);
  const name = (await organizationNames(ctx, [organizationId]))[organizationId];
  const title = t('ui.risk.historyTitle', { organization: name ? page.text(name).text : organizationId });
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      <p>
        <a href={page.href('/workspace/risk')}>{t('ui.risk.back')}</a>
      </p>
      {items.length ? (
        <DataTable
          caption={title}
          columns={[t('ui.risk.assessedOn'), t('ui.risk.score'), t('ui.risk.level'), t('ui.risk.factors'), t('ui.risk.rule')]}
          items={items}
          row={(r) => (
            <tr>
              <td>{page.date(r.assessedOn)}</td>
              <td>{page.number(r.score)}</td>
              <td>{t(`ui.risk.levels.${r.level}`)}</td>
              <td>
                <Factors page={page} r={r} />
              </td>
              <td>{t('ui.risk.ruleSummary', { medium: r.rule.thresholds.medium, high: r.rule.thresholds.high, cap: r.rule.cap })}</td>
            </tr>
          )}
        />
      ) : (
        <p>{t('ui.risk.none')}</p>
      )}
    </Layout>,
  );
}

export function registerRiskPages(app: Api): void {
  const base = `${LANG_ROUTE}/workspace/risk`;
  app.get(base, async (c) => signInFirst(c) ?? riskListPage(c));
  app.get(`${base}/:organizationId{[0-9a-fA-F-]{36}}`, async (c) => signInFirst(c) ?? riskHistoryPage(c, c.req.param('organizationId')));
  app.post(`${base}/assess`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    return formAction(c, {
      schema: formFields,
      input: {},
      run: (ctx) => assessRisk(ctx),
      problemOf: () => null,
      refused: () => riskListPage(c),
      done: () => `/${langOf(c)}/workspace/risk?done=1`,
    });
  });
}

