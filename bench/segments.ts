/**
 * `npm run bench -- segments`: segment estimates through HTTP (`POST /segments/estimate`, p50 of 5
 * after a warm-up) beside the plain SQL of the same rules through `pg`, after checking the counts
 * are equal; and a recount of 100 segments over 50,000 customers (the hourly pass, and the drain's
 * step for a chunk of 5,000 customers) beside plain SQL evaluating the same 100 rule sets. Demo
 * data of 50k customers / ~1.2M events loaded straight into its own database
 * (`tenure_bench_segments`), scores computed by the drain.
 */
import type { SegmentRule } from '@tenure/contract';
import { recountSegments } from '@tenure/core';
import { sql } from '@tenure/db';
import pg from 'pg';
import { loadDemo } from './analytics-data';
import { benchTenant, benchUrl, freshPostgres, percentile, postJson, startServerProcess, table } from './harness';
import { ms } from './analytics-part';

const DB = 'tenure_bench_segments';
const RUNS = 5;
const DAY = 86_400_000;

interface Case {
  name: string;
  match: 'all' | 'any';
  rules: SegmentRule[];
  /** The same question as plain SQL over the tables ($1 environment, $2 now). */
  sql: string;
}

const live = `c.environment_id = $1 and c.deleted_at is null`;
const window = (days: number) => `e.effective_at > $2::timestamptz - interval '${days} days' and e.effective_at <= $2::timestamptz`;

const CASES: Case[] = [
  {
    name: 'plan eq pro',
    match: 'all',
    rules: [{ field: 'plan', operator: 'eq', value: 'pro' }],
    sql: `select count(*)::int as n from customers c where ${live} and c.plan = 'pro'`,
  },
  {
    name: 'enterprise, health < 40, no purchase in 30 d',
    match: 'all',
    rules: [
      { field: 'plan', operator: 'eq', value: 'enterprise' },
      { field: 'health', operator: 'lt', value: 40 },
      { field: 'eventCount', operator: 'eq', value: 0, event: 'order_completed', withinDays: 30 },
    ],
    sql: `select count(*)::int as n from customers c where ${live} and c.plan = 'enterprise' and c.health < 40
      and not exists (select 1 from events e where e.environment_id = c.environment_id and e.customer_id = c.id
        and e.name = 'order_completed' and ${window(30)})`,
  },
  {
    name: 'attributes: country in (US, GB), seats > 10',
    match: 'all',
    rules: [
      { field: 'attributes.country', operator: 'in', value: ['US', 'GB'] },
      { field: 'attributes.seats', operator: 'gt', value: 10 },
    ],
    sql: `select count(*)::int as n from customers c where ${live} and c.attributes->>'country' in ('US', 'GB')
      and (c.attributes->>'seats')::numeric > 10`,
  },
  {
    name: 'active, ≥ 10 events in 30 d',
    match: 'all',
    rules: [
      { field: 'active', operator: 'eq', value: true },
      { field: 'eventCount', operator: 'gte', value: 10, withinDays: 30 },
    ],
    sql: `select count(*)::int as n from customers c where ${live} and c.last_event_at > $2::timestamptz - interval '30 days'
      and c.id in (select e.customer_id from events e where e.environment_id = $1 and ${window(30)}
        group by e.customer_id having count(*) >= 10)`,
  },
  {
    name: 'churned from google with ltv > 100',
    match: 'all',
    rules: [
      { field: 'lifecycleStage', operator: 'eq', value: 'churned' },
      { field: 'acquisition.source', operator: 'eq', value: 'google' },
      { field: 'ltv', operator: 'gt', value: 100 },
    ],
    sql: `select count(*)::int as n from customers c where ${live} and c.lifecycle_stage = 'churned' and c.acq_source = 'google'
      and c.revenue_minor > 10000`,
  },
  {
    name: 'any: health < 20, risk high, email contains example.org',
    match: 'any',
    rules: [
      { field: 'health', operator: 'lt', value: 20 },
      { field: 'riskLevel', operator: 'eq', value: 'high' },
      { field: 'email', operator: 'contains', value: 'example.org' },
    ],
    sql: `select count(*)::int as n from customers c where ${live} and (c.health < 20 or c.risk_level = 'high'
      or c.email ilike '%example.org%')`,
  },
];

/** 100 segments over the same families, with varied parameters: what the hourly recount evaluates. */
function hundredSegments(): { rules: SegmentRule[]; sql: string }[] {
  const plans = ['free', 'starter', 'pro', 'enterprise'];
  const countries = ['US', 'GB', 'DE', 'FR', 'CA'];
  return Array.from({ length: 100 }, (_, i) => {
    const plan = plans[i % 4] as string;
    const h = 10 + (i % 9) * 10;
    switch (i % 5) {
      case 0:
        return {
          rules: [
            { field: 'plan', operator: 'eq', value: plan },
            { field: 'health', operator: 'lt', value: h },
          ],
          sql: `c.plan = '${plan}' and c.health < ${h}`,
        };
      case 1:
        return {
          rules: [
            { field: 'attributes.country', operator: 'eq', value: countries[i % 5] as string },
            { field: 'attributes.seats', operator: 'gte', value: i % 30 },
          ],
          sql: `c.attributes->>'country' = '${countries[i % 5]}' and (c.attributes->>'seats')::numeric >= ${i % 30}`,
        };
      case 2:
        return {
          rules: [{ field: 'lastActivityAt', operator: 'withinLastDays', value: 1 + (i % 60) }],
          sql: `c.last_event_at > $2::timestamptz - interval '${1 + (i % 60)} days' and c.last_event_at <= $2::timestamptz`,
        };
      case 3:
        return {
          rules: [
            { field: 'lifecycleStage', operator: 'in', value: ['at_risk', 'churned'] },
            { field: 'ltv', operator: 'gte', value: i * 10 },
          ],
          sql: `c.lifecycle_stage in ('at_risk', 'churned') and c.revenue_minor >= ${i * 1000}`,
        };
      default:
        return {
          rules: [
            { field: 'active', operator: 'eq', value: true },
            { field: 'engagementScore', operator: 'gte', value: i % 100 },
          ],
          sql: `c.last_event_at > $2::timestamptz - interval '30 days' and c.engagement_score >= ${i % 100}`,
        };
    }
  }) as { rules: SegmentRule[]; sql: string }[];
}

/** The parameters a plain statement takes: the environment, and now when it has windows. */
const params = (text: string, envId: string) => (text.includes('$2') ? [envId, new Date()] : [envId]);

async function timed<T>(fn: () => Promise<T>, runs = RUNS): Promise<{ p50: number; last: T }> {
  let last = await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    last = await fn();
    ms.push(performance.now() - started);
  }
  return { p50: percentile(ms, 50), last };
}

export async function benchSegments(): Promise<void> {
  const database = await freshPostgres(DB);
  const tenant = await benchTenant(database);
  const envId = tenant.scope.envId;
  const pool = new pg.Pool({ connectionString: benchUrl(DB), max: 2 });
  const loaded = await loadDemo(database, pool, envId, { label: '1M', customers: 50_000, months: 12 });
  console.log(
    `loaded ${loaded.customers} customers, ${loaded.events} events (${loaded.loadSeconds.toFixed(0)} s, drain ${loaded.drainSeconds.toFixed(0)} s)`,
  );
  const server = await startServerProcess({ DATABASE_URL: benchUrl(DB), TENURE_WORKERS: '0' }, 3990);
  const rows: Record<string, string | number>[] = [];
  try {
    const url = `${server.url}/api/v1/segments/estimate`;
    for (const c of CASES) {
      const body = JSON.stringify({ match: c.match, rules: c.rules });
      const api = await timed(async () => {
        const res = await postJson(url, tenant.key, body);
        if (res.status !== 200) throw new Error(`estimate ${c.name}: ${res.status} ${JSON.stringify(res.json)}`);
        return res.json.estimatedCount as number;
      });
      const raw = await timed(async () => (await pool.query(c.sql, params(c.sql, envId))).rows[0].n as number);
      if (api.last !== raw.last) throw new Error(`${c.name}: the API counted ${api.last}, the plain SQL ${raw.last}`);
      rows.push({
        what: `estimate: ${c.name}`,
        count: api.last,
        api: ms(api.p50),
        'plain SQL': ms(raw.p50),
        ratio: (api.p50 / raw.p50).toFixed(2),
      });
    }

    table(rows);
    // 100 segments, created through the API (each counted as it is created).
    const defs = hundredSegments();
    for (const [i, d] of defs.entries()) {
      const res = await postJson(`${server.url}/api/v1/segments`, tenant.key, { name: `bench ${i}`, rules: d.rules });
      if (res.status !== 200) throw new Error(`create segment ${i}: ${res.status} ${JSON.stringify(res.json)}`);
    }
    const plain = `select ${defs.map((d, i) => `count(*) filter (where ${d.sql})::int as s${i}`).join(', ')} from customers c where ${live}`;
    const raw = await timed(async () => (await pool.query(plain, params(plain, envId))).rows[0] as Record<string, number>, 3);
    const full = await timed(() => recountSegments(database.db, envId), 3);
    const counts = (
      await sql<{
        name: string;
        customerCount: number;
      }>`select name, customer_count from segments where environment_id = ${envId}`.execute(database.db)
    ).rows;
    for (const row of counts) {
      const i = Number(row.name.slice('bench '.length));
      if (raw.last[`s${i}`] !== row.customerCount)
        throw new Error(`segment ${i}: stored ${row.customerCount}, plain SQL ${raw.last[`s${i}`]}`);
    }
    rows.push({
      what: 'recount: 100 segments × 50k customers (hourly)',
      count: counts.reduce((a, r) => a + r.customerCount, 0),
      api: ms(full.p50),
      'plain SQL': ms(raw.p50),
      ratio: (full.p50 / raw.p50).toFixed(2),
    });
    // The hourly pass an hour later: windows moved, members enter and leave.
    const later = await timed(() => recountSegments(database.db, envId, { now: new Date(Date.now() + DAY) }), 1);
    rows.push({
      what: 'recount a day later (members move)',
      count: later.last.entered + later.last.left,
      api: ms(later.p50),
      'plain SQL': '',
      ratio: '',
    });
    const ids = (
      await sql<{ id: string }>`select id from customers where environment_id = ${envId} order by id limit 5000`.execute(database.db)
    ).rows.map((r) => r.id);
    const chunk = await timed(() => recountSegments(database.db, envId, { customerIds: ids }), 3);
    rows.push({ what: 'drain step: 100 segments × 5,000 customers', count: ids.length, api: ms(chunk.p50), 'plain SQL': '', ratio: '' });
  } finally {
    await server.stop();
    await pool.end();
    await database.close();
  }
  table(rows);
}
