// The parts of an import's preview and result pages: the counts, every problem with its row and
// column, and the rows with what the import does to each.
import type { ImportOutcome } from '../../interop/import-run.ts';
import type { Page } from '../page.ts';

/** A preview of a large file shows this many rows; the counts and the problems are always complete. */
export const ROWS_SHOWN = 500;

export function OutcomeCounts(props: { page: Page; outcome: ImportOutcome }) {
  const { page, outcome } = props;
  const { t } = page;
  const invalid = new Set(outcome.problems.map((p) => p.row)).size;
  const entries: [string, number][] = [
    [t('ui.imports.total'), outcome.total],
    [t('ui.imports.action.create'), outcome.create],
    [t('ui.imports.action.update'), outcome.update],
    [t('ui.imports.action.unchanged'), outcome.unchanged],
    [t('ui.imports.withProblems'), invalid],
  ];
  return (
    <dl class="fields">
      {entries.map(([label, n]) => (
        <>
          <dt>{label}</dt>
          <dd>{page.number(n)}</dd>
        </>
      ))}
    </dl>
  );
}

export function OutcomeProblems(props: { page: Page; outcome: ImportOutcome }) {
  const { page, outcome } = props;
  const { t } = page;
  if (!outcome.problems.length) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      <h2>{t('ui.imports.problemsTitle', { count: outcome.problems.length })}</h2>
      <p>{t('ui.imports.problemsText')}</p>
      <table tabindex={0}>
        <caption>{t('ui.imports.problemsTitle', { count: outcome.problems.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ui.imports.row')}</th>
            <th scope="col">{t('ui.imports.column')}</th>
            <th scope="col">{t('ui.imports.message')}</th>
          </tr>
        </thead>
        <tbody>
          {outcome.problems.map((p) => (
            <tr>
              <th scope="row">{p.row}</th>
              <td>{p.column ?? '—'}</td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OutcomeRows(props: { page: Page; outcome: ImportOutcome }) {
  const { page, outcome } = props;
  const { t } = page;
  const shown = outcome.rows.slice(0, ROWS_SHOWN);
  return (
    <section aria-labelledby="import-rows">
      <h2 id="import-rows">{t('ui.imports.rowsTitle')}</h2>
      {outcome.rows.length > shown.length ? <p>{t('ui.imports.rowsCut', { shown: page.number(shown.length), total: page.number(outcome.rows.length) })}</p> : null}
      <table tabindex={0}>
        <caption>{t('ui.imports.rowsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ui.imports.row')}</th>
            <th scope="col">{t('ui.imports.key')}</th>
            <th scope="col">{t('ui.imports.actionHeading')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr>
              <th scope="row">{r.row}</th>
              <td>{r.key.replaceAll('|', ' · ')}</td>
              <td>{t(`ui.imports.action.${r.action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
