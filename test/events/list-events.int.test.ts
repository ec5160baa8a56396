/** The events explorer: each event with its customer's name and email (one join), filtered by id, email or name. */
import type { Database } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../helpers/caller';
import { setupTestDb } from '../helpers/db';
import { createTenant, keyActor, type Tenant } from '../helpers/fixtures';

let database: Database;
let tenant: Tenant;
beforeAll(async () => {
  database = await setupTestDb();
  tenant = await createTenant(database.db);
  const caller = callerFor(database.db, keyActor(tenant));
  await caller.customers.batch({
    customers: [
      { externalId: 'ada', name: 'Ada Lovelace', email: 'ada@example.com' },
      { externalId: 'alan', name: 'Alan Turing', email: 'alan@turing.example' },
      { externalId: 'anon' },
    ],
  });
  await caller.events.ingestBatch({
    events: [
      { externalId: 'ada', name: 'signed_up', timestamp: '2026-11-01T10:00:00Z' },
      { externalId: 'ada', name: 'order_completed', revenue: 20, timestamp: '2026-11-02T10:00:00Z' },
      { externalId: 'alan', name: 'signed_up', timestamp: '2026-11-03T10:00:00Z' },
      { externalId: 'anon', name: 'page_view', timestamp: '2026-11-04T10:00:00Z' },
    ],
  });
});
afterAll(() => database.close());

describe('events.list', () => {
  it('carries each customer’s name and email for callers who may read customers', async () => {
    const { events } = await callerFor(database.db, keyActor(tenant)).events.list({});
    expect(events.map((e) => [e.name, e.customer])).toEqual([
      ['page_view', { name: null, email: null }],
      ['signed_up', { name: 'Alan Turing', email: 'alan@turing.example' }],
      ['order_completed', { name: 'Ada Lovelace', email: 'ada@example.com' }],
      ['signed_up', { name: 'Ada Lovelace', email: 'ada@example.com' }],
    ]);
  });

  it('filters by email or name (case-insensitive, literal) and by id', async () => {
    const caller = callerFor(database.db, keyActor(tenant));
    const names = async (customer: string) => (await caller.events.list({ customer })).events.map((e) => `${e.externalId}:${e.name}`);
    expect(await names('ADA@example')).toEqual(['ada:order_completed', 'ada:signed_up']);
    expect(await names('turing')).toEqual(['alan:signed_up']);
    expect(await names('ext_alan')).toEqual(['alan:signed_up']);
    expect(await names('%')).toEqual([]);
    const ada = (await caller.customers.get({ id: 'ext_ada' })).customer.id;
    expect(await names(ada)).toEqual(['ada:order_completed', 'ada:signed_up']);
    expect((await caller.events.list({ customer: 'a', name: 'signed_up' })).total).toBe(2);
  });

  it('gives an events-only key no names, emails or searches by them', async () => {
    const caller = callerFor(database.db, keyActor(tenant, { scopes: ['events:read'] }));
    const { events } = await caller.events.list({});
    expect(events.every((e) => e.customer === null)).toBe(true);
    await expect(caller.events.list({ customer: 'ada@example.com' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await caller.events.list({ customer: 'ext_ada' })).total).toBe(2);
  });
});
