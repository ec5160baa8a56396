/** The transaction every analytics read runs in: bounded time, no JIT. */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../types';

/**
 * A request-time analytics query never runs longer than this (REST.md "Analytics and reports"):
 * past it PostgreSQL cancels the statement (57014), which the caller answers as ANALYTICS_ERROR.
 */
export const ANALYTICS_STATEMENT_TIMEOUT_MS = 10_000;

/**
 * Runs `fn` in a read transaction with a local statement_timeout (set_config, so the value is a
 * parameter) and JIT off: cohort plans over 100k rows cost above jit_above_cost, and compiling
 * them takes longer than running them. (PGlite runs no timers: the timeout applies on PostgreSQL.)
 */
export function withAnalyticsTransaction<T>(
  db: Kysely<DB>,
  fn: (trx: Transaction<DB>) => Promise<T>,
  timeoutMs: number = ANALYTICS_STATEMENT_TIMEOUT_MS,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('statement_timeout', ${String(timeoutMs)}, true), set_config('jit', 'off', true)`.execute(trx);
    return fn(trx);
  });
}
