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

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

async function seeded(count: number) {
  const caller = callerFor(database.db, keyActor(await createTenant(database.db)));
  const events = Array.from({ length: count }, (_, i) => ({
    externalId: 'j',
    name: i % 3 === 0 ? 'purchase' : 'page_view',
    // Pairs share a timestamp, so the id tie-break matters.
    timestamp: at(10_000 - Math.floor(i / 2)),
  }));
  await caller.events.ingestBatch({ events });
  return caller;
}

describe('customers.journey', () => {
  it('walks every event once in both orders, with an opaque cursor and null at the end', async () => {
    const caller = await seeded(45);
    for (const order of ['desc', 'asc'] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await caller.customers.journey({ id: 'ext_j', limit: 10, order, cursor });
        seen.push(...page.events.map((e) => e.id));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor);
      expect(pages).toBe(5);
      expect(new Set(seen).size).toBe(45);
      const whole = (await caller.customers.journey({ id: 'ext_j', limit: 200, order })).events;
      expect(seen).toEqual(whole.map((e) => e.id));
      const keys = whole.map((e) => `${e.timestamp}|${e.id}`);
      const sorted = [...keys].sort();
      expect(keys).toEqual(order === 'asc' ? sorted : sorted.reverse());
    }
  });

  it('stays stable while new events arrive: no repeats, no gaps of the events that existed', async () => {
    const caller = await seeded(30);
    const before = new Set((await caller.customers.journey({ id: 'ext_j', limit: 200 })).events.map((e) => e.id));
    const seen: string[] = [];
    let cursor: string | undefined;
    let round = 0;
    do {
      const page = await caller.customers.journey({ id: 'ext_j', limit: 7, cursor });
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
      await caller.events.ingest({ externalId: 'j', name: 'concurrent', timestamp: at(round++) });
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of before) expect(seen).toContain(id);
  });

  it('filters by names and time window; rejects bad cursors and too many names', async () => {
    const caller = await seeded(12);
    const purchases = await caller.customers.journey({ id: 'ext_j', names: 'purchase' as never });
    expect(purchases.events.every((e) => e.name === 'purchase')).toBe(true);
    expect(purchases.events).toHaveLength(4);
    const windowed = await caller.customers.journey({ id: 'ext_j', start: at(9_998), end: at(9_996) });
    expect(windowed.events.length).toBe(4);
    await expect(caller.customers.journey({ id: 'ext_j', cursor: 'garbage' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const names = Array.from({ length: 21 }, (_, i) => `n${i}`).join(',');
    await expect(caller.customers.journey({ id: 'ext_j', names: names as never })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.customers.journey({ id: 'ext_missing' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers an empty page for a customer without events in range, 404 for a deleted or foreign one', async () => {
    const caller = await seeded(3);
    const { customer } = await caller.customers.upsert({ externalId: 'quiet' });
    for (const id of ['ext_quiet', customer.id]) expect(await caller.customers.journey({ id })).toEqual({ events: [], nextCursor: null });
    expect(await caller.customers.journey({ id: 'ext_j', names: 'never' as never })).toEqual({ events: [], nextCursor: null });
    const other = callerFor(database.db, keyActor(await createTenant(database.db)));
    await expect(other.customers.journey({ id: 'ext_j' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(other.customers.journey({ id: customer.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await caller.customers.delete({ id: 'ext_j' });
    await expect(caller.customers.journey({ id: 'ext_j' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('events.list', () => {
  it('lists newest first with filters and hides events of deleted customers', async () => {
    const caller = await seeded(6);
    await caller.events.ingest({ externalId: 'k', name: 'page_view' });
    const all = await caller.events.list({ limit: 100 });
    expect(all.total).toBe(7);
    const stamps = all.events.map((e) => e.timestamp);
    expect([...stamps].sort().reverse()).toEqual(stamps);
    expect((await caller.events.list({ customerId: 'ext_k' })).total).toBe(1);
    expect((await caller.events.list({ name: 'purchase' })).total).toBe(2);
    await caller.customers.delete({ id: 'ext_k' });
    expect((await caller.events.list({})).total).toBe(6);
  });
});
