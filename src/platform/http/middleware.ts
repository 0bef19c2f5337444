// Request id, language, actor and the service context for every request.
import { randomUUID } from 'node:crypto';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { actorFor } from '../auth/auth.service.ts';
import { unauthenticated } from '../errors.ts';
import { isLang, negotiateLang } from '../i18n/i18n.ts';
import type { AppDeps, AppEnv } from './env.ts';
import { databaseFor, rememberWrite } from './read-routing.ts';

export const SESSION_COOKIE = 'sapa_session';

export const contextMiddleware = (deps: AppDeps) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    c.header('x-request-id', requestId);
    const queryLang = c.req.query('lang');
    // Pages carry their language in the path (/kk/…); the API negotiates it.
    const pathLang = /^\/(kk|ru|en)(?=\/|$)/.exec(c.req.path)?.[1];
    const lang = pathLang && isLang(pathLang) ? pathLang : isLang(queryLang) && !c.req.path.startsWith('/api/search') ? queryLang : negotiateLang(c.req.header('accept-language'));
    const authorization = c.req.header('authorization');
    const bearer = authorization?.toLowerCase().startsWith('bearer ') ? authorization.slice(7).trim() : undefined;
    const actor = await actorFor({ db: deps.db }, { bearer, session: getCookie(c, SESSION_COOKIE) });
    const log = deps.log.child({ requestId });
    c.set('requestId', requestId);
    c.set('deps', deps);
    c.set('ctx', { db: databaseFor(c, deps.db, deps.replicas), actor, lang, log, requestId });
    const started = performance.now();
    await next();
    await rememberWrite(c, deps.replicas, deps.config.PUBLIC_URL.startsWith('https:'));
    log.debug({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  });

/** Writes that anyone may make (signing in, later: verifying a credential). */
// POST /api/verify only reads: anyone may verify a credential.
const PUBLIC_WRITES = new Set(['/api/auth/sign-in', '/api/auth/sign-out', '/api/verify']);

/**
 * Permission first: an anonymous write is refused before its body is even validated, so a
 * caller without credentials learns nothing about the shape of the data.
 */
export const signedInForWrites = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const write = !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method);
    if (write && c.req.path.startsWith('/api/') && !PUBLIC_WRITES.has(c.req.path) && c.get('ctx').actor.kind === 'anonymous') {
      throw unauthenticated();
    }
    await next();
  });
