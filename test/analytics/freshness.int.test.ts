/**
 * Freshness of stored scores: writes mark the customers they make stale, a durable job drains the
 * marks, the hourly refresh runs once per environment however many processes sweep, and
 * recalculate-ltv brings one customer up to date at once.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createJobRunner, drainStaleScores, type JobRunner } from '@tenure/core';
import { createDb, type Database, scoreQueueQueries, sql } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb } from '../helpers/db';
import { callerFor, full } from '../helpers/caller';
import { createKey, createTenant, keyActor, type Tenant } from '../helpers/fixtures';
import { api, startTestServer, type TestServer } from '../helpers/server';
import { pickScores } from './fixture';
import { DAY, DEFAULTS, referenceScores } from './reference';

let database: Database;
let runner: JobRunner;
let server: TestServer;
let tenant: Tenant;
let key: string;

beforeAll(async () => {
  database = await setupTestDb();
  runner = createJobRunner(database, { work: true });
  await runner.start();
  server = await startTestServer(database, {}, { jobs: runner });
  tenant = await createTenant(database.db);
  key = (await createKey(database.db, tenant)).key;
});
afterAll(async () => {
  await server.close();
  await runner.stop();
  await database.close();
});

/**
 * A caller over a handle of the same database that the job runner does not listen to: its writes
 * mark customers but wake no background drain, so a mark can be looked at before a drain takes it.
 */
const quietCaller = (t: Tenant) =>
  callerFor(database.db.withPlugin({ transformQuery: (a) => a.node, transformResult: async (a) => a.result }), keyActor(t));

const stale = async (envId: string) => (await scoreQueueQueries.peekStale(database.db, envId, 1000)).map((m) => m.customerId);

describe('background refresh', () => {
  it('brings an ingested customer’s scores up to date within seconds, without the ingest waiting', async () => {
    const res = await api(server.url, 'POST', '/api/v1/events', { key, body: { externalId: 'fresh-1', name: 'session_started' } });
    expect(res.status).toBe(200);
    const answeredAt = Date.now();
    let customer: { health: number | null; scoresComputedAt: string | null } | undefined;
    for (let i = 0; i < 300; i++) {
      customer = (await api(server.url, 'GET', '/api/v1/customers/ext_fresh-1', { key })).body.customer;
      if (customer?.scoresComputedAt && Date.parse(customer.scoresComputedAt) >= answeredAt - 1) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(Date.parse(customer?.scoresComputedAt ?? '')).toBeGreaterThanOrEqual(answeredAt - 1);
    // One event just now: R = 100, engagement round(100·ln 2/ln 21) = 23, M = 50 → health 66, medium risk, new.
    expect(customer).toMatchObject({ health: 66, riskLevel: 'medium', lifecycleStage: 'new', engagementScore: 23 });
    // The drain clears a mark after the customer's segments are recounted, moments after its scores show.
    for (let i = 0; i < 50 && (await stale(tenant.live.envId)).length; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await stale(tenant.live.envId)).toEqual([]);
  });
});

describe('a runner starting', () => {
  it('drains the marks writes left while no runner listened', async () => {
    const t = await createTenant(database.db);
    const k = (await createKey(database.db, t)).key;
    const id = (await api(server.url, 'POST', '/api/v1/customers', { key: k, body: { externalId: 'left-1' } })).body.customer.id;
    for (let i = 0; i < 100 && (await stale(t.live.envId)).length; i++) await new Promise((r) => setTimeout(r, 100));
    // A mark nobody was told about (a CLI write, a crash before the wake-up).
    await scoreQueueQueries.markStale(database.db, t.live.envId, [id], new Date());
    const starting = createJobRunner(database, { work: true });
    await starting.start();
    try {
      for (let i = 0; i < 100 && (await stale(t.live.envId)).length; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await stale(t.live.envId)).toEqual([]);
    } finally {
      await starting.stop();
    }
  });
});

describe('marks', () => {
  it('are written by new customers, profile and attribute edits (segments read them), a moved createdAt and events, and cleared by a drain', async () => {
    const t = await createTenant(database.db);
    const k = (await createKey(database.db, t)).key;
    const env = t.live.envId;
    const id = (await api(server.url, 'POST', '/api/v1/customers', { key: k, body: { externalId: 'm-1', name: 'A' } })).body.customer.id;
    await drainStaleScores(database.db, env);
    expect(await stale(env)).toEqual([]);
    const quiet = quietCaller(t);
    await quiet.customers.update({ id, name: 'B', attributes: { plan_tier: 'gold' } });
    expect(await stale(env)).toEqual([id]);
    await drainStaleScores(database.db, env);
    // An upsert that changes nothing writes nothing, and marks nothing.
    await quiet.customers.upsert({ externalId: 'm-1', name: 'B' });
    expect(await stale(env)).toEqual([]);
    await quiet.customers.update({ id, createdAt: '2025-01-01T00:00:00Z' });
    expect(await stale(env)).toEqual([id]);
    await drainStaleScores(database.db, env);
    const customer = (await api(server.url, 'GET', `/api/v1/customers/${id}`, { key: k })).body.customer;
    // Signed up long ago and never active: churned (firstSeenAt ≤ now − 60 d, no event).
    expect(customer.lifecycleStage).toBe('churned');
    expect(await stale(env)).toEqual([]);
  });

  it('a re-mark made while a drain runs survives it', async () => {
    const t = await createTenant(database.db);
    const env = t.live.envId;
    const quiet = quietCaller(t);
    const id = full(await quiet.customers.upsert({ externalId: 'race' })).customer.id;
    const [mark] = await scoreQueueQueries.peekStale(database.db, env, 10);
    expect(mark?.customerId).toBe(id);
    // A write re-marks the customer after the drain read the mark and before it clears it.
    await scoreQueueQueries.markStale(database.db, env, [id], new Date());
    await scoreQueueQueries.clearStale(database.db, env, mark ? [mark] : []);
    expect(await stale(env)).toEqual([id]);
  });
});

describe('POST /customers/{id}/recalculate-ltv', () => {
  it('restores every aggregate and score from the events, now, after they were corrupted behind its back', async () => {
    const t = await createTenant(database.db);
    const k = (await createKey(database.db, t)).key;
    const past = (days: number) => new Date(Date.now() - days * DAY).toISOString();
    const [first, , last] = [past(40), past(20), past(2)];
    const events = [
      {
        externalId: 'r-1',
        name: 'visit',
        timestamp: first,
        context: { campaign: { source: 'newsletter', medium: 'email', name: 'june' } },
      },
      { externalId: 'r-1', name: 'purchase', timestamp: past(20), revenue: 30.25, context: { campaign: { source: 'ads', name: 'later' } } },
      { externalId: 'r-1', name: 'refund', timestamp: last, revenue: -5.5 },
    ];
    expect((await api(server.url, 'POST', '/api/v1/events/batch', { key: k, body: { events } })).body.accepted).toBe(3);
    // Let the background drain finish first, so nothing but the call under test can repair the row.
    for (let i = 0; i < 100 && (await stale(t.live.envId)).length; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await stale(t.live.envId)).toEqual([]);
    const id = (await api(server.url, 'GET', '/api/v1/customers/ext_r-1', { key: k })).body.customer.id as string;
    const columns = async () =>
      (
        await sql<Record<string, unknown>>`
          select event_count, revenue_minor, first_event_at, last_event_at, first_seen_at, acq_event_id, acq_at, acq_source,
            acq_medium, acq_campaign, health, risk_level, lifecycle_stage
          from customers where environment_id = ${t.live.envId} and id = ${id}`.execute(database.db)
      ).rows[0];
    const good = await columns();
    expect(good).toMatchObject({ eventCount: 3, revenueMinor: 2475, acqSource: 'newsletter', acqMedium: 'email', acqCampaign: 'june' });

    await sql`
      update customers set event_count = 99, revenue_minor = 1, first_event_at = now(), last_event_at = '2020-01-01T00:00:00Z',
        acq_event_id = null, acq_at = null, acq_source = 'corrupt', acq_medium = null, acq_campaign = 'corrupt',
        health = 1, health_components = null, risk_level = 'high', lifecycle_stage = 'churned', engagement_score = 0,
        expansion_score = 0, scores_computed_at = '2020-01-01T00:00:00Z'
      where environment_id = ${t.live.envId} and id = ${id}`.execute(database.db);
    const calledAt = Date.now();
    const { status, body } = await api(server.url, 'POST', `/api/v1/customers/${id}/recalculate-ltv`, { key: k });
    expect(status).toBe(200);
    expect(await columns()).toEqual(good);
    const { customer } = body;
    expect(customer).toMatchObject({
      ltv: 24.75,
      lastActivityAt: last,
      acquisition: {
        source: 'newsletter',
        medium: 'email',
        campaign: 'june',
        clickId: null,
        referrer: null,
        landingUrl: null,
        firstSeenAt: first,
      },
    });
    expect(Date.parse(customer.scoresComputedAt)).toBeGreaterThanOrEqual(calledAt);
    // Scores as the model gives them at the new computation time (previousHealth is the corrupted 1 it replaced).
    const model = referenceScores(
      events.map((e) => ({ at: new Date(e.timestamp), revenue: e.revenue })),
      new Date(first),
      DEFAULTS,
      new Date(customer.scoresComputedAt),
    );
    expect(pickScores(customer)).toEqual({ ...model, previousHealth: 1 });
  });
});

/** This hour's `scores.hourly` jobs of an environment, and how many completed. */
const hourlyJobs = async (envId: string) =>
  (
    await sql<{ n: number; done: number }>`
      select count(*)::int as n, count(*) filter (where state = 'completed')::int as done
      from pgboss.job where name = 'scores.hourly' and singleton_key = ${envId}`.execute(database.db)
  ).rows[0];

/** A new environment with one customer, swept by `sweeps`, then exactly one hourly recompute of it done. */
async function expectOneHourlyRun(sweeps: () => Promise<unknown>) {
  const t = await createTenant(database.db);
  const k = (await createKey(database.db, t)).key;
  await api(server.url, 'POST', '/api/v1/customers', { key: k, body: { externalId: 'h-1' } });
  await sweeps();
  // Every environment of the shared test database is swept too: give the workers time.
  for (let i = 0; i < 1200 && (await hourlyJobs(t.live.envId))?.done !== 1; i++) await new Promise((r) => setTimeout(r, 100));
  expect(await hourlyJobs(t.live.envId)).toEqual({ n: 1, done: 1 });
  const status = await scoreQueueQueries.findRecompute(database.db, t.live.envId);
  expect(status).toMatchObject({ reason: 'hourly', state: 'done', examined: 1 });
}

/** test/helpers/job-runner-process.ts in its own process: `sweep()` asks it to sweep and resolves once it did. */
async function startJobRunnerProcess() {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/helpers/job-runner-process.ts')], {
    env: process.env,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
  const waitFor = async (line: string, count: number) => {
    for (let i = 0; i < 600 && lines.filter((l) => l === line).length < count; i++) {
      if (child.exitCode !== null) throw new Error(`job runner process exited with ${child.exitCode}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(lines.filter((l) => l === line)).toHaveLength(count);
  };
  await waitFor('started', 1);
  let sweeps = 0;
  return {
    async sweep() {
      sweeps += 1;
      child.stdin.write('sweep\n');
      await waitFor('swept', sweeps);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.stdin.end();
      }),
  };
}

describe('hourly refresh', () => {
  // Two runners in this process: on PostgreSQL each with a connection pool of its own; on the
  // embedded PGlite (one process by nature) over the same instance.
  it('runs once per environment however many runners sweep', { timeout: 180_000 }, async () => {
    const second: Database = process.env.DATABASE_URL ? createDb({ databaseUrl: process.env.DATABASE_URL, poolSize: 3 }) : database;
    const other = createJobRunner(second, { work: true });
    await other.start();
    try {
      await expectOneHourlyRun(() => Promise.all([runner.sweep(), other.sweep(), runner.sweep()]));
    } finally {
      await other.stop();
      if (second !== database) await second.close();
    }
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'runs once per environment when another process (its own job runner and pool) sweeps at the same time (needs PostgreSQL: DATABASE_URL; PGlite is one process)',
    { timeout: 180_000 },
    async () => {
      const other = await startJobRunnerProcess();
      try {
        // Both processes sweep at once, twice; either may take the hourly jobs.
        await expectOneHourlyRun(() => Promise.all([other.sweep(), runner.sweep(), other.sweep(), runner.sweep()]));
      } finally {
        await other.stop();
      }
    },
  );
});
