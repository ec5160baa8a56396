import type { Database } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../helpers/caller';
import { setupTestDb } from '../helpers/db';
import { createTenant, keyActor } from '../helpers/fixtures';

let database: Database;
beforeAll(async () => {
  database = await setupTestDb();
});
afterAll(() => database.close());

async function tenantWith(names: (string | null)[]) {
  const tenant = await createTenant(database.db);
  const caller = callerFor(database.db, keyActor(tenant));
  for (const [i, name] of names.entries()) {
    await caller.customers.upsert({
      externalId: `e${i}`,
      name,
      email: `p${i}@example.com`,
      createdAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
    });
  }
  return { tenant, caller };
}

describe('customers.get', () => {
  it('finds a customer by cus_ id and by ext_ reference', async () => {
    const { caller } = await tenantWith(['Ada']);
    const { customer } = await caller.customers.get({ id: 'ext_e0' });
    expect(customer.name).toBe('Ada');
    expect((await caller.customers.get({ id: customer.id })).customer.externalId).toBe('e0');
  });

  it('answers NOT_FOUND for unknown ids, malformed ids and another environment’s customer', async () => {
    const { caller, tenant } = await tenantWith(['Ada']);
    const { customer } = await caller.customers.get({ id: 'ext_e0' });
    await expect(caller.customers.get({ id: 'ext_nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.customers.get({ id: 'user-1' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const testEnv = callerFor(database.db, keyActor(tenant, { mode: 'test' }));
    await expect(testEnv.customers.get({ id: customer.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const other = callerFor(database.db, keyActor(await createTenant(database.db)));
    await expect(other.customers.get({ id: customer.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('customers.list', () => {
  it('sorts by name lower-cased with nulls last in both directions and an id tie-break', async () => {
    const { caller } = await tenantWith(['bob', null, 'Alice', 'carol', 'alice']);
    const asc = await caller.customers.list({ sortBy: 'name', sortOrder: 'asc' });
    expect(asc.customers.map((c) => c.name)).toEqual(['Alice', 'alice', 'bob', 'carol', null]);
    const desc = await caller.customers.list({ sortBy: 'name', sortOrder: 'desc' });
    expect(desc.customers.map((c) => c.name)).toEqual(['carol', 'bob', 'alice', 'Alice', null]);
  });

  it('pages a descending nullable sort across the customers with a value and those without, ids breaking ties downwards', async () => {
    const { caller } = await tenantWith(['b', null, 'a', null, 'c', 'A', null]);
    const all = (await caller.customers.list({ sortBy: 'name', sortOrder: 'desc', limit: 100 })).customers;
    const byIdDesc = (x: { id: string }, y: { id: string }) => (x.id < y.id ? 1 : -1);
    const named = all.filter((c) => c.name !== null);
    expect(all.map((c) => c.name?.toLowerCase() ?? null)).toEqual(['c', 'b', 'a', 'a', null, null, null]);
    expect(named.slice(2)).toEqual([...named.slice(2)].sort(byIdDesc));
    expect(all.slice(4)).toEqual([...all.slice(4)].sort(byIdDesc));
    const paged = [];
    for (let page = 1; page <= 4; page++) {
      const res = await caller.customers.list({ sortBy: 'name', sortOrder: 'desc', limit: 2, page });
      expect(res.total).toBe(7);
      paged.push(...res.customers);
    }
    expect(paged.map((c) => c.id)).toEqual(all.map((c) => c.id));
  });

  it('pages without overlap or gaps', async () => {
    const { caller } = await tenantWith(Array.from({ length: 7 }, () => 'same'));
    const seen: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const res = await caller.customers.list({ sortBy: 'name', sortOrder: 'asc', limit: 2, page });
      expect(res.total).toBe(7);
      seen.push(...res.customers.map((c) => c.id));
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('defaults to createdAt desc', async () => {
    const { caller } = await tenantWith(['first', 'second', 'third']);
    const res = await caller.customers.list({});
    expect(res.customers.map((c) => c.name)).toEqual(['third', 'second', 'first']);
    expect(res).toMatchObject({ page: 1, limit: 20, total: 3 });
  });

  it('searches literally: % and _ are not wildcards', async () => {
    const { caller } = await tenantWith(['100% real', '100 real', 'a_b', 'axb']);
    expect((await caller.customers.list({ search: '100%' })).customers.map((c) => c.name)).toEqual(['100% real']);
    expect((await caller.customers.list({ search: 'A_B' })).customers.map((c) => c.name)).toEqual(['a_b']);
    expect((await caller.customers.list({ search: 'P1@EXAMPLE' })).total).toBe(1);
  });

  it('filters by ids (cus_ and ext_) and validates limits', async () => {
    const { caller } = await tenantWith(['a', 'b', 'c']);
    const { customer } = await caller.customers.get({ id: 'ext_e1' });
    const res = await caller.customers.list({ ids: `${customer.id},ext_e2,ext_unknown` } as never);
    expect(res.customers.map((c) => c.name).sort()).toEqual(['b', 'c']);
    await expect(caller.customers.list({ limit: 101 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.customers.list({ page: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('never shows another environment’s customers', async () => {
    const { tenant } = await tenantWith(['live one']);
    const testEnv = callerFor(database.db, keyActor(tenant, { mode: 'test' }));
    expect((await testEnv.customers.list({})).total).toBe(0);
  });
});
