// The risk rule's edit page (issue 16): the authority changes each factor's points, the cap on
// counted factors and the medium and high thresholds; every refused field shows its own error
// (the API's schema and the service's threshold order); a saved rule re-scores every organization
// at once, so the risk list shows the new scores. Saved through the same service as the API.
import type { Context } from 'hono';
import { riskRuleSchema } from '../../oversight/risk.routes.ts';
import { RISK_FACTORS } from '../../oversight/risk.rules.ts';
import { assessRisk, riskRule, setRiskRule } from '../../oversight/risk.service.ts';
import { canEverywhere } from '../../platform/access/roles.ts';
import type { FieldIssue } from '../../platform/errors.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { formAction } from '../form-action.ts';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, langOf, pageOf } from '../page.ts';
import { ErrorSummary, type FormProblem, type FormValues, TextField, accountOf, formValues, issuesByField, one } from '../workspace/forms.tsx';
import { deniedPage, signInFirst } from '../workspace/workspace.page.tsx';

const POINTS = RISK_FACTORS.map((f) => `points.${f}`);
const FIELDS = [...POINTS, 'cap', 'thresholds.medium', 'thresholds.high'] as const;

/** A whole number as a number; anything else as it came, for the schema to refuse at its field. */
const numberOf = (raw: string): number | string | undefined => (raw === '' ? undefined : /^-?\d+$/.test(raw) ? Number(raw) : raw);

function ruleInput(values: FormValues) {
  return {
    points: Object.fromEntries(RISK_FACTORS.map((f) => [f, numberOf(one(values, `points.${f}`))])),
    cap: numberOf(one(values, 'cap')),
    thresholds: { medium: numberOf(one(values, 'thresholds.medium')), high: numberOf(one(values, 'thresholds.high')) },
  };
}

/** A number field says "a whole number" rather than the schema's type name. */
const forPeople = (issues: FieldIssue[]) => issues.map((i) => (i.messageKey === 'errors.field.typeMismatch' ? { path: i.path, messageKey: 'errors.riskRule.wholeNumber' } : i));

async function rulePage(c: Context<AppEnv>, form: { problem?: FormProblem; values?: FormValues } = {}, status: 200 | 409 | 422 = 200) {
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  if (!canEverywhere(ctx.actor, 'internal-qa.review')) return deniedPage(c);
  const rule = await riskRule(ctx);
  const byField = issuesByField(form.problem?.issues ?? [], FIELDS);
  const labels: Record<string, string> = {
    ...Object.fromEntries(RISK_FACTORS.map((f) => [`points.${f}`, t(`ui.risk.factor.${f}`)])),
    cap: t('ui.riskRule.cap'),
    'thresholds.medium': t('ui.riskRule.medium'),
    'thresholds.high': t('ui.riskRule.high'),
  };
  const value = (path: string, saved: number) => (form.values ? one(form.values, path) : String(saved));
  const number = { min: 0, step: 1, inputmode: 'numeric' };
  const title = t('ui.riskRule.title');
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      <p>
        <a href={page.href('/workspace/risk')}>{t('ui.risk.back')}</a>
      </p>
      <p>{t('ui.riskRule.intro')}</p>
      <form method="post" action={page.href('/workspace/risk/rule')} novalidate>
        <ErrorSummary page={page} problem={form.problem} byField={byField} labels={labels} />
        <fieldset>
          <legend>{t('ui.riskRule.points')}</legend>
          {RISK_FACTORS.map((f) => (
            <TextField page={page} path={`points.${f}`} label={labels[`points.${f}`] ?? f} type="number" extra={number} value={value(`points.${f}`, rule.points[f])} required issues={byField.get(`points.${f}`)} />
          ))}
        </fieldset>
        <TextField page={page} path="cap" label={labels.cap ?? ''} hint={t('ui.riskRule.capHint')} type="number" extra={{ ...number, min: 1 }} value={value('cap', rule.cap)} required issues={byField.get('cap')} />
        <fieldset>
          <legend>{t('ui.riskRule.thresholds')}</legend>
          <TextField page={page} path="thresholds.medium" label={labels['thresholds.medium'] ?? ''} type="number" extra={number} value={value('thresholds.medium', rule.thresholds.medium)} required issues={byField.get('thresholds.medium')} />
          <TextField page={page} path="thresholds.high" label={labels['thresholds.high'] ?? ''} type="number" extra={number} value={value('thresholds.high', rule.thresholds.high)} required issues={byField.get('thresholds.high')} />
        </fieldset>
        <button type="submit">{t('ui.riskRule.save')}</button>
      </form>
    </Layout>,
    status,
  );
}

export function registerRiskRulePages(app: Api): void {
  const path = `${LANG_ROUTE}/workspace/risk/rule`;
  app.get(path, async (c) => signInFirst(c) ?? rulePage(c));
  app.post(path, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const values = await formValues(c);
    return formAction(c, {
      schema: riskRuleSchema,
      input: ruleInput(values),
      schemaIssues: forPeople,
      // The new rule scores every organization today, so the list the authority returns to shows it.
      run: async (ctx, rule) => {
        await setRiskRule(ctx, rule);
        return assessRisk(ctx);
      },
      refused: (problem, status) => rulePage(c, { problem, values }, status),
      done: () => `/${langOf(c)}/workspace/risk?level=&done=rule`,
    });
  });
}
