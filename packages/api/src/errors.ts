/**
 * The one place errors become REST.md's body: AppError, TRPCError, zod issues and database
 * errors (unique violations → 409, lost connections → 503) all end as `{ code, message, issues?, reason? }`.
 */
import { TRPCError } from '@trpc/server';
import { AppError, type ErrorBody, type ErrorCode, type ErrorIssue, formatPath } from '@tenure/contract';
import { ZodError } from 'zod';

const TRPC_TO_APP: Record<string, ErrorCode> = {
  PARSE_ERROR: 'BAD_REQUEST',
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_SUPPORTED: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  UNPROCESSABLE_CONTENT: 'UNPROCESSABLE_CONTENT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
};

const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
]);

type DbError = { code?: string; constraint?: string; message?: string };

function isDbError(e: unknown): e is DbError {
  return typeof e === 'object' && e !== null && 'code' in e && typeof (e as DbError).code === 'string';
}

/**
 * A refused, lost or timed-out connection: a SQLSTATE or socket code, or pg's own errors without
 * a code (a pool wait or a connect attempt past connectionTimeoutMillis).
 */
function isConnectionLoss(e: unknown): boolean {
  if (isDbError(e) && CONNECTION_ERRORS.has(e.code ?? '')) return true;
  return e instanceof Error && /timeout exceeded when trying to connect|Connection terminated/i.test(e.message);
}

const unavailable = (cause: unknown) => new AppError('SERVICE_UNAVAILABLE', 'The database is unavailable; retry shortly', { cause });

/** Maps database failures to AppErrors; anything else unknown stays an internal error. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof TRPCError) {
    if (error.cause instanceof AppError) return error.cause;
    if (error.cause instanceof ZodError) return fromZod(error.cause);
    if (error.cause && isDbError(error.cause)) return toAppError(error.cause);
    // pg's connect timeouts carry no code; a procedure that hit one still means "unavailable".
    if (isConnectionLoss(error.cause)) return unavailable(error.cause);
    const code = TRPC_TO_APP[error.code];
    if (code) return new AppError(code, error.code === 'PARSE_ERROR' ? 'Malformed JSON body' : error.message, { cause: error });
    return new AppError('INTERNAL_SERVER_ERROR', 'Internal server error', { cause: error });
  }
  if (error instanceof ZodError) return fromZod(error);
  if (isDbError(error)) {
    if (error.code === '23505') {
      return error.constraint === 'customers_env_external_key'
        ? new AppError('CONFLICT', 'externalId is already used by another customer', { reason: 'DUPLICATE_EXTERNAL_ID', cause: error })
        : new AppError('CONFLICT', 'This resource already exists', { cause: error });
    }
  }
  if (isConnectionLoss(error)) return unavailable(error);
  return new AppError('INTERNAL_SERVER_ERROR', 'Internal server error', { cause: error });
}

export function zodIssues(error: ZodError, prefix: PropertyKey[] = []): ErrorIssue[] {
  return error.issues.map((i) => ({ path: formatPath([...prefix, ...i.path]), message: i.message }));
}

function fromZod(error: ZodError): AppError {
  const issues = zodIssues(error);
  const first = issues[0];
  const message = first ? `Invalid input: ${first.path ? `${first.path}: ` : ''}${first.message}` : 'Invalid input';
  return new AppError('BAD_REQUEST', message, { issues, cause: error });
}

/** REST.md's error body; never a stack, never SQL. */
export function errorBody(error: AppError): ErrorBody {
  const body: ErrorBody = { code: error.code, message: error.message };
  if (error.issues?.length) body.issues = error.issues;
  if (error.reason) body.reason = error.reason;
  return body;
}

export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: error.code, message: error.message, cause: error });
}
