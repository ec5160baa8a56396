/** The transaction every analytics read runs in: bounded time, no JIT. */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../types';

/**
 * A request-time analytics query never runs longer than this (REST.md "Analytics and reports"):
 * past it PostgreSQL cancels the statement (57014), which the caller answers as ANALYTICS_ERROR.
 */
export const ANALYTICS_STATEMENT_TIMEOUT_MS = 10_000;

/** Planner and executor settings an analytics statement may set for its own transaction. */
export interface AnalyticsSettings {
  /** Memory per hash or sort before it spills, e.g. '64MB'. */
  workMem?: string;
  /** false: the planner avoids sorts (see reports.ts for why one statement needs it). */
  enableSort?: boolean;
}

/**
 * Runs `fn` in a read transaction with a local statement_timeout (set_config, so the value is a
 * parameter) and JIT off: cohort plans over 100k rows cost above jit_above_cost, and compiling
 * them takes longer than running them. Any `settings` are set in the same statement (one round
 * trip). (PGlite runs no timers: the timeout applies on PostgreSQL.)
 */
export function withAnalyticsTransaction<T>(
  db: Kysely<DB>,
  fn: (trx: Transaction<DB>) => Promise<T>,
  timeoutMs: number = ANALYTICS_STATEMENT_TIMEOUT_MS,
  settings: AnalyticsSettings = {},
): Promise<T> {
  const extra = [
    settings.workMem === undefined ? null : sql`, set_config('work_mem', ${settings.workMem}, true)`,
    settings.enableSort === undefined ? null : sql`, set_config('enable_sort', ${settings.enableSort ? 'on' : 'off'}, true)`,
  ].filter((part) => part !== null);
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('statement_timeout', ${String(timeoutMs)}, true), set_config('jit', 'off', true) ${sql.join(extra, sql``)}`.execute(
      trx,
    );
    return fn(trx);
  });
}
