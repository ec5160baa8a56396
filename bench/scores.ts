/**
 * `npm run bench -- scores`: the stored scores of 50,000 demo customers with ~1M events on
 * PostgreSQL (its own database, `tenure_bench_scores`): the drain after the load (rollups, scores,
 * segments of every customer, as the background refresh runs it), a full recompute when nothing
 * changed (the hourly refresh), and one after a settings change that moves most customers. Score
 * freshness during ingest and the ingest ratio with and without the background work are measured
 * by `npm run bench -- ingest`.
 */
import { changeAnalyticsSettings, recomputeEnvironment } from '@tenure/core';
import pg from 'pg';
import { loadDemo } from './analytics-data';
import { benchTenant, benchUrl, freshPostgres, percentile, table } from './harness';

const DB = 'tenure_bench_scores';
const SIZE = { label: '1M', customers: Number(process.env.BENCH_SCORES_CUSTOMERS ?? 50_000), months: 12 };

export async function benchScores(): Promise<void> {
  const database = await freshPostgres(DB);
  const tenant = await benchTenant(database);
  const pool = new pg.Pool({ connectionString: benchUrl(DB), max: 2 });
  const data = await loadDemo(database, pool, tenant.scope.envId, SIZE);
  await pool.end();

  const runs: number[] = [];
  let examined = 0;
  let changed = 0;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const r = await recomputeEnvironment(database.db, tenant.scope.envId);
    runs.push(performance.now() - started);
    examined = r.examined;
    changed = r.changed;
  }
  const started = performance.now();
  const settings = await changeAnalyticsSettings(database.db, tenant.scope, { weights: { recency: 0.3, engagement: 0.4, monetary: 0.3 } });
  const settingsMs = performance.now() - started;
  await database.close();

  table([
    {
      step: 'load (multi-row INSERTs, not timed as a target)',
      customers: data.customers,
      events: data.events,
      seconds: data.loadSeconds.toFixed(1),
      changed: '',
    },
    {
      step: 'drain after the load (rollups, scores, segments)',
      customers: data.customers,
      events: data.events,
      seconds: data.drainSeconds.toFixed(1),
      changed: '',
    },
    {
      step: 'full recompute, no new data (p50 of 3; recency moves with the clock)',
      customers: examined,
      events: data.events,
      seconds: (percentile(runs, 50) / 1000).toFixed(2),
      changed,
    },
    {
      step: 'full recompute after a weights change',
      customers: settings.recompute?.examined ?? 0,
      events: data.events,
      seconds: (settingsMs / 1000).toFixed(2),
      changed: settings.recompute?.changed ?? 0,
    },
  ]);
}
