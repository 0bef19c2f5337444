// Turns Zod issues into field issues with catalog keys, so every language gets its own message.
import type { z } from 'zod';
import type { FieldIssue } from '../errors.ts';

export function fieldIssuesFromZod(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((issue): FieldIssue => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    const raw = issue as unknown as Record<string, unknown>;
    switch (issue.code) {
      case 'invalid_type':
        // Zod 4 leaves the input out of issues; its message says what it received.
        return raw.input === undefined && /received undefined/.test(issue.message)
          ? { path, messageKey: 'errors.field.required' }
          : { path, messageKey: 'errors.field.typeMismatch', params: { expected: String(raw.expected) } };
      case 'too_small':
        return raw.origin === 'string' || raw.origin === 'array'
          ? { path, messageKey: 'errors.field.tooShort', params: { minimum: String(raw.minimum) } }
          : { path, messageKey: 'errors.field.tooSmall', params: { minimum: String(raw.minimum) } };
      case 'too_big':
        return raw.origin === 'string' || raw.origin === 'array'
          ? { path, messageKey: 'errors.field.tooLong', params: { maximum: String(raw.maximum) } }
          : { path, messageKey: 'errors.field.tooBig', params: { maximum: String(raw.maximum) } };
      case 'invalid_format':
        return { path, messageKey: 'errors.field.format', params: { format: String(raw.format) } };
      case 'invalid_value':
        return { path, messageKey: 'errors.field.oneOf', params: { values: ((raw.values as unknown[]) ?? []).join(', ') } };
      case 'unrecognized_keys':
        return { path, messageKey: 'errors.field.unknownField', params: { key: ((raw.keys as string[]) ?? []).join(', ') } };
      case 'custom': {
        // A refinement that carries its own catalog key and parameters (e.g. the programme code grammar).
        const { messageKey, ...params } = (raw.params ?? {}) as Record<string, string>;
        if (typeof messageKey === 'string') return { path, messageKey, params };
        return { path, messageKey: 'errors.field.invalid', params: { message: issue.message } };
      }
      default:
        return { path, messageKey: 'errors.field.invalid', params: { message: issue.message } };
    }
  });
}
