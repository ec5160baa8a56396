/**
 * Attribution, reports and calibration through the real HTTP server: snapshots (x-cache, x-as-of,
 * Cache-Control: no-cache), the paths (the customer sub-resource, static paths before
 * /customers/{id}), 400s, the typed client, a failing analytics query (ANALYTICS_ERROR) and an
 * unreachable analytics database (503).
 */
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { createTenureClient } from '@tenure/client';
import { createAnalyticsEngine } from '@tenure/core';
import { createDb } from '@tenure/db';
import { describe, expect, it } from 'vitest';
import { createKey, createTenant } from '../helpers/fixtures';
import { api, startTestServer, useHttpFixture } from '../helpers/server';

const fx = useHttpFixture();

async function keyed() {
  const tenant = await createTenant(fx.database.db);
  const { key } = await createKey(fx.database.db, tenant);
  // One customer with a touchpoint and a conversion, so every route has something to answer.
  const body = {
    events: [
      { externalId: 'buyer', name: 'visit', context: { campaign: { source: 'google', medium: 'cpc', name: 'brand' } } },
      { externalId: 'buyer', name: 'order_completed', revenue: 25 },
    ],
  };
  const res = await api(fx.server.url, 'POST', '/api/v1/events/batch', { key, body });
  expect(res.body.accepted).toBe(2);
  return { tenant, key };
}

const get = (path: string, key: string, headers: Record<string, string> = {}, url = fx.server.url) =>
  api(url, 'GET', `/api/v1${path}`, { key, headers });

/** A TCP listener that takes connections and never says a word: a database host that hangs. */
async function silentDatabase() {
  const sockets = new Set<Socket>();
  const listener = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const { port } = listener.address() as AddressInfo;
  return {
    url: `postgres://nobody@127.0.0.1:${port}/none`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => listener.close(resolve));
    },
  };
}

const PATHS = [
  '/customers/ext_buyer/attribution?model=linear',
  '/attribution?groupBy=campaign',
  '/reports?range=7d',
  '/reports/health-calibration?days=7',
];

describe('snapshots', () => {
  it('answer misses, then hits with the same x-as-of; Cache-Control: no-cache recomputes', async () => {
    const { key } = await keyed();
    for (const path of PATHS) {
      const first = await get(path, key);
      expect(first.status, path).toBe(200);
      expect(first.headers.get('x-cache')).toBe('miss');
      const asOf = first.headers.get('x-as-of');
      expect(Date.parse(asOf ?? '')).toBeGreaterThan(0);
      const second = await get(path, key);
      expect(second.headers.get('x-cache')).toBe('hit');
      expect(second.headers.get('x-as-of')).toBe(asOf);
      expect(second.body).toEqual(first.body);
      await new Promise((r) => setTimeout(r, 5));
      const fresh = await get(path, key, { 'cache-control': 'no-cache' });
      expect(fresh.headers.get('x-cache')).toBe('miss');
      expect(Date.parse(fresh.headers.get('x-as-of') ?? '')).toBeGreaterThan(Date.parse(asOf ?? ''));
    }
  });

  it('carry the computation time in the body too', async () => {
    const { key } = await keyed();
    const attribution = await get('/customers/ext_buyer/attribution', key);
    expect(attribution.body.asOf).toBe(attribution.headers.get('x-as-of'));
    const report = await get('/reports', key);
    expect(report.body.asOf).toBe(report.headers.get('x-as-of'));
    const calibration = await get('/reports/health-calibration', key);
    expect(calibration.body.computedAt).toBe(calibration.headers.get('x-as-of'));
    expect(Date.parse(calibration.body.computedAt) - Date.parse(calibration.body.asOf)).toBe(30 * 86_400_000);
  });
});

describe('routes', () => {
  it('serve the customer sub-resource by cus_ and ext_ ids, and keep the static customer paths', async () => {
    const { key } = await keyed();
    const byExt = await get('/customers/ext_buyer/attribution', key);
    expect(byExt.status).toBe(200);
    expect(byExt.body.conversions[0].credits).toEqual([
      { touchpointEventId: byExt.body.touchpoints[0].eventId, source: 'google', medium: 'cpc', campaign: 'brand', weight: 1, revenue: 25 },
    ]);
    const byId = await get(`/customers/${byExt.body.customerId}/attribution`, key);
    expect(byId.body.customerId).toBe(byExt.body.customerId);
    for (const path of ['/customers/cohorts', '/customers/ltv-cohorts', '/customers/stats', '/customers/count'])
      expect((await get(path, key)).status, path).toBe(200);
    expect((await get('/customers/ext_nobody/attribution', key)).status).toBe(404);
  });

  it('answer 400 with issues for bad parameters', async () => {
    const { key } = await keyed();
    const both = await get('/reports?range=7d&start=2026-01-01&end=2026-02-01', key);
    expect(both.status).toBe(400);
    expect(both.body.issues).toEqual([{ path: 'range', message: 'Give either range or start and end, not both' }]);
    for (const path of [
      '/reports?range=14d',
      '/reports?interval=month',
      '/reports?metrics=events,visits',
      '/reports?start=2026-01-01',
      '/attribution?model=u_shaped',
      '/attribution?groupBy=content',
      '/attribution?lookbackDays=366',
      '/attribution?start=2026-02-01&end=2026-01-01',
      '/customers/ext_buyer/attribution?lookbackDays=0',
      '/reports/health-calibration?days=6',
      '/reports/health-calibration?days=181',
    ]) {
      const res = await get(path, key);
      expect(res.status, path).toBe(400);
      expect(res.body.code).toBe('BAD_REQUEST');
    }
    const metrics = await get('/reports?metrics=revenue,events&interval=week', key);
    expect(Object.keys(metrics.body.totals)).toEqual(['events', 'revenue']);
    expect(metrics.body.totals).toEqual({ events: 2, revenue: 25 });
  });

  it('the typed client reaches all four', async () => {
    const { key } = await keyed();
    const tenure = createTenureClient({ url: fx.server.url, apiKey: key });
    const customer = await tenure.customers.attribution.query({ id: 'ext_buyer', model: 'first_touch' });
    expect(customer.firstTouch?.source).toBe('google');
    const rows = await tenure.analytics.attribution.query({ groupBy: 'medium' });
    expect(rows.rows).toEqual([{ key: 'cpc', conversions: 1, revenue: 25 }]);
    const report = await tenure.analytics.report.query({ range: '7d', metrics: 'activeCustomers,newCustomers' });
    expect(report.totals).toEqual({ activeCustomers: 1, newCustomers: 1 });
    expect(report.series).toHaveLength(8);
    const calibration = await tenure.analytics.healthCalibration.query({ days: 7 });
    expect(calibration.bands.map((b) => b.band)).toEqual(['low', 'medium', 'high', 'none']);
  });
});

describe('failures', () => {
  it('a failing analytics query answers 500 with reason ANALYTICS_ERROR (no SQL in the body)', async () => {
    // A real engine over a database that lacks its tables: every query it sends is refused.
    const empty = createDb({ dataDir: 'memory://' });
    const server = await startTestServer(fx.database, {}, { analytics: createAnalyticsEngine(empty.db) });
    try {
      const { key } = await keyed();
      for (const path of PATHS) {
        const res = await get(path, key, {}, server.url);
        expect(res.status, path).toBe(500);
        expect(res.body).toEqual({
          code: 'INTERNAL_SERVER_ERROR',
          message: expect.stringMatching(/^Analytics query failed/),
          reason: 'ANALYTICS_ERROR',
        });
      }
    } finally {
      await server.close();
      await empty.close();
    }
  });

  // REST.md: 503 within 2 s, whether the database refuses the connection or never answers it.
  it.each([
    ['refuses connections', async () => ({ url: 'postgres://nobody@127.0.0.1:1/none', close: async () => {} })],
    ['accepts connections and never answers', silentDatabase],
  ])('an analytics database that %s answers 503 SERVICE_UNAVAILABLE within 2 s', async (_name, open) => {
    const target = await open();
    const down = createDb({ databaseUrl: target.url, poolSize: 1 });
    const server = await startTestServer(fx.database, {}, { analytics: createAnalyticsEngine(down.db) });
    try {
      const { key } = await keyed();
      for (const path of PATHS) {
        const started = Date.now();
        const res = await get(path, key, { 'cache-control': 'no-cache' }, server.url);
        expect(res.status, path).toBe(503);
        expect(res.body.code).toBe('SERVICE_UNAVAILABLE');
        expect(Date.now() - started, path).toBeLessThan(2000);
      }
    } finally {
      await server.close();
      await down.close();
      await target.close();
    }
  });
});
