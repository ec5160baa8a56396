/**
 * The stretch baseline: DuckDB (`@duckdb/node-api`, a devDependency when installed) answering
 * retention (month, on) and LTV cohorts from the same rows, loaded from the bench database into an
 * in-memory DuckDB (times as epoch milliseconds). Absent package → null, and the benchmark skips it.
 */
import type { TLtvCohortCounts, TRetentionCohortCounts } from '@tenure/contract';
import type pg from 'pg';
import { foldRetention, type LtvSettings } from './analytics-baseline';

const DAY_MS = 86_400_000;

// Typed loosely on purpose: the package is optional, so its types may not be installed.
type Connection = {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<{ getRowObjectsJson(): Record<string, unknown>[] }>;
  createAppender(table: string): Promise<{
    appendVarchar(v: string): void;
    appendBigInt(v: bigint): void;
    appendNull(): void;
    endRow(): void;
    closeSync(): void;
  }>;
};

export interface DuckDb {
  retentionMonth(periods: number, now: Date): Promise<TRetentionCohortCounts[]>;
  ltv(groupBy: 'month' | 'source', months: number, now: Date, s: LtvSettings): Promise<TLtvCohortCounts[]>;
  loadSeconds: number;
}

const label = (groupBy: 'month' | 'source') =>
  groupBy === 'month' ? `strftime(make_timestamp(fs * 1000), '%Y-%m')` : `coalesce(source, '(none)')`;

/** Copies the environment's customers and events into DuckDB; null when @duckdb/node-api is not installed. */
export async function openDuckDb(pool: pg.Pool, envId: string): Promise<DuckDb | null> {
  const name = '@duckdb/node-api';
  const duck = (await import(name).catch(() => null)) as {
    DuckDBInstance: { create(path: string): Promise<{ connect(): Promise<Connection> }> };
  } | null;
  if (!duck) return null;
  const started = performance.now();
  const instance = await duck.DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  await con.run('create table customers (id varchar, fs bigint, source varchar, campaign varchar)');
  await con.run('create table events (customer_id varchar, eff bigint, revenue bigint)');
  const customers = await pool.query(
    `select id, (extract(epoch from first_seen_at) * 1000)::bigint::text as fs, acq_source, acq_campaign from customers where environment_id = $1`,
    [envId],
  );
  const ca = await con.createAppender('customers');
  for (const r of customers.rows) {
    ca.appendVarchar(r.id);
    ca.appendBigInt(BigInt(r.fs));
    if (r.acq_source === null) ca.appendNull();
    else ca.appendVarchar(r.acq_source);
    if (r.acq_campaign === null) ca.appendNull();
    else ca.appendVarchar(r.acq_campaign);
    ca.endRow();
  }
  ca.closeSync();
  const ea = await con.createAppender('events');
  let after = '';
  for (;;) {
    const page = await pool.query(
      `select id, customer_id, (extract(epoch from effective_at) * 1000)::bigint::text as eff, revenue_minor::text as revenue
       from events where environment_id = $1 and id > $2 order by id limit 500000`,
      [envId, after],
    );
    for (const r of page.rows) {
      ea.appendVarchar(r.customer_id);
      ea.appendBigInt(BigInt(r.eff));
      if (r.revenue === null) ea.appendNull();
      else ea.appendBigInt(BigInt(r.revenue));
      ea.endRow();
    }
    if (page.rows.length < 500000) break;
    after = page.rows[page.rows.length - 1].id;
  }
  ea.closeSync();
  const loadSeconds = (performance.now() - started) / 1000;
  const num = (v: unknown) => Number(v ?? 0);

  return {
    loadSeconds,
    async retentionMonth(periods, now) {
      const L = 30 * DAY_MS;
      const reader = await con.runAndReadAll(`
        with c as (select id, fs, ${label('month')} as cohort, (${now.getTime()} - fs) // ${L} + 1 as started from customers),
        a as (select distinct e.customer_id, (e.eff - c.fs) // ${L} as k from events e join c on c.id = e.customer_id)
        select c.cohort, g.k::int as k, count(*) as n, count(*) filter (where g.k < c.started) as eligible,
          count(a.customer_id) filter (where g.k < c.started) as x, 0 as base
        from c cross join range(0, ${periods}) g(k)
        left join a on a.customer_id = c.id and a.k = g.k
        group by 1, 2`);
      const rows = reader.getRowObjectsJson().map((r) => ({
        cohort: String(r.cohort),
        k: num(r.k),
        n: num(r.n),
        eligible: num(r.eligible),
        x: num(r.x),
        base: 0,
      }));
      return foldRetention(rows, periods).map((c) => ({ ...c, revenue: [], base: [] }));
    },
    async ltv(groupBy, months, now, s) {
      const t = now.getTime();
      const M = 30 * DAY_MS;
      const reader = await con.runAndReadAll(`
        with c as (select id, fs, ${label(groupBy)} as cohort, least(${months}, (${t} - fs) // ${M}) as complete from customers),
        per as (
          select customer_id, max(eff) as last_at,
            coalesce(sum(revenue) filter (where eff > ${t - M} and eff <= ${t}), 0) as rev30,
            bool_or(eff > ${t - M - s.churnDays * DAY_MS} and eff <= ${t - M}) as base
          from events group by 1
        ),
        r as (
          select e.customer_id, (e.eff - c.fs) // ${M} as k, sum(e.revenue) as rev
          from events e join c on c.id = e.customer_id where e.revenue is not null group by 1, 2
        ),
        rc as (select r.customer_id, g.m, sum(r.rev) as rev from r join range(0, ${months}) g(m) on r.k <= g.m group by 1, 2),
        curve as (
          select c.cohort, g.m, count(*) filter (where g.m < c.complete) as eligible,
            coalesce(sum(rc.rev) filter (where g.m < c.complete), 0) as rev
          from c cross join range(0, ${months}) g(m) left join rc on rc.customer_id = c.id and rc.m = g.m
          group by 1, 2
        ),
        recent as (
          select c.cohort, count(*) as size, coalesce(sum(per.rev30), 0) as rev30,
            count(*) filter (where per.last_at > ${t - s.activeDays * DAY_MS}) as active,
            count(*) filter (where per.last_at > ${t - M - s.churnDays * DAY_MS} and per.last_at <= ${t - s.churnDays * DAY_MS}) as lapsed,
            count(*) filter (where per.base) as base
          from c left join per on per.customer_id = c.id group by 1
        )
        select recent.*, list(curve.eligible order by curve.m) as eligible, list(curve.rev order by curve.m) as revenue
        from recent join curve on curve.cohort = recent.cohort
        group by all`);
      return reader.getRowObjectsJson().map((r) => ({
        cohort: String(r.cohort),
        size: num(r.size),
        eligible: (r.eligible as unknown[]).map(num),
        revenue: (r.revenue as unknown[]).map(num),
        revenue30: num(r.rev30),
        activeNow: num(r.active),
        lapsed: num(r.lapsed),
        notChurned: num(r.base),
      }));
    },
  };
}
