// The "return with a comment" form of a programme, shared by the programme page and the review
// queue (each imports the other's page otherwise, a cycle).
import type { FieldIssue } from '../../platform/errors.ts';
import type { Page } from '../page.ts';
import { FieldErrors, fieldId } from './forms.tsx';

/** Returning a programme needs a comment: the textarea carries its error. */
export function ReturnForm(props: { page: Page; id: string; action: string; back: 'review' | 'programme'; issues?: FieldIssue[]; value?: string }) {
  const { page } = props;
  const { t } = page;
  const path = `comment-${props.id}`;
  const id = fieldId(path);
  const invalid = Boolean(props.issues?.length);
  return (
    <form class="ws" method="post" action={props.action}>
      <input type="hidden" name="action" value="return" />
      <input type="hidden" name="back" value={props.back} />
      <label for={id}>{t('ui.workspace.review.comment')}</label>
      <textarea id={id} name="comment" rows={3} required aria-invalid={invalid ? 'true' : undefined} aria-describedby={invalid ? `${id}-error` : undefined}>
        {props.value ?? ''}
      </textarea>
      <FieldErrors page={page} path={path} issues={props.issues} />
      <p>
        <button type="submit">{t('ui.workspace.action.return')}</button>
      </p>
    </form>
  );
}
