/**
 * Full recomputes of an environment's stored scores (a settings change, the hourly refresh, the
 * CLI) with their state and progress kept in the database, where the SPA reads them.
 */
import type { TRecomputeStatus } from '@tenure/contract';
import { type DB, type Kysely, scoreQueueQueries } from '@tenure/db';
import { recountSegments } from '../segments/recount';
import type { AnalyticsEngine } from './engine';
import { type RecomputeProgress, recomputeEnvironment } from './refresh';

export type RecomputeReason = TRecomputeStatus['reason'];

/** Where recomputes run: a durable job when a runner is there, else the caller waits for it. */
export interface RecomputeQueue {
  enqueueRecompute(envId: string, reason: RecomputeReason): Promise<void>;
}

/** Records the request, then queues the recompute (or runs it now without a queue). */
export async function requestRecompute(
  db: Kysely<DB>,
  envId: string,
  reason: RecomputeReason,
  queue: RecomputeQueue | null,
  inline: { engine?: AnalyticsEngine; onProgress?: (p: RecomputeProgress) => void } = {},
): Promise<TRecomputeStatus> {
  await scoreQueueQueries.requestRecompute(db, envId, reason, new Date());
  if (queue) await queue.enqueueRecompute(envId, reason);
  else await runRecompute(db, envId, inline);
  return (await recomputeStatus(db, envId)) as TRecomputeStatus;
}

/**
 * Runs the environment's recompute, keeping its row up to date chunk by chunk, then recounts its
 * segments; a failure is recorded and rethrown (the job is retried).
 */
export async function runRecompute(
  db: Kysely<DB>,
  envId: string,
  opts: { engine?: AnalyticsEngine; onProgress?: (p: RecomputeProgress) => void } = {},
): Promise<void> {
  await scoreQueueQueries.updateRecompute(db, envId, { state: 'running', startedAt: new Date(), error: null });
  try {
    const run = await recomputeEnvironment(db, envId, {
      engine: opts.engine,
      onProgress: async (p) => {
        opts.onProgress?.(p);
        await scoreQueueQueries.updateRecompute(db, envId, {
          total: p.total,
          examined: p.examined,
          changed: p.changed,
          transitions: p.transitions,
        });
      },
    });
    // Every customer's scores moved as of now (time alone moves windows and `active`): recount
    // every segment for everyone, so memberships follow within the hourly refresh.
    await recountSegments(db, envId, { engine: opts.engine });
    await scoreQueueQueries.updateRecompute(db, envId, {
      state: 'done',
      total: run.examined,
      examined: run.examined,
      changed: run.changed,
      transitions: run.transitions,
      finishedAt: run.finishedAt,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await scoreQueueQueries.updateRecompute(db, envId, { state: 'failed', error: message, finishedAt: new Date() });
    throw error;
  }
}

export async function recomputeStatus(db: Kysely<DB>, envId: string): Promise<TRecomputeStatus | null> {
  const row = await scoreQueueQueries.findRecompute(db, envId);
  if (!row) return null;
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    reason: row.reason,
    state: row.state,
    total: row.total,
    examined: row.examined,
    changed: row.changed,
    transitions: row.transitions,
    error: row.error,
    requestedAt: row.requestedAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
  };
}
