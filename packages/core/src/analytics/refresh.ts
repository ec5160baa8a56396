/**
 * Bringing stored scores up to date: a given set of customers (what a background refresh of
 * touched customers calls), or a whole environment in chunks (settings changes, hourly refresh).
 */
import type { TScoreRefreshResult } from '@tenure/contract';
import type { DB, Kysely } from '@tenure/db';
import { type AnalyticsEngine, createAnalyticsEngine } from './engine';
import { analyticsCall } from './failure';
import { loadAnalyticsSettings, scoreSettings } from './settings';

/** Customers per refresh statement: a few hundred ms of work on PostgreSQL (README "Stored scores"). */
export const REFRESH_CHUNK = 5000;

export interface RefreshTotals {
  examined: number;
  changed: number;
  transitions: number;
}

function add(totals: RefreshTotals, r: TScoreRefreshResult): void {
  totals.examined += r.examined;
  totals.changed += r.changed;
  totals.transitions += r.transitions;
}

/**
 * Recomputes the stored scores of these customers (deleted and unknown ids are skipped) as of
 * `now`, one set-based statement per chunk of REFRESH_CHUNK ids.
 * @example await refreshCustomers(db, envId, touchedIds)
 */
export async function refreshCustomers(
  db: Kysely<DB>,
  envId: string,
  customerIds: string[],
  now: Date = new Date(),
  engine: AnalyticsEngine = createAnalyticsEngine(db),
): Promise<RefreshTotals> {
  const settings = scoreSettings(await loadAnalyticsSettings(db, envId));
  const ids = [...new Set(customerIds)].sort();
  const totals: RefreshTotals = { examined: 0, changed: 0, transitions: 0 };
  for (let i = 0; i < ids.length; i += REFRESH_CHUNK) {
    const customerIds = ids.slice(i, i + REFRESH_CHUNK);
    add(totals, await analyticsCall('score refresh', () => engine.refreshScores({ envId, customerIds, settings, now })));
  }
  return totals;
}

export interface RecomputeProgress extends RefreshTotals {
  /** Live customers when the run started (customers created meanwhile are examined too). */
  total: number;
  /** The last customer id done: a run can resume after it. */
  lastId: string | null;
}

export interface RecomputeOptions {
  onProgress?: (progress: RecomputeProgress) => void | Promise<void>;
  engine?: AnalyticsEngine;
  /** Resume after this customer id (a durable job's checkpoint). */
  afterId?: string | null;
  /** A fixed computation time (tests); by default each chunk is computed as of its own start. */
  now?: Date;
  chunkSize?: number;
}

/**
 * Recomputes every live customer of an environment, chunk by chunk in id order: one set-based
 * statement per chunk, each its own transaction, so a long run never holds many locks and can be
 * resumed from the last id it reported.
 * @example await recomputeEnvironment(db, envId, { onProgress: (p) => log(p.examined, p.total) })
 */
export async function recomputeEnvironment(
  db: Kysely<DB>,
  envId: string,
  options: RecomputeOptions = {},
): Promise<RefreshTotals & { finishedAt: Date }> {
  const engine = options.engine ?? createAnalyticsEngine(db);
  const limit = options.chunkSize ?? REFRESH_CHUNK;
  const all = await loadAnalyticsSettings(db, envId);
  const settings = scoreSettings(all);
  const { total } = await analyticsCall('customer count', () =>
    engine.customerStats({ envId, settings: { activeDays: all.activeDays }, now: options.now ?? new Date() }),
  );
  const progress: RecomputeProgress = { examined: 0, changed: 0, transitions: 0, total, lastId: options.afterId ?? null };
  for (;;) {
    const now = options.now ?? new Date();
    const chunk = await analyticsCall('score recompute', () =>
      engine.refreshScores({ envId, afterId: progress.lastId, limit, settings, now }),
    );
    add(progress, chunk);
    if (chunk.lastId) progress.lastId = chunk.lastId;
    if (chunk.examined > 0) await options.onProgress?.({ ...progress });
    if (chunk.examined < limit) break;
  }
  return { examined: progress.examined, changed: progress.changed, transitions: progress.transitions, finishedAt: new Date() };
}
