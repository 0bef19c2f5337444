// The signed-in user's notifications: list (newest first, with the unread count) and mark read.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../http/env.ts';
import { jsonContent, writeErrorResponses, writeTx } from '../http/openapi-common.ts';
import { markRead, myNotifications } from './notifications.ts';

const notificationSchema = z
  .object({
    id: z.string(),
    kind: z.string().openapi({ description: 'What happened, e.g. deadline-due, deadline-overdue' }),
    subject: z.string().openapi({ description: 'One line, in the language of the request' }),
    text: z.string(),
    link: z.string().nullable().openapi({ description: 'The workspace page it concerns, without the language prefix' }),
    createdAt: z.string(),
    read: z.boolean(),
  })
  .openapi('Notification');

export function registerNotificationRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/notifications',
      tags: ['Access'],
      summary: 'Your notifications, newest first, with how many are unread',
      request: {
        query: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ description: 'Page size (1–200).' }),
          offset: z.coerce.number().int().min(0).default(0).openapi({ description: 'Items to skip.' }),
        }),
      },
      responses: {
        200: jsonContent(z.object({ items: z.array(notificationSchema), unread: z.number().int(), total: z.number().int() }).openapi('NotificationList'), 'Notifications'),
        ...writeErrorResponses,
      },
    }),
    async (c) => c.json(await myNotifications(c.get('ctx'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/notifications/read',
      tags: ['Access'],
      summary: 'Mark your notifications as read: the listed ones, or all without ids',
      request: { body: { content: { 'application/json': { schema: z.strictObject({ ids: z.array(z.string().uuid()).max(500).optional() }) } }, required: true } },
      responses: { 200: jsonContent(z.object({ marked: z.number().int() }).openapi('NotificationsMarked'), 'How many were marked'), ...writeErrorResponses },
    }),
    async (c) => c.json({ marked: await writeTx(c, (ctx) => markRead(ctx, c.req.valid('json').ids)) }, 200),
  );
}
