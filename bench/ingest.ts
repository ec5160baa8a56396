/**
 * `npm run bench -- ingest`: 4 concurrent clients sending POST /events/batch of 1,000 demo events,
 * against — in the same run — 4 concurrent multi-row INSERTs of the same rows straight through
 * `pg` into a table with the same indexes. Prints rows/s for both, the ratio (target ≥ 0.5×) and
 * the server's peak RSS (target ≤ 300 MB); then the same on PGlite for information.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newId } from '@tenure/contract';
import { demoCustomer, touchOf } from '@tenure/core';
import { PGlite } from '@electric-sql/pglite';
import { createDb, migrateToLatest } from '@tenure/db';
import pg from 'pg';
import { benchTenant, benchUrl, freshPostgres, postJson, startServerProcess, table } from './harness';

const CLIENTS = 4;
const BATCH = 1000;
const TARGET_EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 100_000);

/** Demo events (same generator as `tenure seed`), cut into batches of 1,000. */
function demoBatches(): Record<string, unknown>[][] {
  const now = new Date();
  const events: Record<string, unknown>[] = [];
  for (let i = 0; events.length < TARGET_EVENTS; i++) events.push(...demoCustomer({ customers: 0, months: 12, seed: 99, now }, i).events);
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i + BATCH <= events.length && batches.length * BATCH < TARGET_EVENTS; i += BATCH)
    batches.push(events.slice(i, i + BATCH));
  return batches;
}

async function runClients<T>(batches: T[], send: (batch: T) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < batches.length) await send(batches[next++] as T);
    }),
  );
  return (performance.now() - started) / 1000;
}

const COLUMNS = [
  'id',
  'environment_id',
  'customer_id',
  'name',
  'properties',
  'timestamp',
  'received_at',
  'effective_at',
  'revenue_minor',
  'message_id',
  'context',
  'is_touchpoint',
  'touch_source',
  'touch_medium',
  'touch_campaign',
];

/** The same rows as the API stores, for the baseline's plain INSERT. */
function baselineRows(batch: Record<string, unknown>[], envId: string, customerIds: Map<string, string>): unknown[][] {
  const now = new Date();
  return batch.map((e) => {
    const ts = new Date(e.timestamp as string);
    const touch = touchOf(e.context as never);
    return [
      newId('event'),
      envId,
      customerIds.get(e.externalId as string),
      e.name,
      JSON.stringify(e.properties ?? {}),
      ts,
      now,
      ts < now ? ts : now,
      e.revenue == null ? null : Math.round((e.revenue as number) * 100),
      `base-${e.messageId}`,
      e.context ? JSON.stringify(e.context) : null,
      touch.isTouchpoint,
      touch.source,
      touch.medium,
      touch.campaign,
    ];
  });
}

function insertSql(rows: number): string {
  const values = Array.from({ length: rows }, (_, r) => `(${COLUMNS.map((_, c) => `$${r * COLUMNS.length + c + 1}`).join(',')})`);
  return `insert into bench_events (${COLUMNS.join(',')}) values ${values.join(',')}`;
}

export async function benchIngest(): Promise<void> {
  const batches = demoBatches();
  const total = batches.length * BATCH;

  // PostgreSQL: the API in its own process…
  const database = await freshPostgres();
  const tenant = await benchTenant(database);
  const server = await startServerProcess({ DATABASE_URL: benchUrl(), TENURE_INGEST_RATE_LIMIT: '1000000' });
  let apiSeconds: number;
  let rss: number;
  // Bodies are serialized before the clock starts, as the baseline's rows are built before its own.
  const bodies = batches.map((events) => JSON.stringify({ events }));
  try {
    apiSeconds = await runClients(bodies, async (body) => {
      const res = await postJson(`${server.url}/api/v1/events/batch`, tenant.key, body);
      if (res.status !== 200 || res.json.errors.length || res.json.accepted !== BATCH)
        throw new Error(`ingest failed: ${JSON.stringify(res.json).slice(0, 300)}`);
    });
    rss = server.peakRssMb();
  } finally {
    await server.stop();
  }

  // …against plain multi-row INSERTs of the same rows into a copy of the table with the same indexes.
  const pool = new pg.Pool({ connectionString: benchUrl(), max: CLIENTS });
  await pool.query('create table bench_events (like events including all)');
  const ids = new Map(
    (await pool.query('select external_id, id from customers where environment_id = $1', [tenant.scope.envId])).rows.map((r) => [
      r.external_id,
      r.id,
    ]),
  );
  const rowsPerBatch = batches.map((b) => baselineRows(b, tenant.scope.envId, ids));
  const baseSeconds = await runClients(rowsPerBatch, async (rows) => {
    await pool.query(insertSql(rows.length), rows.flat());
  });
  await pool.end();
  await database.close();

  const apiRate = total / apiSeconds;
  const baseRate = total / baseSeconds;
  table([
    { path: 'POST /events/batch (API, PostgreSQL)', events: total, seconds: apiSeconds.toFixed(2), 'rows/s': Math.round(apiRate) },
    { path: 'multi-row INSERT through pg (baseline)', events: total, seconds: baseSeconds.toFixed(2), 'rows/s': Math.round(baseRate) },
  ]);
  console.log(
    `ratio API / baseline: ${(apiRate / baseRate).toFixed(2)}× (target ≥ 0.5×); server peak RSS ${rss.toFixed(0)} MB (target ≤ 300 MB)`,
  );

  await benchIngestPglite(batches.slice(0, 20));
}

/** The same on the embedded PGlite, for information (one process, so the baseline runs in-process). */
async function benchIngestPglite(batches: Record<string, unknown>[][]): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tenure-bench-pglite-'));
  try {
    const setup = createDb({ dataDir: dir });
    await migrateToLatest(setup.db);
    const tenant = await benchTenant(setup);
    await setup.close();
    const server = await startServerProcess({ TENURE_DATA_DIR: dir, TENURE_INGEST_RATE_LIMIT: '1000000' }, 3901);
    let seconds: number;
    let rss: number;
    try {
      const bodies = batches.map((events) => JSON.stringify({ events }));
      seconds = await runClients(bodies, async (body) => {
        const res = await postJson(`${server.url}/api/v1/events/batch`, tenant.key, body);
        if (res.status !== 200 || res.json.errors.length) throw new Error(`ingest failed: ${JSON.stringify(res.json).slice(0, 300)}`);
      });
      rss = server.peakRssMb();
    } finally {
      await server.stop();
    }
    const lite = new PGlite(dir);
    await lite.query('create table bench_events (like events including all)');
    const ids = new Map(
      (await lite.query<{ external_id: string; id: string }>('select external_id, id from customers')).rows.map((r) => [
        r.external_id,
        r.id,
      ]),
    );
    const started = performance.now();
    for (const b of batches) {
      const rows = baselineRows(b, tenant.scope.envId, ids);
      await lite.query(insertSql(rows.length), rows.flat());
    }
    const baseSeconds = (performance.now() - started) / 1000;
    await lite.close();
    const n = batches.length * BATCH;
    table([
      { path: 'POST /events/batch (API, PGlite)', events: n, 'rows/s': Math.round(n / seconds), 'peak RSS MB': Math.round(rss) },
      { path: 'multi-row INSERT in PGlite (baseline)', events: n, 'rows/s': Math.round(n / baseSeconds), 'peak RSS MB': '' },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
