import type { Database } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../helpers/caller';
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

const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe('events.ingest', () => {
  it('creates the customer for an unknown externalId and maintains aggregates', async () => {
    const { caller } = await setup();
    const first = await caller.events.ingest({ externalId: 'u1', name: 'signup', timestamp: ago(10) });
    expect(first).toMatchObject({ duplicate: false, suppressed: false, id: expect.stringMatching(/^evt_/) });
    await caller.events.ingest({ externalId: 'u1', name: 'purchase', revenue: 19.99, timestamp: ago(5) });
    const refundAt = ago(2);
    await caller.events.ingest({ externalId: 'u1', name: 'refund', revenue: -4.5, timestamp: refundAt });
    const { customer } = await caller.customers.get({ id: 'ext_u1' });
    expect(customer.ltv).toBe(15.49);
    expect(customer.lastActivityAt).toBe(refundAt);
    expect(new Date(customer.acquisition.firstSeenAt).getTime()).toBeLessThanOrEqual(Date.parse(ago(10)) + 1000);
  });

  it('answers NOT_FOUND for an unknown customerId and BAD_REQUEST without any customer reference', async () => {
    const { caller } = await setup();
    await expect(caller.events.ingest({ customerId: 'cus_0000000000000000000000000a', name: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(caller.events.ingest({ name: 'x' } as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('validates name, properties, timestamp, revenue and messageId', async () => {
    const { caller } = await setup();
    const bad = [
      { externalId: 'a', name: '' },
      { externalId: 'a', name: 'x'.repeat(51) },
      { externalId: 'a', name: 'x', properties: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`p${i}`, i])) },
      { externalId: 'a', name: 'x', properties: { nested: { a: 1 } } },
      { externalId: 'a', name: 'x', timestamp: new Date(Date.now() + 2 * 3600_000).toISOString() },
      { externalId: 'a', name: 'x', revenue: 1.234 },
      { externalId: 'a', name: 'x', messageId: 'm'.repeat(101) },
      { externalId: 'a', name: 'x', context: { campaign: { source: 'a', evil: 1 } } },
    ];
    const res = await caller.events.ingestBatch({ events: bad });
    expect(res.accepted).toBe(0);
    expect(res.errors.map((e) => e.issues?.[0]?.path)).toEqual([
      'events.0.name',
      'events.1.name',
      'events.2.properties',
      'events.3.properties.nested',
      'events.4.timestamp',
      'events.5.revenue',
      'events.6.messageId',
      'events.7.context.campaign',
    ]);
    const near = await caller.events.ingest({ externalId: 'a', name: 'soon', timestamp: new Date(Date.now() + 30 * 60_000).toISOString() });
    expect(near.id).toBeTruthy();
  });

  it('a messageId is stored once; 20 concurrent sends store one event and answer no error', async () => {
    const { caller } = await setup();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => caller.events.ingest({ externalId: 'dup', name: 'click', messageId: 'msg-1' })),
    );
    const ids = new Set(results.map((r) => r.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect((await caller.events.list({})).total).toBe(1);
    const batch = await caller.events.ingestBatch({
      events: [
        { externalId: 'dup', name: 'click', messageId: 'msg-1' },
        { externalId: 'dup', name: 'click', messageId: 'msg-2' },
        { externalId: 'dup', name: 'click', messageId: 'msg-2' },
      ],
    });
    expect(batch).toMatchObject({ accepted: 1, duplicates: 2, suppressed: 0, errors: [] });
    expect((await caller.customers.get({ id: 'ext_dup' })).customer.attributes).toEqual({});
  });

  it('concurrent batches for the same new customers make each customer once and lose no aggregate', async () => {
    const { caller } = await setup();
    const batches = Array.from({ length: 8 }, (_, b) =>
      Array.from({ length: 40 }, (_, i) => ({
        externalId: i % 2 === 0 ? 'shared' : `own-${b}`,
        name: 'purchase',
        revenue: 1.25,
        timestamp: ago(1 + b + i / 100),
      })),
    );
    const answers = await Promise.all(batches.map((events) => caller.events.ingestBatch({ events })));
    expect(answers.every((a) => a.accepted === 40 && a.errors.length === 0)).toBe(true);
    expect((await caller.customers.count({})).count).toBe(9);
    const shared = (await caller.customers.get({ id: 'ext_shared' })).customer;
    expect(shared.ltv).toBe(8 * 20 * 1.25);
    expect((await caller.customers.journey({ id: 'ext_shared', limit: 100 })).nextCursor).not.toBeNull();
    expect((await caller.events.list({ customerId: shared.id, limit: 100 })).total).toBe(160);
  });

  it('events for an erased externalId are counted, not stored', async () => {
    const { caller } = await setup();
    await caller.events.ingest({ externalId: 'erased', name: 'x' });
    await caller.customers.delete({ id: 'ext_erased', erase: 'true' });
    expect(await caller.events.ingest({ externalId: 'erased', name: 'x' })).toEqual({ id: null, duplicate: false, suppressed: true });
    const batch = await caller.events.ingestBatch({
      events: [
        { externalId: 'erased', name: 'x' },
        { externalId: 'other', name: 'x' },
      ],
    });
    expect(batch).toMatchObject({ accepted: 1, suppressed: 1 });
  });

  it('an earlier touchpoint arriving later replaces acquisition', async () => {
    const { caller } = await setup();
    await caller.events.ingest({
      externalId: 'acq',
      name: 'visit',
      timestamp: ago(3),
      context: { campaign: { source: 'newsletter', medium: 'email', name: 'nov' }, url: 'https://x.test/a' },
    });
    let { customer } = await caller.customers.get({ id: 'ext_acq' });
    expect(customer.acquisition).toMatchObject({ source: 'newsletter', medium: 'email', campaign: 'nov', landingUrl: 'https://x.test/a' });
    await caller.events.ingest({
      externalId: 'acq',
      name: 'visit',
      timestamp: ago(9),
      context: { referrer: 'https://www.Blog.example/post', clickId: 'c1' },
    });
    ({ customer } = await caller.customers.get({ id: 'ext_acq' }));
    expect(customer.acquisition).toMatchObject({
      source: 'blog.example',
      medium: 'referral',
      campaign: null,
      clickId: 'c1',
      referrer: 'https://www.Blog.example/post',
    });
    await caller.events.ingest({ externalId: 'acq', name: 'visit', timestamp: ago(1), context: { campaign: { source: 'late' } } });
    expect((await caller.customers.get({ id: 'ext_acq' })).customer.acquisition.source).toBe('blog.example');
  });

  it('publishable keys may ingest but not send revenue; they cannot read', async () => {
    const { tenant } = await setup();
    const pk = callerFor(database.db, keyActor(tenant, { type: 'publishable' }));
    expect((await pk.events.ingest({ externalId: 'p', name: 'view' })).id).toBeTruthy();
    await expect(pk.events.ingest({ externalId: 'p', name: 'buy', revenue: 10 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const batch = await pk.events.ingestBatch({ events: [{ externalId: 'p', name: 'buy', revenue: 10 }] });
    expect(batch.errors[0]).toMatchObject({ index: 0, code: 'FORBIDDEN' });
    await expect(pk.events.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('rejects an event over 64 KB as a per-item error in a batch', async () => {
    const { caller } = await setup();
    const withProps = (value: string) => ({
      externalId: 'b',
      name: 'big',
      properties: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, value])),
    });
    const under = withProps('x'.repeat(1000));
    // 700 two-byte characters per value: within the string rule, over 64 KB serialized.
    const over = withProps('é'.repeat(700));
    expect(Buffer.byteLength(JSON.stringify(under))).toBeLessThanOrEqual(65_536);
    expect(Buffer.byteLength(JSON.stringify(over))).toBeGreaterThan(65_536);
    const res = await caller.events.ingestBatch({ events: [under, over] });
    expect(res.accepted).toBe(1);
    expect(res.errors).toEqual([expect.objectContaining({ index: 1, code: 'PAYLOAD_TOO_LARGE' })]);
    await expect(caller.events.ingest(over)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});

describe('events.delete and recalculate', () => {
  it('removes the event from aggregates and keeps its messageId taken', async () => {
    const { caller } = await setup();
    const a = await caller.events.ingest({ externalId: 'd', name: 'buy', revenue: 30, timestamp: ago(4), messageId: 'm-del' });
    await caller.events.ingest({ externalId: 'd', name: 'buy', revenue: 12, timestamp: ago(2) });
    expect(await caller.events.delete({ id: a.id! })).toEqual({ deleted: true });
    const { customer } = await caller.customers.get({ id: 'ext_d' });
    expect(customer.ltv).toBe(12);
    await expect(caller.events.get({ id: a.id! })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await caller.events.ingest({ externalId: 'd', name: 'buy', messageId: 'm-del' })).toMatchObject({ id: a.id, duplicate: true });
    expect((await caller.customers.recalculate({ id: 'ext_d' })).customer.ltv).toBe(12);
  });

  it('never shows or deletes another environment’s event', async () => {
    const { caller, tenant } = await setup();
    const { id } = await caller.events.ingest({ externalId: 'iso', name: 'x' });
    const testEnv = callerFor(database.db, keyActor(tenant, { mode: 'test' }));
    await expect(testEnv.events.get({ id: id! })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(testEnv.events.delete({ id: id! })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await testEnv.events.list({})).total).toBe(0);
  });
});
