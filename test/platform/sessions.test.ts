/** Staff sessions over real HTTP: cookie flags, rotation, logout, Origin check, throttling, roles. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, PASSWORD, type Tenant } from '../helpers/fixtures';
import { useHttpFixture } from '../helpers/server';
import { createUserInWorkspace } from '@tenure/core';

const fx = useHttpFixture();
let tenant: Tenant;

beforeAll(async () => {
  tenant = await createTenant(fx.database.db);
});
async function trpc(path: string, opts: { input?: unknown; cookie?: string; origin?: string | null; env?: string; query?: boolean } = {}) {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.origin !== null) headers.origin = opts.origin ?? fx.server.url;
  if (opts.env) headers['x-tenure-environment'] = opts.env;
  const res = opts.query
    ? await fetch(`${fx.server.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(opts.input ?? {}))}`, { headers })
    : await fetch(`${fx.server.url}/trpc/${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(opts.input ?? {}),
      });
  const body = (await res.json()) as {
    result?: { data: any };
    error?: { message: string; data: { code: string; rest: { code: string } } };
  };
  return { status: res.status, setCookie: res.headers.get('set-cookie'), body };
}

async function login(email = tenant.owner.email, password = PASSWORD) {
  const res = await trpc('auth.login', { input: { email, password } });
  const cookie = res.setCookie?.split(';')[0];
  return { res, cookie };
}

describe('auth', () => {
  it('login sets an HttpOnly SameSite=Lax cookie and me returns the memberships', async () => {
    const { res, cookie } = await login();
    expect(res.status).toBe(200);
    expect(res.setCookie).toMatch(/tenure_session=[a-z2-7]+;/);
    expect(res.setCookie).toMatch(/HttpOnly/);
    expect(res.setCookie).toMatch(/SameSite=Lax/);
    const me = await trpc('auth.me', { cookie, query: true });
    expect(me.body.result?.data.user.email).toBe(tenant.owner.email);
    expect(me.body.result?.data.workspaces[0].environments.map((e: { mode: string }) => e.mode).sort()).toEqual(['live', 'test']);
  });

  it('wrong password → 401 with a clear message; unknown email looks the same', async () => {
    const wrong = await login(tenant.owner.email, 'nope nope nope');
    expect(wrong.res.status).toBe(401);
    expect(wrong.res.body.error?.message).toBe('Email or password is incorrect');
    const unknown = await login('nobody@example.test', 'nope nope nope');
    expect(unknown.res.body.error?.message).toBe('Email or password is incorrect');
  });

  it('rotates the session at login and deletes it at logout', async () => {
    const first = await login();
    const second = await trpc('auth.login', { input: { email: tenant.owner.email, password: PASSWORD }, cookie: first.cookie });
    const secondCookie = second.setCookie?.split(';')[0];
    expect(secondCookie).not.toBe(first.cookie);
    expect((await trpc('auth.me', { cookie: first.cookie, query: true })).status).toBe(401);
    expect((await trpc('auth.logout', { cookie: secondCookie })).status).toBe(200);
    expect((await trpc('auth.me', { cookie: secondCookie, query: true })).status).toBe(401);
  });

  it('refuses cookie mutations from another origin or without Origin', async () => {
    const { cookie } = await login();
    const env = tenant.live.envId;
    const evil = await trpc('customers.upsert', { cookie, env, origin: 'https://evil.example', input: { externalId: 'x' } });
    expect(evil.status).toBe(403);
    const none = await trpc('customers.upsert', { cookie, env, origin: null, input: { externalId: 'x' } });
    expect(none.status).toBe(403);
    const ok = await trpc('customers.upsert', { cookie, env, input: { externalId: 'x' } });
    expect(ok.status).toBe(200);
  });

  it('an environment of another workspace → 404; viewers cannot write or manage keys', async () => {
    const { cookie } = await login();
    const other = await createTenant(fx.database.db);
    const foreign = await trpc('customers.list', { cookie, env: other.live.envId, query: true });
    expect(foreign.status).toBe(404);

    const email = `viewer@${tenant.slug}.test`;
    await createUserInWorkspace(fx.database.db, { email, password: PASSWORD, workspaceSlug: tenant.slug, role: 'viewer' });
    const viewer = await login(email);
    const read = await trpc('customers.list', { cookie: viewer.cookie, env: tenant.live.envId, query: true });
    expect(read.status).toBe(200);
    const write = await trpc('customers.upsert', { cookie: viewer.cookie, env: tenant.live.envId, input: { externalId: 'v' } });
    expect(write.status).toBe(403);
    const keys = await trpc('apiKeys.list', { cookie: viewer.cookie, env: tenant.live.envId, query: true });
    expect(keys.status).toBe(403);
  });

  it('members cannot manage keys; admins can create one and see it only once', async () => {
    const member = `member@${tenant.slug}.test`;
    await createUserInWorkspace(fx.database.db, { email: member, password: PASSWORD, workspaceSlug: tenant.slug, role: 'member' });
    const m = await login(member);
    expect((await trpc('apiKeys.create', { cookie: m.cookie, env: tenant.test.envId, input: { type: 'secret' } })).status).toBe(403);
    const { cookie } = await login();
    const created = await trpc('apiKeys.create', { cookie, env: tenant.test.envId, input: { type: 'secret', name: 'CI' } });
    expect(created.body.result?.data.key).toMatch(/^sk_test_[a-z2-7]{52}$/);
    const list = await trpc('apiKeys.list', { cookie, env: tenant.test.envId, query: true });
    const listed = JSON.stringify(list.body.result?.data);
    expect(listed).toContain(created.body.result?.data.apiKey.prefix);
    expect(listed).not.toContain(created.body.result?.data.key);
  });
});
