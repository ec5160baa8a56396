/**
 * Keeping stored scores fresh (REST.md "Freshness"). Writes mark the customers they make stale in
 * their own transaction (the db layer does it in the same statements), then call
 * `notifyScoresStale` once committed; whoever runs the background refresh for that database (the
 * jobs runner of a server process) listens and wakes a durable job that drains the marks. Without a
 * listener (CLI, tests) nothing is lost: the marks wait in the database for the next drain.
 */
import { type DB, type Kysely, scoreQueueQueries } from '@tenure/db';
import { recountSegments } from '../segments/recount';
import { type AnalyticsEngine, createAnalyticsEngine } from './engine';
import { analyticsCall } from './failure';
import { REFRESH_CHUNK, type RefreshTotals, refreshCustomers } from './refresh';

type Listener = (envId: string) => void;

const MAX_ROUNDS = 20;

const listeners = new WeakMap<Kysely<DB>, Set<Listener>>();

/** Subscribes to writes that made scores of an environment stale; returns the unsubscribe. */
export function onScoresStale(db: Kysely<DB>, listener: Listener): () => void {
  let set = listeners.get(db);
  if (!set) {
    set = new Set();
    listeners.set(db, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}

/** Called by a write after it committed: wakes the background refresh of the environment. */
export function notifyScoresStale(db: Kysely<DB>, envId: string): void {
  for (const listener of listeners.get(db) ?? []) listener(envId);
}

/**
 * Refreshes every customer marked stale in the environment, chunk by chunk, until none is left:
 * read a chunk of marks, rebuild those customers' rollups from their events, refresh their scores
 * as of now, delete the marks still at the version read (a customer re-marked meanwhile stays for
 * the next round). The rollups are stored before the marks go: cohort queries read a marked
 * customer's raw events and an unmarked one's rollup, so a crash in between costs a redo, never a
 * wrong answer.
 */
export async function drainStaleScores(
  db: Kysely<DB>,
  envId: string,
  opts: { engine?: AnalyticsEngine; chunkSize?: number } = {},
): Promise<RefreshTotals> {
  const totals: RefreshTotals = { examined: 0, changed: 0, transitions: 0 };
  const limit = opts.chunkSize ?? REFRESH_CHUNK;
  const engine = opts.engine ?? createAnalyticsEngine(db);
  // Under a constant stream of writes the queue never empties: after this many rounds the job
  // ends and the next wake-up continues, so one busy environment cannot hold a worker forever.
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const marks = await scoreQueueQueries.peekStale(db, envId, limit);
    if (marks.length === 0) return totals;
    const customerIds = marks.map((m) => m.customerId);
    await analyticsCall('rollup refresh', () => engine.refreshRollups({ envId, customerIds }));
    const done = await refreshCustomers(db, envId, customerIds, new Date(), engine);
    // Segments read the fresh scores and the profile: recount these customers before their marks go.
    await recountSegments(db, envId, { customerIds, engine });
    totals.examined += done.examined;
    totals.changed += done.changed;
    totals.transitions += done.transitions;
    await scoreQueueQueries.clearStale(db, envId, marks);
    if (marks.length < limit) return totals;
  }
  return totals;
}
