// The one error type of Sapa. Stable codes; messages are catalog keys resolved per language.
export type ErrorCode =
  | 'validation_failed'
  | 'unknown_reference'
  | 'not_found'
  | 'unauthenticated'
  | 'forbidden'
  | 'conflict'
  | 'duplicate'
  | 'invalid_transition'
  | 'contradiction'
  | 'bad_request'
  | 'precondition_failed'
  | 'payload_too_large'
  | 'too_many_requests'
  | 'internal';

/** One problem with one field (or row): `path` locates it, `messageKey` explains it. */
export type FieldIssue = {
  path: string;
  messageKey: string;
  params?: Record<string, string | number>;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly messageKey: string;
  readonly details: { issues?: FieldIssue[]; params?: Record<string, string | number>; extra?: Record<string, unknown> };

  constructor(
    code: ErrorCode,
    status: number,
    messageKey: string,
    details: AppError['details'] = {},
  ) {
    super(`${code}: ${messageKey}`);
    this.code = code;
    this.status = status;
    this.messageKey = messageKey;
    this.details = details;
  }
}

export const notFound = (entity: string, id: string) =>
  new AppError('not_found', 404, 'errors.notFound', { params: { entity, id } });

export const forbidden = (action: string) =>
  new AppError('forbidden', 403, 'errors.forbidden', { params: { action } });

export const unauthenticated = () => new AppError('unauthenticated', 401, 'errors.unauthenticated');

export const validationFailed = (issues: FieldIssue[]) =>
  new AppError('validation_failed', 422, 'errors.validationFailed', { issues });

export const unknownReferences = (issues: FieldIssue[]) =>
  new AppError('unknown_reference', 422, 'errors.unknownReference', { issues });

export const conflict = (messageKey: string, params?: Record<string, string | number>, extra?: Record<string, unknown>) =>
  new AppError('conflict', 409, messageKey, { params, extra });
