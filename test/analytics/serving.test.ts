/**
 * The serving layer of heavy analytics reads through the real HTTP server: snapshots (x-cache,
 * x-as-of, Cache-Control: no-cache, dropped by a staff import and a settings change), the
 * static cohort paths, the typed client, a failing analytics query (ANALYTICS_ERROR) and an
 * unreachable database (503).
 */
import { createTenureClient } from '@tenure/client';
import { createAnalyticsEngine } from '@tenure/core';
import { createDb } from '@tenure/db';
import { describe, expect, it } from 'vitest';
import { callerFor } from '../helpers/caller';
import { createKey, createTenant, PASSWORD, staffActor } from '../helpers/fixtures';
import { api, startTestServer, trpcHttp, useHttpFixture } from '../helpers/server';

const fx = useHttpFixture();

async function keyed() {
  const tenant = await createTenant(fx.database.db);
  const { key } = await createKey(fx.database.db, tenant);
  return { tenant, key };
}

/** The server's log lines, parsed (pino JSON), as a LogDestination. */
function capturedLog() {
  const entries: Record<string, unknown>[] = [];
  return { entries, write: (line: string) => void entries.push(JSON.parse(line)) };
}

const get = (path: string, key: string, headers: Record<string, string> = {}) =>
  api(fx.server.url, 'GET', `/api/v1${path}`, { key, headers });

describe('snapshots', () => {
  it('answer misses, then hits with the same x-as-of; Cache-Control: no-cache recomputes', async () => {
    const { key } = await keyed();
    for (const path of ['/customers/cohorts?groupBy=source&periods=3', '/customers/ltv-cohorts?months=2']) {
      const first = await get(path, key);
      expect(first.status).toBe(200);
      expect(first.headers.get('x-cache')).toBe('miss');
      expect(first.headers.get('x-as-of')).toBe(first.body.asOf);
      const second = await get(path, key);
      expect(second.headers.get('x-cache')).toBe('hit');
      expect(second.headers.get('x-as-of')).toBe(first.body.asOf);
      expect(second.body).toEqual(first.body);
      await new Promise((r) => setTimeout(r, 5));
      const fresh = await get(path, key, { 'cache-control': 'no-cache' });
      expect(fresh.headers.get('x-cache')).toBe('miss');
      expect(Date.parse(fresh.headers.get('x-as-of') ?? '')).toBeGreaterThan(Date.parse(first.body.asOf));
    }
  });

  it('are per environment and per parameters', async () => {
    const a = await keyed();
    const b = await keyed();
    expect((await get('/customers/cohorts?periods=2', a.key)).headers.get('x-cache')).toBe('miss');
    expect((await get('/customers/cohorts?periods=2', b.key)).headers.get('x-cache')).toBe('miss');
    expect((await get('/customers/cohorts?periods=3', a.key)).headers.get('x-cache')).toBe('miss');
    expect((await get('/customers/cohorts?periods=2', a.key)).headers.get('x-cache')).toBe('hit');
  });

  it('are dropped when staff finish an import in the app, and when settings change', async () => {
    const { tenant, key } = await keyed();
    const path = '/customers/cohorts?groupBy=source&periods=1';
    expect((await get(path, key)).body.cohorts).toEqual([]);
    // Written meanwhile: the snapshot does not show it yet…
    await api(fx.server.url, 'POST', '/api/v1/customers/batch', { key, body: { customers: [{ externalId: 'imp-1' }] } });
    const stale = await get(path, key);
    expect(stale.headers.get('x-cache')).toBe('hit');
    expect(stale.body.cohorts).toEqual([]);
    // …until the import (the SPA's, over tRPC with the staff session) drops the environment's snapshots.
    const login = await trpcHttp(fx.server.url, 'auth.login', { input: { email: tenant.owner.email, password: PASSWORD } });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')?.split(';')[0];
    const dropped = await trpcHttp(fx.server.url, 'analytics.dropSnapshots', { cookie, env: tenant.live.envId });
    expect(dropped.body.result?.data).toEqual({ dropped: true });
    const after = await get(path, key);
    expect(after.headers.get('x-cache')).toBe('miss');
    expect(after.body.cohorts).toEqual([expect.objectContaining({ cohort: '(none)', size: 1 })]);
    // A settings change (LTV reads activeDays and churnDays) drops them too.
    expect((await get('/customers/ltv-cohorts', key)).headers.get('x-cache')).toBe('miss');
    expect((await get('/customers/ltv-cohorts', key)).headers.get('x-cache')).toBe('hit');
    const admin = callerFor(fx.database.db, await staffActor(fx.database.db, tenant, 'admin'));
    await admin.analytics.updateSettings({ churnDays: 45 });
    expect((await get('/customers/ltv-cohorts', key)).headers.get('x-cache')).toBe('miss');
  });

  it('dropping is staff-only: an API key cannot call it', async () => {
    const { key } = await keyed();
    const res = await trpcHttp(fx.server.url, 'analytics.dropSnapshots', { key, origin: null });
    expect(res.status).toBe(403);
  });
});

describe('routes', () => {
  it('static paths reach their own procedure, not /customers/{id}; bad parameters → 400', async () => {
    const { key } = await keyed();
    for (const path of ['/customers/cohorts?groupBy=day', '/customers/ltv-cohorts?groupBy=week', '/customers/cohorts?periods=53']) {
      const res = await get(path, key);
      expect(res.status, path).toBe(400);
      expect(res.body.code).toBe('BAD_REQUEST');
    }
    const window = await get('/customers/cohorts?start=2026-02-01&end=2026-01-01', key);
    expect(window.status).toBe(400);
    expect(window.body.issues).toEqual([{ path: 'end', message: 'end must be after start' }]);
    expect((await get('/customers/cohorts?criteria=on_or_after&metric=revenue&groupBy=week', key)).body).toMatchObject({
      groupBy: 'week',
      criteria: 'on_or_after',
      metric: 'revenue',
    });
  });

  it('the typed client reaches both, with asOf in the body', async () => {
    const { key } = await keyed();
    await api(fx.server.url, 'POST', '/api/v1/events', { key, body: { externalId: 'typed', name: 'signed_up', revenue: 12.5 } });
    const tenure = createTenureClient({ url: fx.server.url, apiKey: key });
    const cohorts = await tenure.customers.cohorts.query({ groupBy: 'month', periods: 2 });
    expect(cohorts.cohorts).toEqual([
      {
        cohort: new Date().toISOString().slice(0, 7),
        size: 1,
        retention: [
          { period: 0, eligible: 1, active: 1, rate: 1 },
          { period: 1, eligible: 0, active: 0, rate: null },
        ],
      },
    ]);
    const ltv = await tenure.customers.ltvCohorts.query({ months: 1, groupBy: 'source' });
    expect(ltv).toMatchObject({ months: 1, groupBy: 'source', currency: 'USD', cohorts: [{ cohort: '(none)', size: 1, ltv: [null] }] });
    expect(Date.parse(ltv.asOf)).toBeGreaterThan(0);
  });
});

describe('failures', () => {
  it('a failing analytics query answers 500 with reason ANALYTICS_ERROR (no SQL in the body), logged with the request id', async () => {
    // A real engine over a database that lacks its tables: every query it sends is refused.
    const empty = createDb({ dataDir: 'memory://' });
    const log = capturedLog();
    const server = await startTestServer(
      fx.database,
      { LOG_LEVEL: 'error' },
      { analytics: createAnalyticsEngine(empty.db), logStream: log },
    );
    try {
      const { key } = await keyed();
      // A request id the server makes up, and one the caller sent (kept when well-formed).
      for (const [path, sent] of [
        ['/customers/cohorts', undefined],
        ['/customers/ltv-cohorts', 'trace-ltv.42'],
      ] as const) {
        const res = await api(server.url, 'GET', `/api/v1${path}`, { key, headers: sent ? { 'x-request-id': sent } : {} });
        expect(res.status).toBe(500);
        expect(res.body).toEqual({
          code: 'INTERNAL_SERVER_ERROR',
          message: expect.stringMatching(/^Analytics query failed/),
          reason: 'ANALYTICS_ERROR',
        });
        const requestId = res.headers.get('x-request-id');
        expect(requestId).toEqual(sent ?? expect.stringMatching(/^[0-9a-f-]{36}$/));
        const entries = log.entries.filter((e) => e.reqId === requestId);
        expect(entries).toContainEqual(
          expect.objectContaining({
            level: 50,
            reqId: requestId,
            reason: 'ANALYTICS_ERROR',
            msg: 'REST request failed',
            url: `/api/v1${path}`,
          }),
        );
      }
    } finally {
      await server.close();
      await empty.close();
    }
  });

  it('an unreachable analytics database answers 503 SERVICE_UNAVAILABLE quickly', async () => {
    const down = createDb({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none', poolSize: 1 });
    const server = await startTestServer(fx.database, {}, { analytics: createAnalyticsEngine(down.db) });
    try {
      const { key } = await keyed();
      const started = Date.now();
      const res = await api(server.url, 'GET', '/api/v1/customers/cohorts', { key, headers: { 'cache-control': 'no-cache' } });
      const took = Date.now() - started;
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ code: 'SERVICE_UNAVAILABLE', message: 'The database is unavailable; retry shortly' });
      // REST.md: within 2 s; asserted with a generous bound (a shared CI machine), measured here.
      expect(took).toBeLessThan(5000);
    } finally {
      await server.close();
      await down.close();
    }
  });
});
