/**
 * `npm run bench -- ingest`: 4 concurrent clients sending POST /events/batch of 1,000 demo events,
 * once with the server's background workers off (ingest alone) and once on (the score refresh the
 * ingest causes counts until the server is idle again), against — in the same run — 4 concurrent
 * multi-row INSERTs of the same events into a lean event table (QUALITY.md). Prints rows/s, the
 * ratios (target ≥ 0.5×), the score freshness p99 (target ≤ 5 s) and the server's peak RSS
 * (target ≤ 300 MB); then the same on PGlite for information.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoCustomer } from '@tenure/core';
import { PGlite } from '@electric-sql/pglite';
import { createDb, migrateToLatest } from '@tenure/db';
import pg from 'pg';
import { startFreshnessProbe } from './freshness-probe';
import {
  benchTenant,
  benchUrl,
  freshPostgres,
  percentile,
  postgresCpuSeconds,
  postJson,
  processCpuSeconds,
  startServerProcess,
  table,
} from './harness';
import { createLeanTable, leanInsertSql, leanRows } from './ingest-baseline';

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

interface ApiRun {
  /** Until the last answer. */
  ingestSeconds: number;
  /** Until the server is idle again (the background refresh the ingest caused included). */
  idleSeconds: number;
  rssMb: number;
  freshnessMs: number[];
  envId: string;
  customerIds: Map<string, string>;
  /** CPU seconds until the last answer: the server process, and PostgreSQL's processes. */
  serverCpu: number;
  databaseCpu: number;
}

/** One API run on a fresh database: workers on (the background refresh counted) or off. */
async function apiRun(batches: Record<string, unknown>[][], bodies: string[], workers: boolean): Promise<ApiRun> {
  const database = await freshPostgres();
  const tenant = await benchTenant(database);
  await database.close();
  const server = await startServerProcess({ DATABASE_URL: benchUrl(), TENURE_WORKERS: workers ? '1' : '0' });
  const probe = workers ? await startFreshnessProbe(benchUrl(), tenant.scope.envId) : null;
  try {
    const started = performance.now();
    const startedAt = Date.now();
    const cpuAtStart = { server: processCpuSeconds(server.pid), database: postgresCpuSeconds() };
    let index = 0;
    const ingestSeconds = await runClients(bodies, async (body) => {
      const batch = batches[index++] as Record<string, unknown>[];
      const res = await postJson(`${server.url}/api/v1/events/batch`, tenant.key, body);
      if (res.status !== 200 || res.json.errors.length || res.json.accepted !== BATCH)
        throw new Error(`ingest failed: ${JSON.stringify(res.json).slice(0, 300)}`);
      probe?.answered(batch.map((e) => e.externalId as string));
    });
    const serverCpu = processCpuSeconds(server.pid) - cpuAtStart.server;
    const databaseCpu = postgresCpuSeconds() - cpuAtStart.database;
    const idleSeconds = probe ? ((await probe.idle()) - startedAt) / 1000 : (performance.now() - started) / 1000;
    const pool = new pg.Pool({ connectionString: benchUrl(), max: 1 });
    const ids = new Map<string, string>(
      (await pool.query('select external_id, id from customers where environment_id = $1', [tenant.scope.envId])).rows.map((r) => [
        r.external_id,
        r.id,
      ]),
    );
    await pool.end();
    return {
      ingestSeconds,
      idleSeconds,
      rssMb: server.peakRssMb(),
      freshnessMs: probe?.latenciesMs() ?? [],
      envId: tenant.scope.envId,
      customerIds: ids,
      serverCpu,
      databaseCpu,
    };
  } finally {
    await probe?.stop();
    await server.stop();
  }
}

export async function benchIngest(): Promise<void> {
  const batches = demoBatches();
  const total = batches.length * BATCH;
  // Bodies are serialized before the clock starts, as the baseline's rows are built before its own.
  const bodies = batches.map((events) => JSON.stringify({ events }));

  // Without background work (what ingest cost before stored scores), then with it, each on a fresh database.
  const before = await apiRun(batches, bodies, false);
  const after = await apiRun(batches, bodies, true);

  // The baseline: multi-row INSERTs of the same events into the lean table, in the last run's database.
  const pool = new pg.Pool({ connectionString: benchUrl(), max: CLIENTS });
  await createLeanTable(pool);
  const rowsPerBatch = batches.map((b) => leanRows(b, after.envId, after.customerIds, 'lean'));
  const baseCpuAtStart = { client: process.cpuUsage(), database: postgresCpuSeconds() };
  const baseSeconds = await runClients(rowsPerBatch, async (rows) => {
    await pool.query(leanInsertSql(rows.length), rows.flat());
  });
  const baseCpu = { client: process.cpuUsage(baseCpuAtStart.client), database: postgresCpuSeconds() - baseCpuAtStart.database };
  await pool.end();

  const rate = (seconds: number) => Math.round(total / seconds);
  const baseRate = total / baseSeconds;
  table([
    {
      path: 'POST /events/batch, workers off (until the last answer)',
      events: total,
      seconds: before.ingestSeconds.toFixed(2),
      'rows/s': rate(before.ingestSeconds),
      'peak RSS MB': Math.round(before.rssMb),
    },
    {
      path: 'POST /events/batch, workers on (until the last answer)',
      events: total,
      seconds: after.ingestSeconds.toFixed(2),
      'rows/s': rate(after.ingestSeconds),
      'peak RSS MB': Math.round(after.rssMb),
    },
    {
      path: 'POST /events/batch, workers on (until idle again)',
      events: total,
      seconds: after.idleSeconds.toFixed(2),
      'rows/s': rate(after.idleSeconds),
      'peak RSS MB': Math.round(after.rssMb),
    },
    {
      path: 'baseline: multi-row INSERT into a lean event table',
      events: total,
      seconds: baseSeconds.toFixed(2),
      'rows/s': Math.round(baseRate),
      'peak RSS MB': '',
    },
  ]);
  const f = after.freshnessMs;
  console.log(
    `ratio API / lean baseline: before scores ${(total / before.ingestSeconds / baseRate).toFixed(2)}×, ` +
      `with the background refresh until idle ${(total / after.idleSeconds / baseRate).toFixed(2)}× (target ≥ 0.5×); ` +
      `server peak RSS ${Math.round(Math.max(before.rssMb, after.rssMb))} MB (target ≤ 300 MB)`,
  );
  console.log(
    `score freshness over ${f.length} customer-ingests: p50 ${percentile(f, 50).toFixed(0)} ms, p99 ${percentile(f, 99).toFixed(0)} ms, max ${Math.max(...f).toFixed(0)} ms (target p99 ≤ 5000 ms)`,
  );

  // Where the time goes: CPU per 1,000 events (workers off, until the last answer) beside the baseline's.
  const per1k = (seconds: number) => `${((seconds * 1000 * 1000) / total).toFixed(0)} ms`;
  console.log(
    `CPU per 1,000 events: API server ${per1k(before.serverCpu)} + PostgreSQL ${per1k(before.databaseCpu)}; ` +
      `baseline client ${per1k((baseCpu.client.user + baseCpu.client.system) / 1e6)} + PostgreSQL ${per1k(baseCpu.database)}`,
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
    await createLeanTable(lite);
    const ids = new Map(
      (await lite.query<{ external_id: string; id: string }>('select external_id, id from customers')).rows.map((r) => [
        r.external_id,
        r.id,
      ]),
    );
    const started = performance.now();
    for (const b of batches) {
      const rows = leanRows(b, tenant.scope.envId, ids, 'lean');
      await lite.query(leanInsertSql(rows.length), rows.flat());
    }
    const baseSeconds = (performance.now() - started) / 1000;
    await lite.close();
    const n = batches.length * BATCH;
    table([
      { path: 'POST /events/batch (API, PGlite)', events: n, 'rows/s': Math.round(n / seconds), 'peak RSS MB': Math.round(rss) },
      {
        path: 'multi-row INSERT into a lean table in PGlite (baseline)',
        events: n,
        'rows/s': Math.round(n / baseSeconds),
        'peak RSS MB': '',
      },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
