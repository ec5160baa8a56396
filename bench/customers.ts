/**
 * `npm run bench -- customers`: POST /customers/batch with 10,000 customers (~2 KB of attributes
 * each), 5 runs of new customers and 5 runs updating the same ones, on PostgreSQL. Target p50 ≤ 1.5 s.
 * Each run starts once the background refresh of the previous one is done (its time is printed
 * apart), so a run measures its own request, not the last run's rollups, scores and segments.
 */
import { newId } from '@tenure/contract';
import { hashToken } from '@tenure/core';
import pg from 'pg';
import { benchTenant, benchUrl, freshPostgres, percentile, postJson, startServerProcess, table, waitForRefresh } from './harness';

const COUNT = 10_000;
const RUNS = 5;

function customer(run: number, i: number, version: number) {
  return {
    externalId: `bench-${run}-${i}`,
    email: `user${i}.${run}@example.com`,
    name: `Bench Customer ${i}`,
    company: `Company ${i % 700}`,
    role: 'Analyst',
    teamSize: (i % 50) + 1,
    locale: 'en-US',
    plan: ['free', 'starter', 'pro'][i % 3],
    attributes: {
      version,
      country: ['US', 'DE', 'FR', 'GB'][i % 4],
      seats: i % 40,
      trial: i % 2 === 0,
      bio: `Long-form notes about customer ${i}: `.padEnd(900, 'lorem ipsum dolor sit amet '),
      signup_source: 'benchmark',
      orders: Array.from({ length: 6 }, (_, k) => ({ id: k, total: (i % 97) + k, sku: `SKU-${(i + k) % 1000}`, note: 'x'.repeat(60) })),
      tags: ['alpha', 'beta', 'gamma', `t${i % 10}`],
    },
  };
}

/**
 * Context, not a target: the same 10,000 rows as one transaction of plain multi-row INSERTs
 * (1,000 rows each) straight through `pg` — the floor any upsert path sits on with this machine's disk.
 */
async function rawInsertFloor(key: string): Promise<Record<string, string | number>> {
  const client = new pg.Client({ connectionString: benchUrl() });
  await client.connect();
  const envId = (await client.query('select environment_id from api_keys where hash = $1', [hashToken(key)])).rows[0].environment_id;
  const cols = [
    'id',
    'environment_id',
    'external_id',
    'email',
    'name',
    'company',
    'role',
    'team_size',
    'locale',
    'plan',
    'attributes',
    'created_at',
    'updated_at',
  ];
  const ms: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const now = new Date();
    const started = performance.now();
    await client.query('begin');
    for (let from = 0; from < COUNT; from += 1000) {
      const params: unknown[] = [];
      const values: string[] = [];
      for (let i = from; i < from + 1000; i++) {
        const c = customer(100 + run, i, 0);
        const row = [
          newId('customer'),
          envId,
          c.externalId,
          c.email,
          c.name,
          c.company,
          c.role,
          c.teamSize,
          c.locale,
          c.plan,
          JSON.stringify(c.attributes),
          now,
          now,
        ];
        values.push(`(${row.map((_, k) => `$${params.length + k + 1}`).join(',')})`);
        params.push(...row);
      }
      await client.query(`insert into customers (${cols.join(',')}) values ${values.join(',')}`, params);
    }
    await client.query('commit');
    ms.push(performance.now() - started);
  }
  await client.end();
  return {
    batch: 'baseline: plain multi-row INSERT via pg',
    runs: ms.map((m) => m.toFixed(0)).join(' / '),
    'p50 ms': Math.round(percentile(ms, 50)),
    target: '(context)',
  };
}

/**
 * Context, not a target: UPDATE of the attributes of 10,000 existing customers straight through
 * `pg`, one statement per 1,000 rows, one transaction — what an update batch stands on.
 */
async function rawUpdateFloor(key: string): Promise<Record<string, string | number>> {
  const client = new pg.Client({ connectionString: benchUrl() });
  await client.connect();
  const envId = (await client.query('select environment_id from api_keys where hash = $1', [hashToken(key)])).rows[0].environment_id;
  const ms: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await client.query('begin');
    for (let from = 0; from < COUNT; from += 1000) {
      const rows = Array.from({ length: 1000 }, (_, k) => {
        const c = customer(0, from + k, 100 + run);
        return { external_id: c.externalId, attributes: c.attributes };
      });
      await client.query(
        `update customers c set attributes = x.attributes, updated_at = now()
         from jsonb_to_recordset($1::jsonb) as x(external_id text, attributes jsonb)
         where c.environment_id = $2 and c.external_id = x.external_id and c.deleted_at is null`,
        [JSON.stringify(rows), envId],
      );
    }
    await client.query('commit');
    ms.push(performance.now() - started);
  }
  await client.end();
  return {
    batch: 'baseline: plain UPDATE of the same rows via pg',
    runs: ms.map((m) => m.toFixed(0)).join(' / '),
    'p50 ms': Math.round(percentile(ms, 50)),
    target: '(context)',
  };
}

export async function benchCustomers(): Promise<void> {
  const database = await freshPostgres();
  const { key, scope } = await benchTenant(database);
  await database.close();
  const server = await startServerProcess({ DATABASE_URL: benchUrl() });
  try {
    const size = JSON.stringify(customer(0, 1, 0)).length;
    const timings: { kind: string; ms: number }[] = [];
    const refreshSeconds: Record<'new' | 'update', number[]> = { new: [], update: [] };
    for (const kind of ['new', 'update'] as const) {
      for (let run = 0; run < RUNS; run++) {
        const batchRun = kind === 'new' ? run : 0;
        const body = JSON.stringify({ customers: Array.from({ length: COUNT }, (_, i) => customer(batchRun, i, run + 1)) });
        const started = performance.now();
        const res = await postJson(`${server.url}/api/v1/customers/batch`, key, body);
        const ms = performance.now() - started;
        if (res.status !== 200 || res.json.errors.length)
          throw new Error(`batch failed: ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`);
        const expected = kind === 'new' ? res.json.created : res.json.updated;
        if (expected !== COUNT) throw new Error(`expected ${COUNT} ${kind}, got ${JSON.stringify(res.json)}`);
        timings.push({ kind, ms });
        refreshSeconds[kind].push(await waitForRefresh(scope.envId));
      }
    }
    const rows: Record<string, string | number>[] = (['new', 'update'] as const).map((kind) => {
      const ms = timings.filter((t) => t.kind === kind).map((t) => t.ms);
      return {
        batch: `${kind} (${COUNT} × ~${(size / 1024).toFixed(1)} KB)`,
        runs: ms.map((m) => m.toFixed(0)).join(' / '),
        'p50 ms': Math.round(percentile(ms, 50)),
        target: '≤ 1500',
      };
    });
    rows.push(await rawInsertFloor(key));
    rows.push(await rawUpdateFloor(key));
    table(rows);
    console.log(`server peak RSS: ${server.peakRssMb().toFixed(0)} MB`);
    const p50s = (kind: 'new' | 'update') => percentile(refreshSeconds[kind], 50).toFixed(1);
    console.log(
      `background refresh after a batch (rollups, scores, segments of its 10,000 customers), p50: new ${p50s('new')} s, update ${p50s('update')} s`,
    );
  } finally {
    await server.stop();
  }
}
