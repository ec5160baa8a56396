/** Error codes of REST.md with their HTTP statuses; the single source for every surface. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_CONTENT: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

export const STATUS_TO_CODE: Record<number, ErrorCode> = Object.fromEntries(
  Object.entries(ERROR_STATUS).map(([code, status]) => [status, code as ErrorCode]),
);

export type ErrorReason =
  | 'DUPLICATE_EXTERNAL_ID'
  | 'ANALYTICS_ERROR'
  | 'SUPPRESSED'
  | 'SEGMENT_LIMIT'
  | 'FIELD_NOT_ARRAY'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'IDEMPOTENCY_KEY_IN_FLIGHT'
  | 'INVALID_CREDENTIALS'
  | 'LAST_OWNER';

export interface ErrorIssue {
  path: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  issues?: ErrorIssue[];
  reason?: ErrorReason;
}

/** The one error type domain code throws; the API layer turns it into REST.md's body. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly reason?: ErrorReason;
  readonly issues?: ErrorIssue[];

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; reason?: ErrorReason; issues?: ErrorIssue[] } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.reason = options.reason;
    this.issues = options.issues;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Dotted path from the request root, as REST.md's `issues[].path`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => String(p)).join('.');
}
