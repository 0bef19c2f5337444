// A constraint or data error raised by PostgreSQL is the client's mistake, not the server's: it is
// answered as a 409 (a duplicate) or a 422/400 problem, naming the field where PostgreSQL does.
// Services check what they can first; this is the net under every write (and PGlite alike).
import { AppError, type FieldIssue } from '../errors.ts';

type PgError = { code: string; detail?: string; column?: string; constraint?: string };

const isPgError = (error: unknown): error is PgError =>
  typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' && /^[0-9A-Z]{5}$/.test((error as { code: string }).code);

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The fields a PostgreSQL error names: "Key (organization_id, code)=(…)" or its column. */
function fieldsOf(error: PgError): string[] {
  const key = /Key \(([^)]+)\)=/.exec(error.detail ?? '')?.[1];
  if (key) return key.split(',').map((c) => camel(c.trim().replace(/^lower\((.*)\)$/, '$1')));
  return error.column ? [camel(error.column)] : [];
}

const issues = (error: PgError, messageKey: string): FieldIssue[] => {
  const fields = fieldsOf(error);
  return (fields.length ? fields : ['']).map((path) => ({ path, messageKey }));
};

/** The problem a PostgreSQL error stands for, or null for a fault of the server. */
export function problemOfDatabaseError(error: unknown): AppError | null {
  if (!isPgError(error)) return null;
  switch (error.code) {
    case '23505': // unique_violation
      return new AppError('duplicate', 409, 'errors.security.duplicateValue', { issues: issues(error, 'errors.security.taken') });
    case '23503': // foreign_key_violation
      return new AppError('unknown_reference', 422, 'errors.unknownReference', { issues: issues(error, 'errors.security.unknownOrInUse') });
    case '23502': // not_null_violation
    case '23514': // check_violation
    case '23P01': // exclusion_violation
      return new AppError('validation_failed', 422, 'errors.validationFailed', { issues: issues(error, 'errors.field.invalid') });
    case '22001': // string_data_right_truncation
    case '54000': // program_limit_exceeded: an index row too large
      return new AppError('validation_failed', 422, 'errors.validationFailed', { issues: issues(error, 'errors.security.valueTooLong') });
    case '22P02': // invalid_text_representation
    case '22P05': // untranslatable_character (\u0000 in jsonb)
    case '22021': // character_not_in_repertoire (NUL in text)
    case '22007': // invalid_datetime_format
    case '22008': // datetime_field_overflow
    case '22003': // numeric_value_out_of_range
    case '2201B': // invalid_regular_expression
    case '22025': // invalid_escape_sequence
      return new AppError('bad_request', 400, 'errors.security.badInput', { issues: issues(error, 'errors.security.badValue') });
    default:
      return null;
  }
}
