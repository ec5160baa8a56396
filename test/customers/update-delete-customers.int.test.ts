import type { Database } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../helpers/caller';
import { setupTestDb } from '../helpers/db';
import { createTenant, keyActor, staffActor } from '../helpers/fixtures';
import { auditQueries } from '@tenure/db';

let database: Database;
beforeAll(async () => {
  database = await setupTestDb();
});
afterAll(() => database.close());

const newCaller = async () => callerFor(database.db, keyActor(await createTenant(database.db)));

describe('customers.update', () => {
  it('patches fields, merges attributes and removes null keys', async () => {
    const caller = await newCaller();
    const { customer } = await caller.customers.upsert({ externalId: 'p', name: 'P', email: 'p@example.com', attributes: { a: 1, b: 2 } });
    const updated = await caller.customers.update({ id: customer.id, name: null, plan: 'pro', attributes: { a: null, c: 3 } });
    expect(updated.customer).toMatchObject({ name: null, email: 'p@example.com', plan: 'pro', attributes: { b: 2, c: 3 } });
  });

  it('renaming to a taken externalId → 409 DUPLICATE_EXTERNAL_ID; to a free one works', async () => {
    const caller = await newCaller();
    await caller.customers.upsert({ externalId: 'one' });
    await caller.customers.upsert({ externalId: 'two' });
    const error = await caller.customers.update({ id: 'ext_two', externalId: 'one' }).catch((e) => e);
    expect(error.code).toBe('CONFLICT');
    expect(error.cause.reason).toBe('DUPLICATE_EXTERNAL_ID');
    const renamed = await caller.customers.update({ id: 'ext_two', externalId: 'three' });
    expect(renamed.customer.externalId).toBe('three');
  });

  it('concurrent patches never lose an attribute key', async () => {
    const caller = await newCaller();
    await caller.customers.upsert({ externalId: 'c' });
    await Promise.all(Array.from({ length: 15 }, (_, i) => caller.customers.update({ id: 'ext_c', attributes: { [`k${i}`]: i } })));
    const { customer } = await caller.customers.get({ id: 'ext_c' });
    expect(Object.keys(customer.attributes).sort()).toHaveLength(15);
  });

  it('unknown customers → NOT_FOUND', async () => {
    const caller = await newCaller();
    await expect(caller.customers.update({ id: 'ext_missing', name: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('customers.delete', () => {
  it('scrubs PII, hides the customer, and frees the externalId', async () => {
    const caller = await newCaller();
    const { customer } = await caller.customers.upsert({
      externalId: 'd',
      email: 'd@example.com',
      name: 'D',
      clickId: 'clk',
      attributes: { a: 1 },
    });
    expect(await caller.customers.delete({ id: 'ext_d' })).toEqual({ deleted: true, id: customer.id });
    await expect(caller.customers.get({ id: customer.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await caller.customers.count({})).count).toBe(0);
    expect((await caller.customers.list({})).total).toBe(0);
    const row = await database.db.selectFrom('customers').selectAll().where('id', '=', customer.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email: null, name: null, externalId: null, clickId: null, acqClickId: null, attributes: {} });
    expect(row.deletedAt).toBeInstanceOf(Date);
    const again = await caller.customers.upsert({ externalId: 'd' });
    expect(again.created).toBe(true);
    expect(again.customer.id).not.toBe(customer.id);
  });

  it('erase=true suppresses the externalId: a later upsert → 409 SUPPRESSED', async () => {
    const caller = await newCaller();
    await caller.customers.upsert({ externalId: 'gone' });
    await caller.customers.delete({ id: 'ext_gone', erase: 'true' });
    const error = await caller.customers.upsert({ externalId: 'gone' }).catch((e) => e);
    expect(error.code).toBe('CONFLICT');
    expect(error.cause.reason).toBe('SUPPRESSED');
    const batch = await caller.customers.batch({ customers: [{ externalId: 'gone' }, { externalId: 'fine' }] });
    expect(batch.errors).toEqual([expect.objectContaining({ index: 0, code: 'CONFLICT', reason: 'SUPPRESSED' })]);
  });

  it('batch-delete ignores unknown ids and counts deletions', async () => {
    const caller = await newCaller();
    const { customer } = await caller.customers.upsert({ externalId: 'b1' });
    await caller.customers.upsert({ externalId: 'b2' });
    await caller.customers.upsert({ externalId: 'b3' });
    const res = await caller.customers.batchDelete({ ids: [customer.id, 'ext_b2', 'ext_nope', 'garbage'] });
    expect(res).toEqual({ deleted: 2 });
    expect((await caller.customers.count({})).count).toBe(1);
  });

  it('staff deletions write an audit entry in the same transaction', async () => {
    const tenant = await createTenant(database.db);
    const staff = callerFor(database.db, await staffActor(database.db, tenant, 'member'));
    const { customer } = await staff.customers.upsert({ externalId: 'audited' });
    await staff.customers.delete({ id: customer.id });
    const entries = await auditQueries.listAudit(database.db, tenant.workspaceId, 10);
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['customer.created', 'customer.deleted']));
    expect(entries.find((e) => e.action === 'customer.deleted')?.targetId).toBe(customer.id);
  });

  it('viewers cannot delete', async () => {
    const tenant = await createTenant(database.db);
    const viewer = callerFor(database.db, await staffActor(database.db, tenant, 'viewer'));
    await expect(viewer.customers.delete({ id: 'ext_x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('array attributes', () => {
  it('upserts items by id, appends items without id, creates missing customers', async () => {
    const caller = await newCaller();
    const res = await caller.customers.upsertArrayItems({
      records: [
        { externalId: 'arr', field: 'orders', items: [{ id: 1, total: 10 }, { id: '1', total: 11 }, { total: 5 }] },
        { externalId: 'arr', field: 'orders', items: [{ id: 1, total: 20 }] },
      ],
    });
    expect(res).toEqual({ updated: 2, errors: [] });
    const { customer } = await caller.customers.get({ id: 'ext_arr' });
    expect(customer.attributes.orders).toEqual([{ id: 1, total: 20 }, { id: '1', total: 11 }, { total: 5 }]);
    const del = await caller.customers.deleteArrayItems({
      records: [
        { externalId: 'arr', field: 'orders', ids: [1] },
        { externalId: 'nobody', field: 'orders', ids: [1] },
        { externalId: 'arr', field: 'missing', ids: [1] },
      ],
    });
    expect(del.errors).toEqual([]);
    expect((await caller.customers.get({ id: 'ext_arr' })).customer.attributes.orders).toEqual([{ id: '1', total: 11 }, { total: 5 }]);
    expect((await caller.customers.count({})).count).toBe(1);
  });

  it('a non-array field → FIELD_NOT_ARRAY; limits are checked after the merge', async () => {
    const caller = await newCaller();
    await caller.customers.upsert({ externalId: 'f', attributes: { plan: 'pro' } });
    const res = await caller.customers.upsertArrayItems({
      records: [
        { externalId: 'f', field: 'plan', items: [{ id: 1 }] },
        { externalId: 'f', field: 'notes', items: [{ id: 1, text: 'x'.repeat(1001) }] },
        { externalId: 'f', field: 'bad-field', items: [{ id: 1 }] },
      ],
    });
    expect(res.updated).toBe(0);
    expect(res.errors).toEqual([
      expect.objectContaining({ index: 0, reason: 'FIELD_NOT_ARRAY' }),
      expect.objectContaining({ index: 1, code: 'BAD_REQUEST', issues: [expect.objectContaining({ path: 'records.1.items.0.text' })] }),
      expect.objectContaining({ index: 2, code: 'BAD_REQUEST', issues: [expect.objectContaining({ path: 'records.2.field' })] }),
    ]);
  });
});

describe('customers.count and filters', () => {
  it('counts with the same filters as the list', async () => {
    const caller = await newCaller();
    await caller.customers.batch({
      customers: [
        { externalId: 'x1', name: 'Match me' },
        { externalId: 'x2', name: 'Other' },
      ],
    });
    expect((await caller.customers.count({ search: 'match' })).count).toBe(1);
    expect((await caller.customers.count({ lifecycleStage: 'new' })).count).toBe(2);
    expect((await caller.customers.count({ active: 'true' })).count).toBe(0);
    expect((await caller.customers.count({ active: 'false' })).count).toBe(2);
  });
});
