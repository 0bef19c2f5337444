// Relationship proposals on the workspace organization page: what waits for this organization's
// answer (confirm or decline, each a form that works without JavaScript) and what it proposed and
// waits for the other organization. Public pages show a relationship only once both agreed.
import type { Context } from 'hono';
import { z } from 'zod';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { answerProposal, relationshipProposals } from '../../registry/relationship.service.ts';
import { formAction } from '../form-action.ts';
import { LANG_ROUTE, type Page, langOf } from '../page.ts';
import { type FormProblem, formValues, one } from './forms.tsx';

type Proposal = Awaited<ReturnType<typeof relationshipProposals>>[number];

export const proposalsOf = (c: Context<AppEnv>, organizationId: string) => relationshipProposals(c.get('ctx'), organizationId);

export function RelationshipProposals(props: { page: Page; organizationId: string; proposals: Proposal[] }) {
  const { page, proposals } = props;
  const { t } = page;
  const caption = t('ui.relationshipProposals.title');
  return (
    <section aria-labelledby="relationship-proposals">
      <h2 id="relationship-proposals">{caption}</h2>
      <p>{t('ui.relationshipProposals.intro')}</p>
      {proposals.length ? (
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ui.relationshipProposals.relationship')}</th>
              <th scope="col">{t('ui.relationshipProposals.organization')}</th>
              <th scope="col">{t('ui.relationshipProposals.from')}</th>
              <th scope="col">{t('ui.relationshipProposals.answer')}</th>
            </tr>
          </thead>
          <tbody>
            {proposals.map((p) => {
              const relationship = t(`ui.portal.relationship.${p.type}.${p.direction}`, { defaultValue: p.type });
              const other = page.text(p.otherName).text;
              return (
                <tr>
                  <td>{relationship}</td>
                  <td>{other}</td>
                  <td>{p.effectiveOn ? page.date(p.effectiveOn) : '—'}</td>
                  <td>
                    {p.awaitsAnswer
                      ? (['confirm', 'decline'] as const).map((answer) => (
                          <form method="post" action={page.href(`/workspace/organization/relationships/${p.id}/${answer}`)}>
                            <input type="hidden" name="organization" value={props.organizationId} />
                            <button type="submit" aria-label={t(`ui.relationshipProposals.${answer}Named`, { relationship, organization: other })}>
                              {t(`ui.relationshipProposals.${answer}`)}
                            </button>
                          </form>
                        ))
                      : t('ui.relationshipProposals.awaitingOther')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p>{t('ui.relationshipProposals.none')}</p>
      )}
    </section>
  );
}

const answerSchema = z.object({ organization: z.string().uuid(), relationshipId: z.string().uuid() });

/** The answer forms; a refusal (the graph changed meanwhile, already answered) re-renders the organization page with it. */
export function registerRelationshipProposalPages(
  app: Api,
  organizationPage: (c: Context<AppEnv>, organizationId: string, problem: FormProblem) => Promise<Response>,
  signInFirst: (c: Context<AppEnv>) => Response | null,
): void {
  for (const answer of ['confirm', 'decline'] as const) {
    app.post(`${LANG_ROUTE}/workspace/organization/relationships/:id/${answer}`, async (c) => {
      const away = signInFirst(c);
      if (away) return away;
      const values = await formValues(c);
      const organization = one(values, 'organization');
      return formAction(c, {
        schema: answerSchema,
        input: { organization, relationshipId: c.req.param('id') },
        run: (ctx, input) => answerProposal(ctx, input.organization, input.relationshipId, answer),
        // The refusal is about the relationship, not a field of the page's form: shown as its message.
        refused: (problem) => {
          const first = problem.issues[0];
          return organizationPage(c, organization, { issues: [], message: first ? { key: first.messageKey, params: first.params } : problem.message });
        },
        done: () => `/${langOf(c)}/workspace/organization?organization=${organization}`,
      });
    });
  }
}
