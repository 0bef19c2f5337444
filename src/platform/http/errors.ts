// One handler turns every error into problem+json (API) or a plain localized page; 500s hide internals.
// The page is drawn by a renderer the app hands in (src/app.ts): platform has no pages of its own.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { AppError, validationFailed } from '../errors.ts';
import { DEFAULT_LANG, negotiateLang } from '../i18n/i18n.ts';
import type { AppEnv } from './env.ts';
import { problemOfDatabaseError } from './database-errors.ts';
import { problemFor } from './problem.ts';
import { fieldIssuesFromZod } from './zod-issues.ts';

function asAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return validationFailed(fieldIssuesFromZod(error));
  if (error instanceof HTTPException && error.status < 500) {
    const key = /json/i.test(error.message) ? 'errors.invalidJson' : 'errors.field.invalid';
    return new AppError('bad_request', error.status, key, { params: { message: error.message } });
  }
  return problemOfDatabaseError(error);
}

/** Draws the HTML page of an error (outside /api). */
export type ErrorPageRenderer = (c: Context<AppEnv>, error: AppError, requestId: string | null) => Response | Promise<Response>;

export type ErrorHandlers = {
  renderError(error: unknown, c: Context<AppEnv>): Response | Promise<Response>;
  routeNotFound(c: Context<AppEnv>): Response | Promise<Response>;
};

/** The app's onError and notFound handlers, with HTML errors drawn by `renderErrorPage`. */
export function errorHandlers(renderErrorPage: ErrorPageRenderer): ErrorHandlers {
  const renderError = (error: unknown, c: Context<AppEnv>) => renderErrorWith(renderErrorPage, error, c);
  return {
    renderError,
    routeNotFound: (c) => renderError(new AppError('not_found', 404, 'errors.routeNotFound', { params: { path: c.req.path } }), c),
  };
}

function renderErrorWith(renderErrorPage: ErrorPageRenderer, error: unknown, c: Context<AppEnv>): Response | Promise<Response> {
  const ctx = c.get('ctx');
  const lang = ctx?.lang ?? negotiateLang(c.req.header('accept-language'), DEFAULT_LANG);
  const requestId = c.get('requestId') ?? null;
  const known = asAppError(error);
  const appError = known ?? new AppError('internal', 500, 'errors.internal');
  if (!known) (ctx?.log ?? console).error({ err: error }, 'unhandled error');
  if (!c.req.path.startsWith('/api') && ctx) return renderErrorPage(c, appError, requestId);
  const problem = problemFor(appError, lang, c.req.path, requestId);
  return c.body(JSON.stringify(problem), appError.status as 400, {
    'content-type': 'application/problem+json; charset=utf-8',
    'content-language': lang,
  });
}
