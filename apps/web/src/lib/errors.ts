/** Reading tRPC errors: the code, the message the server wrote, and REST.md's `issues`. */
import { TRPCClientError } from '@trpc/client';

export interface ErrorIssue {
  path: string;
  message: string;
}

interface ErrorData {
  code?: string;
  httpStatus?: number;
  rest?: { code?: string; message?: string; issues?: ErrorIssue[]; reason?: string };
}

function errorData(error: unknown): ErrorData | undefined {
  if (error instanceof TRPCClientError) return (error.data ?? undefined) as ErrorData | undefined;
  return undefined;
}

export function errorCode(error: unknown): string | undefined {
  return errorData(error)?.code;
}

export function isUnauthorized(error: unknown): boolean {
  return errorCode(error) === 'UNAUTHORIZED';
}

/** 4xx errors are answers, not glitches: retrying them only delays the message. */
export function isClientError(error: unknown): boolean {
  const status = errorData(error)?.httpStatus;
  return status !== undefined && status >= 400 && status < 500;
}

export function errorMessage(error: unknown): string {
  // No tRPC error shape: the request never reached the API (offline, proxy or gateway error).
  if (error instanceof TRPCClientError && !error.data) {
    return `Cannot reach the Tenure server (${error.message}). Check your connection and try again.`;
  }
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong';
}

export function errorIssues(error: unknown): ErrorIssue[] {
  return errorData(error)?.rest?.issues ?? [];
}
