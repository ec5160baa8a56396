/**
 * Team over real HTTP: the invite link's origin (the request's, or TENURE_PUBLIC_URL), accepting
 * sets the session cookie, a role change applies to the next request of the same session, API
 * keys are refused, and sign out everywhere clears the cookie.
 */
import type { Database } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb } from '../helpers/db';
import { createKey, createTenant, PASSWORD, type Tenant } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/server';

const PUBLIC_URL = 'https://tenure.example.com';

let database: Database;
let server: TestServer;
let publicServer: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  database = await setupTestDb();
  server = await startTestServer(database);
  publicServer = await startTestServer(database, { TENURE_PUBLIC_URL: `${PUBLIC_URL}/` });
  tenant = await createTenant(database.db);
});
afterAll(async () => {
  await server?.close();
  await publicServer?.close();
  await database?.close();
});

interface Call {
  input?: unknown;
  cookie?: string;
  env?: string;
  key?: string;
  query?: boolean;
  origin?: string;
}

async function trpc(base: string, path: string, opts: Call = {}) {
  const headers: Record<string, string> = { origin: opts.origin ?? base };
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.env) headers['x-tenure-environment'] = opts.env;
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  const res = opts.query
    ? await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(opts.input ?? {}))}`, { headers })
    : await fetch(`${base}/trpc/${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(opts.input ?? {}),
      });
  const body = (await res.json()) as { result?: { data: any }; error?: { message: string } };
  return { status: res.status, setCookie: res.headers.get('set-cookie'), data: body.result?.data, error: body.error };
}

async function signIn(base: string, email: string, password = PASSWORD): Promise<string> {
  const res = await trpc(base, 'auth.login', { input: { email, password } });
  const cookie = res.setCookie?.split(';')[0];
  if (!cookie) throw new Error(`no cookie for ${email}: ${res.error?.message}`);
  return cookie;
}

describe('invite links', () => {
  it('are built from the request’s origin', async () => {
    const cookie = await signIn(server.url, tenant.owner.email);
    const res = await trpc(server.url, 'team.invites.create', {
      cookie,
      env: tenant.live.envId,
      input: { email: 'origin@example.test', role: 'member' },
    });
    expect(res.status).toBe(200);
    expect(res.data.url).toBe(`${server.url}/invite/${res.data.token}`);
  });

  it('are built from TENURE_PUBLIC_URL when it is set', async () => {
    const cookie = await signIn(publicServer.url, tenant.owner.email);
    const res = await trpc(publicServer.url, 'team.invites.create', {
      cookie,
      origin: PUBLIC_URL,
      env: tenant.live.envId,
      input: { email: 'public@example.test', role: 'member' },
    });
    expect(res.error).toBeUndefined();
    expect(res.data.url).toBe(`${PUBLIC_URL}/invite/${res.data.token}`);
  });
});

it('accepting signs the new member in with an HttpOnly cookie; a role change applies to their next request', async () => {
  const owner = await signIn(server.url, tenant.owner.email);
  const email = `joiner-${Date.now()}@example.test`;
  const created = await trpc(server.url, 'team.invites.create', {
    cookie: owner,
    env: tenant.live.envId,
    input: { email, role: 'viewer' },
  });
  const preview = await trpc(server.url, 'team.invites.get', { query: true, input: { token: created.data.token } });
  expect(preview.data).toMatchObject({ email, role: 'viewer', accountExists: false });

  const accepted = await trpc(server.url, 'team.invites.accept', {
    input: { token: created.data.token, mode: 'create', name: 'Joiner', password: 'joiner password 1' },
  });
  expect(accepted.status).toBe(200);
  expect(accepted.setCookie).toMatch(/tenure_session=[a-z2-7]+;.*HttpOnly/);
  const joiner = accepted.setCookie?.split(';')[0];

  const write = () => trpc(server.url, 'customers.upsert', { cookie: joiner, env: tenant.live.envId, input: { externalId: 'j-1' } });
  expect((await write()).status).toBe(403);
  const userId = accepted.data.user.id;
  const changed = await trpc(server.url, 'team.members.updateRole', {
    cookie: owner,
    env: tenant.live.envId,
    input: { userId, role: 'member' },
  });
  expect(changed.status).toBe(200);
  expect((await write()).status).toBe(200);
  const me = await trpc(server.url, 'auth.me', { cookie: joiner, query: true });
  expect(me.data.workspaces[0].role).toBe('member');
});

it('API keys are refused on team procedures (staff only)', async () => {
  const { key } = await createKey(database.db, tenant);
  const res = await trpc(server.url, 'team.members.list', { key, query: true });
  expect(res.status).toBe(403);
});

it('sign out everywhere clears the cookie and ends the session', async () => {
  const cookie = await signIn(server.url, tenant.owner.email);
  const res = await trpc(server.url, 'profile.signOutEverywhere', { cookie });
  expect(res.status).toBe(200);
  expect(res.setCookie).toMatch(/tenure_session=;/);
  expect((await trpc(server.url, 'auth.me', { cookie, query: true })).status).toBe(401);
});
