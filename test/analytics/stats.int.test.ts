/**
 * `/customers/stats` (ANALYTICS.md): stored stages of live customers summing to the total,
 * `active` by the activity predicate at request time, over tRPC, REST and the typed client.
 */
import { createTenureClient } from '@tenure/client';
import { deleteCustomer, updateAnalyticsSettings } from '@tenure/core';
import type { Database } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb } from '../helpers/db';
import { createKey, systemActor } from '../helpers/fixtures';
import { api, startTestServer, type TestServer } from '../helpers/server';
import { type AnalyticsFixture, analyticsFixture } from './fixture';
import { DAY, DEFAULTS, referenceScores } from './reference';

let database: Database;
let server: TestServer;
beforeAll(async () => {
  database = await setupTestDb();
  server = await startTestServer(database);
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

const CUSTOMERS: [string, number, { daysAgo: number }[]][] = [
  ['new', 3, [{ daysAgo: 1 }]],
  ['dormant', 20, []],
  ['churned', 200, [{ daysAgo: 100 }]],
  ['at-risk', 100, [{ daysAgo: 50 }, { daysAgo: 40 }]],
  ['reactivated', 200, [{ daysAgo: 150 }, { daysAgo: 5 }]],
  ['active', 100, [{ daysAgo: 45 }, { daysAgo: 20 }, { daysAgo: 10 }, { daysAgo: 2 }]],
  ['active-too', 100, [{ daysAgo: 40 }, { daysAgo: 25 }]],
  ['deleted', 100, [{ daysAgo: 45 }, { daysAgo: 2 }]],
];

/** Live customers of the fixture by stage and by "an event in the last `activeDays`", from the model. */
function expectedStats(fx: AnalyticsFixture, now: Date, activeDays: number, live: string[], unscored: number) {
  const stages = { new: unscored, dormant: 0, active: 0, reactivated: 0, atRisk: 0, churned: 0 };
  let active = 0;
  for (const ext of live) {
    const { lifecycleStage } = referenceScores(fx.eventsOf(ext), fx.firstSeenOf(ext), DEFAULTS, now);
    stages[lifecycleStage === 'at_risk' ? 'atRisk' : lifecycleStage] += 1;
    if (fx.eventsOf(ext).some((e) => e.at.getTime() > Date.now() - activeDays * DAY)) active += 1;
  }
  const total = live.length + unscored;
  return { total, active, atRisk: stages.atRisk, churned: stages.churned, stages };
}

async function scoredTenant() {
  const now = new Date(Date.now() - 60_000);
  const fx = await analyticsFixture(database.db, now);
  const ids: string[] = [];
  for (const [ext, created, events] of CUSTOMERS) ids.push(await fx.customer(ext, created, events));
  // Never scored yet: counted in its default stage, `new`.
  await fx.customer('unscored', 1);
  await fx.refresh(ids);
  const scope = { envId: fx.envId, workspaceId: fx.tenant.workspaceId, actor: systemActor(fx.tenant) };
  await deleteCustomer(database.db, scope, 'ext_deleted', false);
  const live = CUSTOMERS.map(([ext]) => ext).filter((ext) => ext !== 'deleted');
  return { fx, now, scope, live };
}

describe('customer stats', () => {
  it('counts live customers by stored stage (summing to total) and active ones by the predicate', async () => {
    const { fx, now, live } = await scoredTenant();
    const { stats } = await fx.caller.customers.stats();
    expect(stats).toEqual(expectedStats(fx, now, 30, live, 1));
    expect(stats).toEqual({
      total: 8,
      active: 4,
      atRisk: 1,
      churned: 1,
      stages: { new: 2, dormant: 1, active: 2, reactivated: 1, atRisk: 1, churned: 1 },
    });
    expect(Object.values(stats.stages).reduce((a, b) => a + b, 0)).toBe(stats.total);
  });

  it('takes `active` from activeDays at request time, without a recompute', async () => {
    const { fx, now, scope, live } = await scoredTenant();
    await updateAnalyticsSettings(database.db, scope, { activeDays: 45 });
    const { stats } = await fx.caller.customers.stats();
    expect(stats).toEqual(expectedStats(fx, now, 45, live, 1));
    expect(stats.active).toBe(5);
  });

  it('serves GET /customers/stats over REST and the typed client, not /customers/{id}', async () => {
    const { fx } = await scoredTenant();
    // A customer whose externalId is "stats" stays reachable as ext_stats.
    await fx.customer('stats', 10);
    const { key } = await createKey(database.db, fx.tenant);
    const rest = await api(server.url, 'GET', '/api/v1/customers/stats', { key });
    expect(rest.status).toBe(200);
    const { stats } = await fx.caller.customers.stats();
    expect(rest.body).toEqual({ stats });
    const byId = await api(server.url, 'GET', '/api/v1/customers/ext_stats', { key });
    expect(byId.body.customer.externalId).toBe('stats');

    const client = createTenureClient({ url: server.url, apiKey: key });
    expect(await client.customers.stats.query()).toEqual({ stats });

    const { key: noScope } = await createKey(database.db, fx.tenant, { scopes: ['events:read'] });
    expect((await api(server.url, 'GET', '/api/v1/customers/stats', { key: noScope })).status).toBe(403);
  });

  it('answers zeros for an environment without customers', async () => {
    const fx = await analyticsFixture(database.db, new Date());
    expect(await fx.caller.customers.stats()).toEqual({
      stats: {
        total: 0,
        active: 0,
        atRisk: 0,
        churned: 0,
        stages: { new: 0, dormant: 0, active: 0, reactivated: 0, atRisk: 0, churned: 0 },
      },
    });
  });
});
