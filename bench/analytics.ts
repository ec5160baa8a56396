/**
 * `npm run bench -- analytics`: retention and LTV cohorts, customer stats (analytics-stats.ts), and
 * reports, attribution and health calibration (analytics-reports.ts), through HTTP (`Cache-Control: no-cache`, p50 of 5 after a
 * warm-up) on PostgreSQL with demo data of 100k, 1M and 5M events, each printed beside the plain
 * SQL of the same answer over the raw events in the same run (and DuckDB's, when
 * `@duckdb/node-api` is installed), after checking that the numbers are equal. Its own database
 * (`tenure_bench_analytics`), so the other scenarios' `tenure_bench` is left alone.
 * `BENCH_ANALYTICS_SIZES=100k,1m` picks sizes, `BENCH_ANALYTICS_PARTS=cohorts,stats,reports,segments`
 * the parts; `segments` (segment estimates and the recount of 100 segments at 50k customers / 1M
 * events, `segments.ts`, also `npm run bench -- segments`) runs once, after the sizes.
 * `BENCH_ANALYTICS_REUSE=1` reuses the data a run of the same size left in the database;
 * `BENCH_ANALYTICS_BASELINE_RUNS=1` times each plain-SQL baseline once (the 5M LTV ones take minutes).
 */
import { ltvAnswer, retentionAnswer } from '@tenure/core';
import { createDb } from '@tenure/db';
import pg from 'pg';
import { type LtvCase, type RetentionCase, rawLtv, rawRetention } from './analytics-baseline';
import { type DemoSize, loadDemo } from './analytics-data';
import { openDuckDb } from './analytics-duckdb';
import { ms } from './analytics-part';
import { benchReports } from './analytics-reports';
import { benchStats } from './analytics-stats';
import { benchTenant, benchUrl, freshPostgres, percentile, startServerProcess, table } from './harness';
import { benchSegments } from './segments';

const DB = 'tenure_bench_analytics';
const RUNS = 5;
const SETTINGS = { activeDays: 30, churnDays: 60 };

const SIZES: Record<string, DemoSize> = {
  '100k': { label: '100k', customers: 4_200, months: 12 },
  '1m': { label: '1M', customers: 50_000, months: 12 },
  '5m': { label: '5M', customers: 100_000, months: 72 },
};

const RETENTION: RetentionCase[] = [
  { groupBy: 'month', criteria: 'on', metric: 'customers', periods: 12 },
  { groupBy: 'month', criteria: 'on_or_after', metric: 'customers', periods: 12 },
  { groupBy: 'month', criteria: 'on', metric: 'revenue', periods: 12 },
  { groupBy: 'source', criteria: 'on', metric: 'customers', periods: 12 },
  { groupBy: 'week', criteria: 'on', metric: 'customers', periods: 12 },
];
const LTV: LtvCase[] = [
  { groupBy: 'month', months: 12 },
  { groupBy: 'source', months: 12 },
];

/**
 * Runs of each plain-SQL baseline (`BENCH_ANALYTICS_BASELINE_RUNS`, default 5): at 5M the LTV
 * baselines take minutes each, so a run there may take one timing of each, without a warm-up.
 */
const BASELINE_RUNS = Number(process.env.BENCH_ANALYTICS_BASELINE_RUNS ?? RUNS);
/**
 * `BENCH_ANALYTICS_SKIP_LTV_BASELINE=1`: no plain-SQL LTV baseline (at 5M each run takes more than
 * three minutes on this machine); the API's LTV numbers are then checked against DuckDB's.
 */
const SKIP_LTV_BASELINE = process.env.BENCH_ANALYTICS_SKIP_LTV_BASELINE === '1';

async function timed<T>(fn: () => Promise<T>, kind: 'api' | 'baseline' = 'api'): Promise<{ p50: number; runs: number[]; last: T }> {
  const count = kind === 'baseline' ? BASELINE_RUNS : RUNS;
  const runs: number[] = [];
  let last = count < RUNS ? undefined : await fn();
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    last = await fn();
    runs.push(performance.now() - started);
  }
  return { p50: percentile(runs, 50), runs, last: last as T };
}

function sameNumbers(what: string, api: unknown, other: unknown): void {
  const strip = (x: unknown) => JSON.stringify({ ...(x as object), asOf: undefined });
  if (strip(api) !== strip(other))
    throw new Error(`${what}: the API and the baseline disagree\n${strip(api).slice(0, 400)}\n${strip(other).slice(0, 400)}`);
}

/**
 * The size's data: loaded afresh, or with `BENCH_ANALYTICS_REUSE=1` the data an earlier run of the
 * same size left in the database (its load and drain times are then not measured again).
 */
async function sizeData(size: DemoSize, pool: pg.Pool) {
  if (process.env.BENCH_ANALYTICS_REUSE === '1') {
    const database = createDb({ databaseUrl: benchUrl(DB), poolSize: 2 });
    const ws = await database.db.selectFrom('workspaces').select('slug').orderBy('createdAt', 'desc').executeTakeFirstOrThrow();
    const tenant = await benchTenant(database, ws.slug, true);
    const counted = await pool.query<{ customers: number; events: number }>(
      'select (select count(*) from customers where environment_id = $1)::int as customers, (select count(*) from events where environment_id = $1)::int as events',
      [tenant.scope.envId],
    );
    await database.close();
    const { customers, events } = counted.rows[0] as { customers: number; events: number };
    if (customers !== size.customers)
      throw new Error(`the database holds ${customers} customers, not the ${size.label} size's ${size.customers}`);
    return { tenant, data: { customers, events, loadSeconds: Number.NaN, drainSeconds: Number.NaN } };
  }
  const database = await freshPostgres(DB);
  const tenant = await benchTenant(database);
  const data = await loadDemo(database, pool, tenant.scope.envId, size);
  await database.close();
  return { tenant, data };
}

async function benchSize(size: DemoSize, port: number): Promise<Record<string, string | number>[]> {
  const pool = new pg.Pool({ connectionString: benchUrl(DB), max: 2 });
  const { tenant, data } = await sizeData(size, pool);
  const envId = tenant.scope.envId;
  const loaded = Number.isNaN(data.loadSeconds)
    ? 'reused from an earlier run'
    : `loaded in ${data.loadSeconds.toFixed(0)} s, rollups and scores drained in ${data.drainSeconds.toFixed(1)} s`;
  console.log(`${size.label}: ${data.customers} customers, ${data.events} events; ${loaded}`);
  const server = await startServerProcess({ DATABASE_URL: benchUrl(DB), TENURE_WORKERS: '0' }, port);
  const parts = new Set((process.env.BENCH_ANALYTICS_PARTS ?? 'cohorts,stats,reports').split(',').map((p) => p.trim()));
  const duck = parts.has('cohorts') ? await openDuckDb(pool, envId) : null;
  const rows: Record<string, string | number>[] = [];
  const http = async (path: string): Promise<{ asOf: string }> => {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      headers: { authorization: `Bearer ${tenant.key}`, 'cache-control': 'no-cache' },
    });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { asOf: string };
  };
  try {
    for (const q of parts.has('cohorts') ? RETENTION : []) {
      const path = `/customers/cohorts?groupBy=${q.groupBy}&criteria=${q.criteria}&metric=${q.metric}&periods=${q.periods}`;
      const api = await timed(() => http(path));
      const now = new Date(api.last.asOf);
      const params = { ...q, start: null, end: null };
      sameNumbers(path, api.last, retentionAnswer(params, await rawRetention(pool, envId, q, now), now));
      const raw = await timed(() => rawRetention(pool, envId, q, new Date()), 'baseline');
      const row: Record<string, string | number> = { size: size.label, query: `cohorts ${q.groupBy} ${q.criteria} ${q.metric}` };
      row.api = ms(api.p50);
      row['raw SQL'] = ms(raw.p50);
      row.ratio = (api.p50 / raw.p50).toFixed(2);
      if (duck && q.groupBy === 'month' && q.criteria === 'on' && q.metric === 'customers') {
        sameNumbers(`duckdb ${path}`, api.last, retentionAnswer(params, await duck.retentionMonth(q.periods, now), now));
        const d = await timed(() => duck.retentionMonth(q.periods, new Date()));
        row.duckdb = ms(d.p50);
        row['vs duckdb'] = (api.p50 / d.p50).toFixed(2);
      }
      rows.push(row);
    }
    for (const q of parts.has('cohorts') ? LTV : []) {
      const path = `/customers/ltv-cohorts?groupBy=${q.groupBy}&months=${q.months}`;
      const api = await timed(() => http(path));
      const now = new Date(api.last.asOf);
      const params = { ...q, start: null, end: null };
      const row: Record<string, string | number> = { size: size.label, query: `ltv-cohorts ${q.groupBy} ${q.months}` };
      row.api = ms(api.p50);
      if (SKIP_LTV_BASELINE) {
        // Checked against DuckDB's answer below instead.
        row['raw SQL'] = 'skipped';
      } else {
        sameNumbers(path, api.last, ltvAnswer(params, 'USD', await rawLtv(pool, envId, q, now, SETTINGS), now));
        const raw = await timed(() => rawLtv(pool, envId, q, new Date(), SETTINGS), 'baseline');
        row['raw SQL'] = ms(raw.p50);
        row.ratio = (api.p50 / raw.p50).toFixed(2);
      }
      if (duck && q.groupBy !== 'campaign') {
        const groupBy = q.groupBy;
        sameNumbers(`duckdb ${path}`, api.last, ltvAnswer(params, 'USD', await duck.ltv(groupBy, q.months, now, SETTINGS), now));
        const d = await timed(() => duck.ltv(groupBy, q.months, new Date(), SETTINGS));
        row.duckdb = ms(d.p50);
        row['vs duckdb'] = (api.p50 / d.p50).toFixed(2);
      }
      rows.push(row);
    }
    const part = { http, pool, envId, size: size.label, timed };
    if (parts.has('stats')) rows.push(...(await benchStats(part)));
    if (parts.has('reports')) rows.push(...(await benchReports(part)));
  } finally {
    await server.stop();
    await pool.end();
  }
  if (!duck && parts.has('cohorts')) console.log('(DuckDB baseline skipped: @duckdb/node-api is not installed)');
  return rows;
}

export async function benchAnalytics(): Promise<void> {
  const wanted = (process.env.BENCH_ANALYTICS_SIZES ?? '100k,1m,5m').split(',').map((s) => s.trim().toLowerCase());
  const parts = (process.env.BENCH_ANALYTICS_PARTS ?? 'cohorts,stats,reports,segments').split(',').map((p) => p.trim());
  const all: Record<string, string | number>[] = [];
  let port = 3950;
  for (const key of parts.some((p) => p !== 'segments') ? wanted : []) {
    const size = SIZES[key];
    if (!size) throw new Error(`unknown size ${key} (known: ${Object.keys(SIZES).join(', ')})`);
    const rows = await benchSize(size, port++);
    table(rows);
    all.push(...rows);
  }
  if (wanted.length > 1 && all.length) table(all);
  if (parts.includes('segments')) await benchSegments();
}
