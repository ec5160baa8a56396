/**
 * The serving layer of heavy analytics reads (REST.md "Analytics and reports"): a short-lived,
 * bounded snapshot cache per database handle, keyed by environment, question and parameters.
 * An answer is computed as of one `now` and served unchanged for up to SNAPSHOT_TTL_MS; callers
 * say so with `x-cache` and `x-as-of`. Identical questions asked while one is being computed wait
 * for it instead of running the same query again.
 */
import type { DB, Kysely } from '@tenure/db';
import { LRUCache } from 'lru-cache';

export const SNAPSHOT_TTL_MS = 60_000;
/** Snapshots kept per process: answers are a few KB, so this bounds memory to a few MB. */
export const SNAPSHOT_MAX_ENTRIES = 1000;

export interface Snapshot<T> {
  value: T;
  asOf: Date;
  cache: 'hit' | 'miss';
}

interface Entry {
  value: unknown;
  asOf: Date;
}

interface SnapshotStore {
  entries: LRUCache<string, Entry>;
  inFlight: Map<string, Promise<Entry>>;
  /** Bumped per environment when its snapshots are dropped, so a computation already running is not stored. */
  generations: Map<string, number>;
}

const stores = new WeakMap<Kysely<DB>, SnapshotStore>();

function storeOf(db: Kysely<DB>): SnapshotStore {
  let store = stores.get(db);
  if (!store) {
    store = {
      entries: new LRUCache<string, Entry>({ max: SNAPSHOT_MAX_ENTRIES, ttl: SNAPSHOT_TTL_MS }),
      inFlight: new Map(),
      generations: new Map(),
    };
    stores.set(db, store);
  }
  return store;
}

const SEP = '\u0000';

/** A stable key: parameters with sorted keys, so `{ a, b }` and `{ b, a }` are one snapshot. */
function keyOf(envId: string, question: string, params: Record<string, unknown>): string {
  const sorted = Object.keys(params)
    .sort()
    .map((k) => [k, params[k] ?? null]);
  return [envId, question, JSON.stringify(sorted)].join(SEP);
}

/**
 * The snapshot of `question` with `params` in the environment: a cached one unless `fresh`
 * (`Cache-Control: no-cache`), else computed now (`compute` receives the `now` to answer as of).
 * @example const snap = await serveSnapshot(db, envId, 'cohorts', input, { fresh: false }, (now) => run(now))
 */
export async function serveSnapshot<T>(
  db: Kysely<DB>,
  envId: string,
  question: string,
  params: Record<string, unknown>,
  opts: { fresh: boolean },
  compute: (now: Date) => Promise<T>,
): Promise<Snapshot<T>> {
  const store = storeOf(db);
  const key = keyOf(envId, question, params);
  if (!opts.fresh) {
    const cached = store.entries.get(key);
    if (cached) return { value: cached.value as T, asOf: cached.asOf, cache: 'hit' };
    const running = store.inFlight.get(key);
    if (running) {
      const entry = await running;
      return { value: entry.value as T, asOf: entry.asOf, cache: 'hit' };
    }
  }
  const generation = store.generations.get(envId) ?? 0;
  const asOf = new Date();
  const computing = compute(asOf).then((value) => ({ value, asOf }));
  if (!opts.fresh) store.inFlight.set(key, computing);
  try {
    const entry = await computing;
    if ((store.generations.get(envId) ?? 0) === generation) store.entries.set(key, entry);
    return { value: entry.value as T, asOf, cache: 'miss' };
  } finally {
    if (store.inFlight.get(key) === computing) store.inFlight.delete(key);
  }
}

/** Drops every snapshot of an environment (its data or settings changed through the app). */
export function dropSnapshots(db: Kysely<DB>, envId: string): void {
  const store = storeOf(db);
  store.generations.set(envId, (store.generations.get(envId) ?? 0) + 1);
  const prefix = `${envId}${SEP}`;
  for (const key of [...store.entries.keys()]) if (key.startsWith(prefix)) store.entries.delete(key);
  for (const key of [...store.inFlight.keys()]) if (key.startsWith(prefix)) store.inFlight.delete(key);
}
