import type { Database } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, full } from '../helpers/caller';
import { setupTestDb } from '../helpers/db';
import { createTenant, keyActor, type Tenant } from '../helpers/fixtures';

let database: Database;
beforeAll(async () => {
  database = await setupTestDb();
});
afterAll(() => database.close());

async function setup(): Promise<{ tenant: Tenant; caller: ReturnType<typeof callerFor> }> {
  const tenant = await createTenant(database.db);
  return { tenant, caller: callerFor(database.db, keyActor(tenant)) };
}

describe('customers.upsert', () => {
  it('creates a customer by externalId with every key of the customer object present', async () => {
    const { caller } = await setup();
    const { customer, created } = full(
      await caller.customers.upsert({
        externalId: 'user-1',
        email: 'ada@example.com',
        name: 'Ada Lovelace',
        attributes: { plan_tier: 'gold', seats: 3 },
      }),
    );
    expect(created).toBe(true);
    expect(customer.id).toMatch(/^cus_[0-9a-z]{26}$/);
    expect(customer).toMatchObject({
      externalId: 'user-1',
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      company: null,
      attributes: { plan_tier: 'gold', seats: 3 },
      lifecycleStage: 'new',
      health: null,
      healthComponents: null,
      riskLevel: null,
      engagementScore: 0,
      ltv: 0,
      lastActivityAt: null,
      segments: [],
      nextAction: null,
    });
    expect(customer.acquisition.firstSeenAt).toBe(customer.createdAt);
  });

  it('updates with PATCH semantics: omitted fields stay, attributes merge, null removes a key', async () => {
    const { caller } = await setup();
    await caller.customers.upsert({ externalId: 'u', email: 'a@example.com', name: 'A', attributes: { a: 1, b: 'x' } });
    const { customer, created } = full(
      await caller.customers.upsert({ externalId: 'u', company: 'Acme', attributes: { b: null, c: true } }),
    );
    expect(created).toBe(false);
    expect(customer).toMatchObject({ email: 'a@example.com', name: 'A', company: 'Acme', attributes: { a: 1, c: true } });
    expect(customer.attributes).not.toHaveProperty('b');
  });

  it('stores an integer externalId as its decimal string', async () => {
    const { caller } = await setup();
    const { customer } = full(await caller.customers.upsert({ externalId: 42 }));
    expect(customer.externalId).toBe('42');
    const again = full(await caller.customers.upsert({ externalId: '42', name: 'Same' }));
    expect(again.created).toBe(false);
    expect(again.customer.id).toBe(customer.id);
  });

  it('creates a new customer every time without externalId', async () => {
    const { caller } = await setup();
    const a = full(await caller.customers.upsert({ email: 'x@example.com' }));
    const b = full(await caller.customers.upsert({ email: 'x@example.com' }));
    expect(a.created && b.created).toBe(true);
    expect(a.customer.id).not.toBe(b.customer.id);
    expect(a.customer.externalId).toBeNull();
  });

  it('applies createdAt for imports and moves firstSeenAt with it', async () => {
    const { caller } = await setup();
    const { customer } = full(await caller.customers.upsert({ externalId: 'old', createdAt: '2024-01-15T10:00:00Z' }));
    expect(customer.createdAt).toBe('2024-01-15T10:00:00.000Z');
    expect(customer.acquisition.firstSeenAt).toBe('2024-01-15T10:00:00.000Z');
  });

  it('ignores createdAt from publishable keys', async () => {
    const { tenant } = await setup();
    const caller = callerFor(database.db, keyActor(tenant, { type: 'publishable' }));
    const answer = await caller.customers.upsert({ externalId: 'pk', createdAt: '2020-01-01T00:00:00Z' });
    // A publishable key gets only the ids back; read the stored record with a secret key.
    expect(answer.customer).toEqual({ id: expect.stringMatching(/^cus_/), externalId: 'pk' });
    const { customer } = await callerFor(database.db, keyActor(tenant)).customers.get({ id: 'ext_pk' });
    expect(customer.createdAt.startsWith('2020')).toBe(false);
  });

  it('uses the identify-time clickId as acquisition.clickId while there is no touchpoint', async () => {
    const { caller } = await setup();
    const { customer } = full(await caller.customers.upsert({ externalId: 'c', clickId: 'gclid-123' }));
    expect(customer.clickId).toBe('gclid-123');
    expect(customer.acquisition.clickId).toBe('gclid-123');
  });

  it('rejects unknown top-level fields (no mass assignment of computed fields)', async () => {
    const { caller } = await setup();
    await expect(caller.customers.upsert({ externalId: 'm', health: 100 } as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('rejects attribute violations with the exact path', async () => {
    const { caller } = await setup();
    const error = await caller.customers
      .upsert({ externalId: 'v', attributes: { bio: 'x'.repeat(1001), nested: { a: 1 } } as never })
      .catch((e) => e);
    expect(error.code).toBe('BAD_REQUEST');
    const paths = error.cause.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['attributes.bio', 'attributes.nested']));
  });

  it('20 concurrent upserts of one new externalId make exactly one customer and no error', async () => {
    const { caller, tenant } = await setup();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => caller.customers.upsert({ externalId: 'race', attributes: { [`k${i}`]: i } })),
    );
    expect(new Set(results.map((r) => r.customer.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const { customers, total } = await callerFor(database.db, keyActor(tenant)).customers.list({ search: 'race' });
    expect(total).toBe(1);
    expect(Object.keys(customers[0]!.attributes)).toHaveLength(20);
  });
});
