/**
 * Memberships and the changes feed through the router (createCaller) and the background drain:
 * data changes (profile edits, events, deletions) move customers once the drain ran, a rule edit
 * moves them at once, a full recount follows time, and the cursor resumes without gaps or
 * duplicates.
 */
import type { TSegmentChange } from '@tenure/contract';
import { drainStaleScores, recountSegments } from '@tenure/core';
import { type Database, scoreQueueQueries } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../helpers/caller';
import { setupTestDb } from '../helpers/db';
import { createTenant, keyActor } from '../helpers/fixtures';

let database: Database;
beforeAll(async () => {
  database = await setupTestDb();
});
afterAll(() => database?.close());

/**
 * [externalId, change] pairs in feed order; within one recount (one `at`) rows come in customer
 * id order, which is random among customers created in the same millisecond: sort those by name.
 */
function pairs(changes: TSegmentChange[]): [string | null, string][] {
  const out: [string | null, string][] = [];
  let group: TSegmentChange[] = [];
  const flush = () => {
    group.sort((x, y) => String(x.externalId).localeCompare(String(y.externalId)) || x.change.localeCompare(y.change));
    out.push(...group.map((c): [string | null, string] => [c.externalId, c.change]));
    group = [];
  };
  for (const c of changes) {
    if (group.length && group[0]?.at !== c.at) flush();
    group.push(c);
  }
  flush();
  return out;
}

async function world() {
  const tenant = await createTenant(database.db);
  const envId = tenant.live.envId;
  const caller = callerFor(database.db, keyActor(tenant));
  const drain = () => drainStaleScores(database.db, envId);
  /** The whole feed from the start, as [externalId, change] pairs. */
  const feed = async (id: string) => pairs((await caller.segments.changes({ id, limit: 1000 })).changes);
  return { tenant, envId, caller, drain, feed };
}

describe('data changes move customers once the background refresh ran', () => {
  it('profile edits, events and deletions', async () => {
    const { envId, caller, drain, feed } = await world();
    await caller.customers.batch({
      customers: [
        { externalId: 'a', plan: 'pro' },
        { externalId: 'b', plan: 'free' },
      ],
    });
    await drain();
    const pro = (await caller.segments.create({ name: 'pro', rules: [{ field: 'plan', operator: 'eq', value: 'pro' }] })).segment;
    const buyers = (
      await caller.segments.create({ name: 'buyers', rules: [{ field: 'eventCount', operator: 'gte', value: 1, event: 'purchase' }] })
    ).segment;
    expect(await feed(pro.id)).toEqual([['a', 'entered']]);
    expect(await feed(buyers.id)).toEqual([]);

    await caller.customers.update({ id: 'ext_a', plan: 'free' });
    await caller.customers.update({ id: 'ext_b', attributes: { note: 'x' }, plan: 'pro' });
    // Marked by the writes, not moved yet: the drain does it.
    expect((await scoreQueueQueries.peekStale(database.db, envId, 10)).length).toBe(2);
    expect(await feed(pro.id)).toEqual([['a', 'entered']]);
    const before = (await caller.segments.get({ id: pro.id })).segment.countedAt as string;
    await drain();
    expect(await feed(pro.id)).toEqual([
      ['a', 'entered'],
      ['a', 'left'],
      ['b', 'entered'],
    ]);
    const after = (await caller.segments.get({ id: pro.id })).segment;
    expect(after.customerCount).toBe(1);
    expect(Date.parse(after.countedAt as string)).toBeGreaterThan(Date.parse(before));
    expect(await scoreQueueQueries.peekStale(database.db, envId, 10)).toEqual([]);

    await caller.events.ingest({ externalId: 'a', name: 'purchase', revenue: 5 });
    await drain();
    expect(await feed(buyers.id)).toEqual([['a', 'entered']]);
    expect((await caller.customers.get({ id: 'ext_a' })).customer.segments.map((s) => s.name)).toEqual(['buyers']);

    await caller.customers.delete({ id: 'ext_b' });
    await drain();
    const pros = (await caller.segments.changes({ id: pro.id })).changes;
    expect(pros.at(-1)).toMatchObject({ change: 'left', externalId: null });
    expect((await caller.segments.get({ id: pro.id })).segment.customerCount).toBe(0);
    expect((await caller.segments.customers({ id: pro.id })).total).toBe(0);
  });

  it('a rule edit records who entered and left at once', async () => {
    const { caller, drain, feed } = await world();
    await caller.customers.batch({
      customers: [
        { externalId: 'a', plan: 'pro' },
        { externalId: 'b', plan: 'free' },
        { externalId: 'c', plan: 'free' },
      ],
    });
    await drain();
    const s = (await caller.segments.create({ name: 's', rules: [{ field: 'plan', operator: 'eq', value: 'pro' }] })).segment;
    const edited = (await caller.segments.update({ id: s.id, rules: [{ field: 'plan', operator: 'eq', value: 'free' }] })).segment;
    expect(edited.customerCount).toBe(2);
    expect(await feed(s.id)).toEqual([
      ['a', 'entered'],
      ['a', 'left'],
      ['b', 'entered'],
      ['c', 'entered'],
    ]);
    // Renaming changes no one.
    await caller.segments.update({ id: s.id, name: 'renamed' });
    expect(await feed(s.id)).toHaveLength(4);
    // match any of no rules: no one.
    expect((await caller.segments.update({ id: s.id, match: 'any', rules: [] })).segment.customerCount).toBe(0);
    expect((await feed(s.id)).slice(4)).toEqual([
      ['b', 'left'],
      ['c', 'left'],
    ]);
  });

  it('a full recount follows time (the hourly refresh): windows close without any write', async () => {
    const { envId, caller, drain, feed } = await world();
    await caller.events.ingest({ externalId: 'a', name: 'login', timestamp: new Date(Date.now() - 29 * 86_400_000).toISOString() });
    await drain();
    const s = (await caller.segments.create({ name: 'active', rules: [{ field: 'active', operator: 'eq', value: true }] })).segment;
    expect(await feed(s.id)).toEqual([['a', 'entered']]);
    await recountSegments(database.db, envId, { now: new Date(Date.now() + 2 * 86_400_000) });
    expect(await feed(s.id)).toEqual([
      ['a', 'entered'],
      ['a', 'left'],
    ]);
    expect((await caller.segments.get({ id: s.id })).segment.customerCount).toBe(0);
  });
});

describe('the changes feed', () => {
  it('resumes from any cursor without gaps or duplicates, and nextCursor is never null', async () => {
    const { caller, drain } = await world();
    await caller.customers.batch({ customers: Array.from({ length: 7 }, (_, i) => ({ externalId: `c${i}`, plan: 'pro' })) });
    await drain();
    const s = (await caller.segments.create({ name: 's', rules: [{ field: 'plan', operator: 'eq', value: 'pro' }] })).segment;
    const seen: TSegmentChange[] = [];
    let cursor: string | undefined;
    const pull = async (limit: number) => {
      const page = await caller.segments.changes({ id: s.id, limit, ...(cursor ? { cursor } : {}) });
      expect(typeof page.nextCursor).toBe('string');
      seen.push(...page.changes);
      cursor = page.nextCursor;
      return page.changes.length;
    };
    expect(await pull(3)).toBe(3);
    expect(await pull(3)).toBe(3);
    // Changes made while a reader is mid-feed come after what it has read.
    await caller.customers.batch({
      customers: [
        { externalId: 'c0', plan: 'free' },
        { externalId: 'c1', plan: 'free' },
      ],
    });
    await drain();
    while ((await pull(2)) > 0);
    const full = (await caller.segments.changes({ id: s.id })).changes;
    expect(seen).toEqual(full);
    expect(pairs(full)).toEqual([...Array.from({ length: 7 }, (_, i) => [`c${i}`, 'entered']), ['c0', 'left'], ['c1', 'left']]);
    // At the end: nothing new, the same cursor back, to keep for later.
    const end = await caller.segments.changes({ id: s.id, cursor });
    expect(end).toEqual({ changes: [], nextCursor: cursor });
    await caller.customers.upsert({ externalId: 'late', plan: 'pro' });
    await drain();
    expect((await caller.segments.changes({ id: s.id, cursor })).changes.map((c) => [c.externalId, c.change])).toEqual([
      ['late', 'entered'],
    ]);
  });

  it('refuses a forged cursor', async () => {
    const { caller } = await world();
    const s = (await caller.segments.create({ name: 's', rules: [] })).segment;
    for (const cursor of ['nope', Buffer.from('sc:-1').toString('base64url'), Buffer.from('sc:1; drop table x').toString('base64url')]) {
      await expect(caller.segments.changes({ id: s.id, cursor })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
  });
});
