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

const newCaller = async () => callerFor(database.db, keyActor(await createTenant(database.db)));

describe('customers.batch', () => {
  it('creates and updates, counting per item, with repeated externalIds applied in order', async () => {
    const caller = await newCaller();
    await caller.customers.upsert({ externalId: 'existing', name: 'Old', attributes: { keep: 1 } });
    const res = await caller.customers.batch({
      customers: [
        { externalId: 'a', name: 'A1', attributes: { x: 1 } },
        { externalId: 'existing', name: 'New' },
        { externalId: 'a', name: 'A2', attributes: { y: 2 } },
      ],
    });
    expect(res).toEqual({ created: 1, updated: 2, errors: [] });
    const a = (await caller.customers.get({ id: 'ext_a' })).customer;
    expect(a).toMatchObject({ name: 'A2', attributes: { x: 1, y: 2 } });
    expect((await caller.customers.get({ id: 'ext_existing' })).customer).toMatchObject({ name: 'New', attributes: { keep: 1 } });
  });

  it('writes valid items and reports invalid ones by index with paths from the request root', async () => {
    const caller = await newCaller();
    const res = await caller.customers.batch({
      customers: [
        { externalId: 'ok-1' },
        { externalId: 'bad', attributes: { bio: 'x'.repeat(1001) } },
        { name: 'no external id' },
        { externalId: 'ok-2', unknownField: 1 },
        { externalId: 'ok-3', email: 'not-an-email' },
        { externalId: 'ok-4' },
      ],
    });
    expect(res.created).toBe(2);
    expect(res.errors.map((e) => [e.index, e.code])).toEqual([
      [1, 'BAD_REQUEST'],
      [2, 'BAD_REQUEST'],
      [3, 'BAD_REQUEST'],
      [4, 'BAD_REQUEST'],
    ]);
    expect(res.errors[0]!.issues![0]!.path).toBe('customers.1.attributes.bio');
    expect(res.errors[1]!.issues![0]!.path).toBe('customers.2.externalId');
    expect(res.errors[3]!.issues![0]!.path).toBe('customers.4.email');
    expect((await caller.customers.count({})).count).toBe(2);
  });

  it('checks attribute limits after the merge', async () => {
    const caller = await newCaller();
    const first = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`a${i}`, i]));
    const second = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`b${i}`, i]));
    const res = await caller.customers.batch({
      customers: [
        { externalId: 'm', attributes: first },
        { externalId: 'm', attributes: second },
      ],
    });
    expect(res.created).toBe(1);
    expect(res.errors).toHaveLength(1);
    expect(res.errors[0]).toMatchObject({ index: 1, code: 'BAD_REQUEST' });
    expect(res.errors[0]!.issues![0]!.path).toBe('customers.1.attributes');
  });

  it('an invalid envelope writes nothing', async () => {
    const caller = await newCaller();
    await expect(caller.customers.batch({ customers: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.customers.batch({ customers: [{ externalId: 'x' }], extra: 1 } as never)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const tooMany = Array.from({ length: 10_001 }, (_, i) => ({ externalId: `x${i}` }));
    await expect(caller.customers.batch({ customers: tooMany })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await caller.customers.count({})).count).toBe(0);
  });

  it('upserts 2,000 customers in one request', async () => {
    const caller = await newCaller();
    const customers = Array.from({ length: 2000 }, (_, i) => ({
      externalId: `bulk-${i}`,
      email: `b${i}@example.com`,
      attributes: { n: i },
    }));
    expect(await caller.customers.batch({ customers })).toEqual({ created: 2000, updated: 0, errors: [] });
    expect(await caller.customers.batch({ customers })).toEqual({ created: 0, updated: 2000, errors: [] });
    expect((await caller.customers.count({})).count).toBe(2000);
  });

  it('applies a batch of several write chunks in order, with repeats far apart and errors in every chunk', async () => {
    const caller = await newCaller();
    const customers: Record<string, unknown>[] = Array.from({ length: 2600 }, (_, i) => ({ externalId: `c-${i}`, attributes: { i } }));
    customers[5] = { externalId: 'twice', name: 'first', attributes: { a: 1 } };
    customers[2400] = { externalId: 'twice', name: 'last', attributes: { b: 2 } };
    for (const bad of [10, 1500, 2599]) customers[bad] = { externalId: `bad-${bad}`, email: 'nope' };
    const res = await caller.customers.batch({ customers });
    expect(res.errors.map((e) => [e.index, e.issues?.[0]?.path])).toEqual([
      [10, 'customers.10.email'],
      [1500, 'customers.1500.email'],
      [2599, 'customers.2599.email'],
    ]);
    expect(res).toMatchObject({ created: 2600 - 3 - 1, updated: 1 });
    expect((await caller.customers.get({ id: 'ext_twice' })).customer).toMatchObject({ name: 'last', attributes: { a: 1, b: 2 } });
    expect((await caller.customers.count({})).count).toBe(2596);
  });

  it('counts an item that changes nothing as updated without rewriting the customer', async () => {
    const caller = await newCaller();
    const item = { externalId: 'same', name: 'Same', attributes: { plan: 'pro', tags: ['a', { id: 1, n: 2 }] } };
    await caller.customers.batch({ customers: [item] });
    const before = (await caller.customers.get({ id: 'ext_same' })).customer;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await caller.customers.batch({ customers: [item] })).toEqual({ created: 0, updated: 1, errors: [] });
    expect((await caller.customers.get({ id: 'ext_same' })).customer.updatedAt).toBe(before.updatedAt);
    await caller.customers.batch({ customers: [{ ...item, attributes: { plan: 'team' } }] });
    const after = (await caller.customers.get({ id: 'ext_same' })).customer;
    expect(after.updatedAt > before.updatedAt).toBe(true);
    expect(after.attributes).toEqual({ plan: 'team', tags: ['a', { id: 1, n: 2 }] });
  });

  it('reports an invalid item for an erased externalId as invalid, a valid one as suppressed', async () => {
    const caller = await newCaller();
    await caller.customers.upsert({ externalId: 'erased' });
    await caller.customers.delete({ id: 'ext_erased', erase: 'true' });
    const res = await caller.customers.batch({ customers: [{ externalId: 'erased', email: 'nope' }, { externalId: 'erased' }] });
    expect(res.errors).toEqual([
      expect.objectContaining({ index: 0, code: 'BAD_REQUEST' }),
      expect.objectContaining({ index: 1, code: 'CONFLICT', reason: 'SUPPRESSED' }),
    ]);
  });
});
