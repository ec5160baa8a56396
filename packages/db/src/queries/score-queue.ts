/**
 * Customers whose stored scores are stale, and the state of full recomputes. Writes mark
 * customers inside their own transaction; the background refresh drains the marks at least once:
 * it deletes a mark only if the mark still has the version it read before refreshing.
 */
import { type Kysely, type RawBuilder, type Selectable, sql, type Updateable } from 'kysely';
import type { DB, ScoreRecomputesTable } from '../types';

/**
 * The tail of a statement that marks the customers a subquery yields (an `insert … select`, for a
 * data-modifying CTE to end with). A re-mark takes a new version, so a drain that read the old
 * one leaves it.
 */
export function markStaleFrom(envId: string, ids: RawBuilder<unknown>, at: Date) {
  return sql`insert into score_refresh_queue (environment_id, customer_id, queued_at)
    select ${envId}, x.id, ${at.toISOString()}::timestamptz from (${ids}) x
    on conflict (environment_id, customer_id) do update set version = excluded.version, queued_at = excluded.queued_at`;
}

/** Marks customers stale (writes that change what scores read: new customers, a moved createdAt). */
export async function markStale(trx: Kysely<DB>, envId: string, customerIds: string[], at: Date): Promise<void> {
  if (customerIds.length === 0) return;
  const ids = sql`select jsonb_array_elements_text(${JSON.stringify(customerIds)}::jsonb) as id`;
  await markStaleFrom(envId, ids, at).execute(trx);
}

export interface StaleMark {
  customerId: string;
  version: number;
}

/** Up to `limit` stale customers of an environment, in id order, with the version of their mark. */
export async function peekStale(db: Kysely<DB>, envId: string, limit: number): Promise<StaleMark[]> {
  return db
    .selectFrom('scoreRefreshQueue')
    .select(['customerId', sql<number>`version::float8`.as('version')])
    .where('environmentId', '=', envId)
    .orderBy('customerId')
    .limit(limit)
    .execute();
}

/** Deletes the marks a refresh covered: those still at the version it read (a re-mark stays). */
export async function clearStale(db: Kysely<DB>, envId: string, marks: StaleMark[]): Promise<void> {
  if (marks.length === 0) return;
  const json = JSON.stringify(marks.map((m) => ({ customer_id: m.customerId, version: m.version })));
  await sql`
    delete from score_refresh_queue q
    using jsonb_to_recordset(${json}::jsonb) as m(customer_id text, version bigint)
    where q.environment_id = ${envId} and q.customer_id = m.customer_id and q.version = m.version`.execute(db);
}

/** How many customers wait for a refresh, and since when (the oldest mark). */
export async function staleBacklog(db: Kysely<DB>, envId: string): Promise<{ count: number; oldest: Date | null }> {
  const row = await db
    .selectFrom('scoreRefreshQueue')
    .select([sql<number>`count(*)::int`.as('count'), sql<Date | null>`min(queued_at)`.as('oldest')])
    .where('environmentId', '=', envId)
    .executeTakeFirstOrThrow();
  return row;
}

/** Environments with stale customers (a runner starting up, the hourly sweep). */
export async function environmentsWithStale(db: Kysely<DB>): Promise<string[]> {
  // Maintenance across environments: a loose index scan of the primary key, one row per environment.
  // (Result columns come back camel-cased, like every kysely result.)
  const { rows } = await sql<{ environmentId: string }>`
    with recursive envs as (
      (select environment_id from score_refresh_queue order by environment_id limit 1)
      union all
      select (select q.environment_id from score_refresh_queue q where q.environment_id > envs.environment_id
              order by q.environment_id limit 1)
      from envs where envs.environment_id is not null
    )
    select environment_id from envs where environment_id is not null`.execute(db);
  return rows.map((r) => r.environmentId);
}

export type RecomputeState = Selectable<ScoreRecomputesTable>;

/** Records that a full recompute was asked for (the latest request replaces the previous state). */
export async function requestRecompute(trx: Kysely<DB>, envId: string, reason: ScoreRecomputesTable['reason'], at: Date) {
  await trx
    .insertInto('scoreRecomputes')
    .values({ environmentId: envId, reason, state: 'queued', requestedAt: at, examined: 0, changed: 0, transitions: 0 })
    .onConflict((oc) =>
      oc.column('environmentId').doUpdateSet({
        reason,
        state: 'queued',
        requestedAt: at,
        total: null,
        examined: 0,
        changed: 0,
        transitions: 0,
        error: null,
        startedAt: null,
        finishedAt: null,
      }),
    )
    .execute();
}

/** Progress of a running recompute (each chunk), or its end. */
export async function updateRecompute(
  db: Kysely<DB>,
  envId: string,
  patch: Omit<Updateable<ScoreRecomputesTable>, 'environmentId' | 'reason' | 'requestedAt'>,
) {
  await db.updateTable('scoreRecomputes').set(patch).where('environmentId', '=', envId).execute();
}

export async function findRecompute(db: Kysely<DB>, envId: string): Promise<RecomputeState | undefined> {
  return db.selectFrom('scoreRecomputes').selectAll().where('environmentId', '=', envId).executeTakeFirst();
}

/** Every environment id (the hourly sweep walks them all). */
export async function listEnvironmentIds(db: Kysely<DB>): Promise<string[]> {
  return (await db.selectFrom('environments').select('id').orderBy('id').execute()).map((r) => r.id);
}
