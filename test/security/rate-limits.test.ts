/** Rate limits per key and per environment for each class, counted per call, and failed authentication limited per IP. */
import { keyCache } from '@tenure/core';
import type { Database } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb } from '../helpers/db';
import { createKey, createTenant, setEnvironmentLimits } from '../helpers/fixtures';
import { api, startTestServer, type TestServer, trpcHttp } from '../helpers/server';

let database: Database;
beforeAll(async () => {
  database = await setupTestDb();
});
afterAll(() => database.close());

async function withServer(env: Record<string, string>, fn: (server: TestServer) => Promise<void>) {
  const server = await startTestServer(database, env);
  try {
    await fn(server);
  } finally {
    await server.close();
  }
}

describe('per call', () => {
  it('a tRPC batch of n calls counts n against the key', async () => {
    await withServer({ TENURE_RATE_LIMIT: '5' }, async (server) => {
      const tenant = await createTenant(database.db);
      const { key } = await createKey(database.db, tenant);
      // 10 calls in one HTTP request: the whole 2-second budget of a 5/s key.
      const names = Array.from({ length: 10 }, () => 'customers.count').join(',');
      const input = JSON.stringify(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i, {}])));
      const batch = await fetch(`${server.url}/trpc/${names}?batch=1&input=${encodeURIComponent(input)}`, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(batch.status).toBe(200);
      const next = await trpcHttp(server.url, 'customers.count', { key, query: true });
      expect(next.status).toBe(429);
      expect(next.headers.get('retry-after')).toBeTruthy();
    });
  });
});

describe('classes', () => {
  it('a flood of ingestion from a publishable key leaves the secret keys’ reads answered', async () => {
    await withServer({ TENURE_RATE_LIMIT: '5', TENURE_INGEST_RATE_LIMIT: '1000' }, async (server) => {
      const tenant = await createTenant(database.db);
      // The environment's ingestion ceiling is far below what the public key may send.
      await setEnvironmentLimits(database.db, tenant, { ingestRateLimit: 10 });
      const { key: pk } = await createKey(database.db, tenant, { type: 'publishable' });
      const { key: sk } = await createKey(database.db, tenant);
      const flood = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          api(server.url, 'POST', '/api/v1/events', { key: pk, body: { externalId: `f${i}`, name: 'x' } }),
        ),
      );
      expect(flood.filter((r) => r.status === 429).length).toBeGreaterThan(0);
      const read = await api(server.url, 'GET', '/api/v1/customers/count', { key: sk });
      expect(read.status).toBe(200);
      expect(read.headers.get('ratelimit-limit')).toBe('10');
    });
  });

  it('per-key and per-environment limits are read from the key and the environment', async () => {
    await withServer({}, async (server) => {
      const tenant = await createTenant(database.db);
      const { key } = await createKey(database.db, tenant, { rateLimit: 2 });
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await api(server.url, 'GET', '/api/v1/customers/count', { key })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429]);
      const limited = await api(server.url, 'GET', '/api/v1/customers/count', { key });
      expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
      expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    });
  });
});

describe('failed authentication', () => {
  it('is limited per client IP, before any lookup, and a valid key from elsewhere is unaffected', async () => {
    await withServer({ TENURE_AUTH_FAILURE_LIMIT: '5', TENURE_TRUST_PROXY: 'true' }, async (server) => {
      const tenant = await createTenant(database.db);
      const { key } = await createKey(database.db, tenant);
      const bogus = (i: number) => `sk_live_${'a'.repeat(50)}${String.fromCharCode(98 + (i % 20))}a`;
      const cached = keyCache(database.db).size;
      const from = (ip: string) => ({ 'x-forwarded-for': ip });
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        statuses.push((await api(server.url, 'GET', '/api/v1/customers/count', { key: bogus(i), headers: from('203.0.113.9') })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
      // Refused keys leave no trace in the key cache (80,000 bogus keys used to grow memory by 120 MB).
      expect(keyCache(database.db).size).toBe(cached);
      // Even a valid key is refused from an address that keeps failing…
      expect((await api(server.url, 'GET', '/api/v1/customers/count', { key, headers: from('203.0.113.9') })).status).toBe(429);
      // …and answered from any other.
      expect((await api(server.url, 'GET', '/api/v1/customers/count', { key, headers: from('198.51.100.7') })).status).toBe(200);
    });
  });
});
