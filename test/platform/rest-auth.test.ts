/**
 * runCommonAuthTests: every REST operation of the OpenAPI document, now and later, is checked with
 * no key, an unknown key, a revoked key, a key without the scope, a publishable key where it is
 * not allowed, and another workspace's object id.
 */
import { buildOpenApiDocument, type TenureMeta } from '@tenure/api';
import { appRouter } from '@tenure/api';
import type { Database } from '@tenure/db';
import { SCOPES, type Scope as ApiScope } from '@tenure/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb } from '../helpers/db';
import { createKey, createTenant, type Tenant } from '../helpers/fixtures';
import { api, startTestServer, type TestServer } from '../helpers/server';
import { revokeApiKey, systemActor } from '@tenure/core';

interface Route {
  method: string;
  path: string;
  permission: ApiScope;
  publishable: boolean;
}

/** Routes from the router's OpenAPI meta: a new procedure cannot skip these checks. */
function restRoutes(): Route[] {
  const routes: Route[] = [];
  for (const procedure of Object.values(appRouter._def.procedures)) {
    const meta = (procedure as unknown as { _def: { meta?: TenureMeta } })._def.meta;
    if (!meta?.openapi) continue;
    if (!meta.auth) throw new Error(`${meta.openapi.path} has no auth meta`);
    routes.push({
      method: meta.openapi.method,
      path: meta.openapi.path,
      permission: meta.auth.permission as ApiScope,
      publishable: meta.auth.publishable,
    });
  }
  return routes;
}

let database: Database;
let server: TestServer;
let tenant: Tenant;
let other: Tenant;
let otherCustomerId: string;
let otherEventId: string;
let otherSegmentId: string;
let keys: { full: string; revoked: string; publishable: string; otherFull: string };

beforeAll(async () => {
  database = await setupTestDb();
  // Two refused keys per route, from one address: the per-IP failure limit is tested on its own (test/security/rate-limits).
  server = await startTestServer(database, { TENURE_AUTH_FAILURE_LIMIT: '100000' });
  tenant = await createTenant(database.db);
  other = await createTenant(database.db);
  const revoked = await createKey(database.db, tenant);
  await revokeApiKey(
    database.db,
    {
      envId: tenant.live.envId,
      workspaceId: tenant.workspaceId,
      actor: systemActor(tenant.workspaceId, tenant.live.envId),
    },
    revoked.id,
  );
  keys = {
    full: (await createKey(database.db, tenant)).key,
    revoked: revoked.key,
    publishable: (await createKey(database.db, tenant, { type: 'publishable' })).key,
    otherFull: (await createKey(database.db, other)).key,
  };
  const created = await api(server.url, 'POST', '/api/v1/customers', {
    key: keys.otherFull,
    body: { externalId: 'theirs', email: 'x@other.test' },
  });
  otherCustomerId = created.body.customer.id;
  const event = await api(server.url, 'POST', '/api/v1/events', { key: keys.otherFull, body: { externalId: 'theirs', name: 'x' } });
  otherEventId = event.body.id;
  const segment = await api(server.url, 'POST', '/api/v1/segments', { key: keys.otherFull, body: { name: 'theirs', rules: [] } });
  otherSegmentId = segment.body.segment.id;
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

function concretePath(path: string, id: string): string {
  return `/api/v1${path.replace(/\{[^}]+\}/g, encodeURIComponent(id))}`;
}

const routes = restRoutes();

it('the OpenAPI document lists exactly the routes under test', () => {
  const doc = buildOpenApiDocument();
  const documented = Object.entries(doc.paths ?? {}).flatMap(([p, item]) =>
    Object.keys(item as object).map((m) => `${m.toUpperCase()} ${p}`),
  );
  expect(documented.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
  expect(routes.length).toBeGreaterThanOrEqual(3);
});

describe.each(routes)('$method $path', (route) => {
  const path = () => concretePath(route.path, 'cus_00000000000000000000000000');
  const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};

  it('no key → 401', async () => {
    const res = await api(server.url, route.method, path(), { body });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHORIZED');
  });

  it('unknown key → 401', async () => {
    const res = await api(server.url, route.method, path(), { body, key: 'sk_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' });
    expect(res.status).toBe(401);
  });

  it('revoked key → 401', async () => {
    const res = await api(server.url, route.method, path(), { body, key: keys.revoked });
    expect(res.status).toBe(401);
  });

  it('key without the scope → 403', async () => {
    const others = SCOPES.filter((s) => s !== route.permission);
    const { key } = await createKey(database.db, tenant, { scopes: others });
    const res = await api(server.url, route.method, path(), { body, key });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it(`publishable key → ${route.publishable ? 'allowed' : '403'}`, async () => {
    const res = await api(server.url, route.method, path(), { body, key: keys.publishable });
    if (route.publishable) expect([200, 400, 404]).toContain(res.status);
    else expect(res.status).toBe(403);
  });
});

describe.each(routes.filter((r) => r.path.includes('{id}')))('$method $path with another workspace’s id', (route) => {
  it('→ 404, never the object', async () => {
    const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
    const id = route.path.startsWith('/events/') ? otherEventId : route.path.startsWith('/segments/') ? otherSegmentId : otherCustomerId;
    const res = await api(server.url, route.method, concretePath(route.path, id), { body, key: keys.full });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});
