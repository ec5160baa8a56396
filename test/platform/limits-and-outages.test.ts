/** The environment rate-limit ceiling, the database-down answer, and key isolation across environments. */
import { KEY_CACHE_TTL_MS } from '@tenure/core';
import { createDb } from '@tenure/db';
import { describe, expect, it } from 'vitest';
import { callerFor } from '../helpers/caller';
import { createKey, createTenant, setEnvironmentLimits, staffActor } from '../helpers/fixtures';
import { api, startTestServer, useHttpFixture } from '../helpers/server';

const fx = useHttpFixture();

describe('environment ceiling', () => {
  it('is shared by every key of the environment', async () => {
    const tenant = await createTenant(fx.database.db);
    await setEnvironmentLimits(fx.database.db, tenant, { rateLimit: 3 });
    const a = (await createKey(fx.database.db, tenant)).key;
    const b = (await createKey(fx.database.db, tenant)).key;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await api(fx.server.url, 'GET', '/api/v1/customers/count', { key: a })).status);
      statuses.push((await api(fx.server.url, 'GET', '/api/v1/customers/count', { key: b })).status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(6);
    const last = await api(fx.server.url, 'GET', '/api/v1/customers/count', { key: a });
    expect(last.status).toBe(429);
    expect(last.body.code).toBe('TOO_MANY_REQUESTS');
    expect(last.headers.get('retry-after')).toBeTruthy();
    const otherEnv = (await createKey(fx.database.db, tenant, { mode: 'test' })).key;
    expect((await api(fx.server.url, 'GET', '/api/v1/customers/count', { key: otherEnv })).status).toBe(200);
  });
});

describe('database unavailable', () => {
  it('answers 503 quickly, with REST.md’s body, on readyz and API routes', async () => {
    const down = createDb({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none', poolSize: 1 });
    const broken = await startTestServer(down);
    try {
      const started = Date.now();
      const ready = await api(broken.url, 'GET', '/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body.code).toBe('SERVICE_UNAVAILABLE');
      const call = await api(broken.url, 'GET', '/api/v1/customers', {
        key: 'sk_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      });
      expect(call.status).toBe(503);
      expect(call.body).toEqual({ code: 'SERVICE_UNAVAILABLE', message: 'The database is unavailable; retry shortly' });
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await broken.close();
      await down.close();
    }
  });
});

describe('API key revocation', () => {
  it('takes effect at once for a key that was just used', async () => {
    const tenant = await createTenant(fx.database.db);
    const { key, id } = await createKey(fx.database.db, tenant);
    expect((await api(fx.server.url, 'GET', '/api/v1/customers/count', { key })).status).toBe(200);
    const admin = callerFor(fx.database.db, await staffActor(fx.database.db, tenant, 'admin'));
    await admin.apiKeys.revoke({ id });
    const after = await api(fx.server.url, 'GET', '/api/v1/customers/count', { key });
    expect(after.status).toBe(401);
    expect(after.body.message).toMatch(/revoked/);
  });

  it('takes effect within the key cache TTL when another process revokes it', async () => {
    const tenant = await createTenant(fx.database.db);
    const { key, id } = await createKey(fx.database.db, tenant);
    expect((await api(fx.server.url, 'GET', '/api/v1/customers/count', { key })).status).toBe(200);
    // What `tenure api-key revoke` or another server instance does: a write this process did not make.
    await fx.database.db.updateTable('apiKeys').set({ revokedAt: new Date() }).where('id', '=', id).execute();
    await new Promise((resolve) => setTimeout(resolve, KEY_CACHE_TTL_MS + 200));
    expect((await api(fx.server.url, 'GET', '/api/v1/customers/count', { key })).status).toBe(401);
  });
});

describe('API keys across environments', () => {
  it('revoking another environment’s key → NOT_FOUND, and the key keeps working', async () => {
    const tenant = await createTenant(fx.database.db);
    const other = await createTenant(fx.database.db);
    const theirs = await createKey(fx.database.db, other);
    const admin = callerFor(fx.database.db, await staffActor(fx.database.db, tenant, 'admin'));
    await expect(admin.apiKeys.revoke({ id: theirs.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await api(fx.server.url, 'GET', '/api/v1/customers/count', { key: theirs.key })).status).toBe(200);
    const testEnvKey = await createKey(fx.database.db, tenant, { mode: 'test' });
    await expect(admin.apiKeys.revoke({ id: testEnvKey.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await admin.apiKeys.list()).apiKeys.map((k) => k.id)).not.toContain(testEnvKey.id);
  });
});
