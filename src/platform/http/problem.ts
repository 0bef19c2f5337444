// RFC 9457 problem+json from an AppError, localized.
import type { AppError } from '../errors.ts';
import { type Lang, translator } from '../i18n/i18n.ts';

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId: string | null;
  errors?: { path: string; message: string; key: string }[];
  [extra: string]: unknown;
};

export function problemFor(error: AppError, lang: Lang, instance: string, requestId: string | null): Problem {
  const t = translator(lang);
  const issues = error.details.issues ?? [];
  const problem: Problem = {
    type: `urn:sapa:problem:${error.code}`,
    title: t(`errors.title.${error.code}`),
    status: error.status,
    detail: t(error.messageKey, { ...error.details.params, count: issues.length, requestId: requestId ?? '-' }),
    instance,
    code: error.code,
    requestId,
    ...error.details.extra,
  };
  if (issues.length) {
    problem.errors = issues.map((i) => ({ path: i.path, key: i.messageKey, message: t(i.messageKey, i.params) }));
  }
  return problem;
}
