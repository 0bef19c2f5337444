// Hono's typed environment: what every handler can read from the request context.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db/database.ts';
import type { ReplicaSet } from '../db/replicas.ts';

/** replicas: PostgreSQL read replicas (DATABASE_REPLICA_URLS), when configured. */
export type AppDeps = { db: Db; config: Config; log: Logger; replicas?: ReplicaSet };

export type AppEnv = { Variables: { ctx: Ctx; requestId: string; deps: AppDeps } };

export type Api = OpenAPIHono<AppEnv>;
