/**
 * Sign-in throttling: backoff per (account, address), a failure budget per address, no lock a
 * stranger can trigger; X-Forwarded-For counts only when TENURE_TRUST_PROXY says so.
 */
import { FREE_LOGIN_FAILURES, IP_LOGIN_FAILURES } from '@tenure/core';
import type { Database } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb } from '../helpers/db';
import { createTenant, PASSWORD, type Tenant } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/server';

let database: Database;
let proxied: TestServer;
let direct: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  database = await setupTestDb();
  proxied = await startTestServer(database, { TENURE_TRUST_PROXY: 'true' });
  direct = await startTestServer(database);
  tenant = await createTenant(database.db);
});
afterAll(async () => {
  await proxied.close();
  await direct.close();
  await database.close();
});

async function signIn(server: TestServer, ip: string, password: string, email = tenant.owner.email) {
  const res = await fetch(`${server.url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, 'x-forwarded-for': ip },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, body: (await res.json()) as { error?: { message: string } } };
}

describe('behind a trusted proxy', () => {
  it('backs off one address after repeated failures, briefly, and lets the right password in afterwards', async () => {
    const ip = '203.0.113.10';
    const statuses: number[] = [];
    for (let i = 0; i <= FREE_LOGIN_FAILURES; i++) statuses.push((await signIn(proxied, ip, 'wrong password!')).status);
    expect(statuses.every((s) => s === 401)).toBe(true);
    const backedOff = await signIn(proxied, ip, PASSWORD);
    expect(backedOff.status).toBe(429);
    expect(backedOff.body.error?.message).toMatch(/try again in [12] s/);
    await new Promise((r) => setTimeout(r, 2100));
    expect((await signIn(proxied, ip, PASSWORD)).status).toBe(200);
    // The success cleared the backoff: a typo now is an ordinary 401.
    expect((await signIn(proxied, ip, 'wrong password!')).status).toBe(401);
  });

  it('a stranger failing from one address never locks the owner out from another', async () => {
    for (let i = 0; i < FREE_LOGIN_FAILURES + 4; i++) await signIn(proxied, '198.51.100.66', 'guessing-guessing');
    expect((await signIn(proxied, '198.51.100.66', 'guessing-guessing')).status).toBe(429);
    expect((await signIn(proxied, '192.0.2.1', PASSWORD)).status).toBe(200);
  });

  it('limits the failures of one address across accounts', async () => {
    const ip = '203.0.113.77';
    const statuses: number[] = [];
    for (let i = 0; i < IP_LOGIN_FAILURES; i++)
      statuses.push((await signIn(proxied, ip, 'nope-nope-nope', `nobody-${i}@example.test`)).status);
    expect(statuses.every((s) => s === 401)).toBe(true);
    expect((await signIn(proxied, ip, 'nope-nope-nope', 'one-more@example.test')).status).toBe(429);
    expect((await signIn(proxied, '203.0.113.78', 'nope-nope-nope', 'one-more@example.test')).status).toBe(401);
  });

  it('charges the address budget only for failures: more successful sign-ins than the budget all succeed', async () => {
    const ip = '203.0.113.99';
    const statuses: number[] = [];
    for (let i = 0; i < IP_LOGIN_FAILURES + 5; i++) statuses.push((await signIn(proxied, ip, PASSWORD)).status);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(statuses).toHaveLength(IP_LOGIN_FAILURES + 5);
    // The address still has its whole failure budget: a typo is an ordinary 401, not a 429.
    expect((await signIn(proxied, ip, 'wrong password!', 'someone-else@example.test')).status).toBe(401);
  });
});

describe('without TENURE_TRUST_PROXY', () => {
  it('ignores X-Forwarded-For: changing it does not escape the backoff', async () => {
    const email = `direct-${tenant.slug}@example.test`;
    const statuses: number[] = [];
    for (let i = 0; i < FREE_LOGIN_FAILURES + 2; i++) statuses.push((await signIn(direct, `10.0.0.${i}`, 'wrong password!', email)).status);
    expect(statuses.slice(0, FREE_LOGIN_FAILURES + 1).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
