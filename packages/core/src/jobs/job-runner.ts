/**
 * Durable background work (AUTOMATION.md "Jobs") on pg-boss, in the same database as the data —
 * PostgreSQL or the embedded PGlite, through the database's raw SQL executor. Several server
 * processes share the work: a job is taken by one worker (SKIP LOCKED), a cron schedule fires
 * once per slot across processes, and singleton keys coalesce repeated requests.
 *
 * Queues:
 * - `scores.refresh` (stately per environment: one waiting, one running): drains the customers
 *   writes marked stale. Woken after each write (debounced per process), swept hourly.
 * - `scores.recompute` (stately per environment): every customer, for a settings change or the
 *   CLI; `scores.hourly` (one job per environment per hour, however many sweeps ask): the same, hourly.
 * - `maintenance.hourly` (cron): the sweep above, the purge of expired idempotency records, and on
 *   PGlite (no autovacuum) fresh planner statistics — also taken when a worker process starts.
 */
import { type Database, maintenanceQueries, scoreQueueQueries } from '@tenure/db';
import PgBoss from 'pg-boss';
import { z } from 'zod';
import { drainStaleScores, onScoresStale } from '../analytics/freshness';
import { type RecomputeQueue, type RecomputeReason, runRecompute } from '../analytics/recompute';
import { purgeExpiredIdempotencyKeys } from '../idempotency';

const REFRESH = 'scores.refresh';
const RECOMPUTE = 'scores.recompute';
const HOURLY = 'scores.hourly';
const MAINTENANCE = 'maintenance.hourly';

/** Concurrent score refreshes per process (PostgreSQL). */
const REFRESH_WORKERS = 3;

/** Concurrent hourly recomputes per process (each a set-based statement per chunk). */
const HOURLY_WORKERS = 2;

/** Stale customers from which a drain on PGlite first refreshes the planner's statistics. */
const BULK_MARKS = 1000;

/** How long a burst of writes to one environment is gathered into one wake-up. */
const WAKE_DEBOUNCE_MS = 100;

export interface JobRunnerOptions {
  /** Take jobs in this process (a server); false only sends (a CLI, a test of the queue). */
  work: boolean;
  /** How often an idle worker looks for jobs (pg-boss polls; ≥ 0.5 s). */
  pollingIntervalSeconds?: number;
  log?: { warn(obj: object, msg: string): void };
}

export interface JobRunner extends RecomputeQueue {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The hourly sweep (the cron's handler): every environment recomputed once this hour, stale marks drained. */
  sweep(): Promise<void>;
}

/** Job data is checked when a job runs: a malformed job fails loudly (and is retried) instead of doing nothing. */
const ZEnvJob = z.object({ envId: z.string().min(1) });
type EnvJob = z.infer<typeof ZEnvJob>;
type RecomputeJob = EnvJob & { reason: RecomputeReason };

export function createJobRunner(database: Pick<Database, 'db' | 'rawSql' | 'driver'>, opts: JobRunnerOptions): JobRunner {
  const { db } = database;
  const boss = new PgBoss({
    db: { executeSql: (text, values) => database.rawSql.executeSql(text, values) },
    schema: 'pgboss',
    // Finished jobs are kept a day for inspection, then deleted.
    archiveCompletedAfterSeconds: 3600,
    deleteAfterDays: 1,
  });
  boss.on('error', (error) => opts.log?.warn({ err: error }, 'job queue error'));
  const polling = { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 0.5 };
  // PGlite runs each statement on the server's own thread: smaller chunks keep requests flowing.
  const drainChunk = database.driver === 'pglite' ? 500 : undefined;
  const wakeTimers = new Map<string, NodeJS.Timeout>();
  let unsubscribe: (() => void) | null = null;

  const refreshWorkers: string[] = [];
  let analyzedAt = 0;
  // Before each drain, give the planner current statistics if writes outran them (a fresh
  // database filling up: autovacuum needs minutes, and with statistics of a tenth of the rows the
  // drain's statements picked the environment-wide event index and ran 25–100× slower).
  // PostgreSQL: one catalog query, and an ANALYZE of the tables that changed by a fifth. PGlite
  // keeps no change counts and analyzes everything: only before a large drain, at most once a minute.
  const freshStatistics = async (envId: string) => {
    if (database.driver === 'postgres') {
      await maintenanceQueries.analyzeChangedTables(db, 'postgres');
      return;
    }
    if (Date.now() - analyzedAt < 60_000 || (await scoreQueueQueries.staleBacklog(db, envId)).count < BULK_MARKS) return;
    analyzedAt = Date.now();
    await maintenanceQueries.analyzeChangedTables(db, 'pglite');
  };
  // Queue the environment's refresh, and wake this process's refresh workers at once rather than at
  // its next poll (other processes' workers find it when they poll).
  const wake = async (envId: string) => {
    try {
      await boss.send(REFRESH, { envId }, { singletonKey: envId });
      for (const id of refreshWorkers) boss.notifyWorker(id);
    } catch (error) {
      opts.log?.warn({ err: error, envId }, 'score refresh not queued');
    }
  };

  const runner: JobRunner = {
    async start() {
      await boss.start();
      await boss.createQueue(REFRESH, { name: REFRESH, policy: 'stately', retryLimit: 5, retryDelay: 5 });
      await boss.createQueue(RECOMPUTE, { name: RECOMPUTE, policy: 'stately', retryLimit: 3, retryDelay: 30, expireInHours: 2 });
      await boss.createQueue(HOURLY, { name: HOURLY, policy: 'standard', retryLimit: 3, retryDelay: 60, expireInHours: 2 });
      await boss.createQueue(MAINTENANCE, { name: MAINTENANCE, policy: 'standard', retryLimit: 2 });
      if (!opts.work) return;
      if (database.driver === 'pglite') await maintenanceQueries.analyzeTables(db);
      await boss.schedule(MAINTENANCE, '0 * * * *', {}, { tz: 'UTC' });
      // Several workers, so a backlog of environments (a restart after writes nobody drained)
      // does not queue one environment's refresh behind all the others. PGlite runs one
      // statement at a time: one worker there.
      for (let i = 0; i < (database.driver === 'pglite' ? 1 : REFRESH_WORKERS); i++) {
        const id = await boss.work<EnvJob>(REFRESH, polling, async ([job]) => {
          if (!job) return;
          const { envId } = ZEnvJob.parse(job.data);
          await freshStatistics(envId);
          await drainStaleScores(db, envId, { chunkSize: drainChunk });
        });
        refreshWorkers.push(id);
      }
      await boss.work<RecomputeJob>(RECOMPUTE, polling, async ([job]) => {
        if (job) await runRecompute(db, ZEnvJob.parse(job.data).envId);
      });
      // The hourly sweep queues one job per environment: a few workers per process share them.
      for (let i = 0; i < HOURLY_WORKERS; i++) {
        await boss.work<RecomputeJob>(HOURLY, polling, async ([job]) => {
          if (!job) return;
          const { envId } = ZEnvJob.parse(job.data);
          await scoreQueueQueries.requestRecompute(db, envId, 'hourly', new Date());
          await runRecompute(db, envId);
        });
      }
      await boss.work(MAINTENANCE, polling, () => runner.sweep());
      // Writes made while no runner listened (CLI, a restart) left marks: drain them now.
      for (const envId of await scoreQueueQueries.environmentsWithStale(db)) await wake(envId);
      unsubscribe = onScoresStale(db, (envId) => {
        if (wakeTimers.has(envId)) return;
        wakeTimers.set(
          envId,
          setTimeout(() => {
            wakeTimers.delete(envId);
            void wake(envId);
          }, WAKE_DEBOUNCE_MS),
        );
      });
    },

    async stop() {
      unsubscribe?.();
      for (const timer of wakeTimers.values()) clearTimeout(timer);
      wakeTimers.clear();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },

    async enqueueRecompute(envId, reason) {
      await boss.send(RECOMPUTE, { envId, reason }, { singletonKey: envId });
    },

    async sweep() {
      for (const envId of await scoreQueueQueries.listEnvironmentIds(db)) {
        // One per environment per hour, however many processes sweep (a unique singleton slot).
        await boss.send(HOURLY, { envId, reason: 'hourly' }, { singletonKey: envId, singletonHours: 1 });
      }
      for (const envId of await scoreQueueQueries.environmentsWithStale(db)) await wake(envId);
      await purgeExpiredIdempotencyKeys(db);
      // PGlite runs no autovacuum: keep the planner's statistics current by hand.
      if (database.driver === 'pglite') await maintenanceQueries.analyzeTables(db);
    },
  };
  return runner;
}
