/**
 * Text and times the database cannot hold are a 400 naming the path (a per-item error inside
 * batches), never a 5xx or half a write — property-based over strings with NUL, lone surrogates,
 * right-to-left text and emoji, and over extreme dates, on every write path and the query inputs.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKey, createTenant } from '../helpers/fixtures';
import { api, useHttpFixture } from '../helpers/server';
import { after1970, RUNS, storable, storableEventTime, text, time } from './storable-text';

// Hundreds of requests in a few seconds: the per-key budget is not what these tests are about.
const fx = useHttpFixture({ TENURE_RATE_LIMIT: '100000', TENURE_INGEST_RATE_LIMIT: '100000', LOG_LEVEL: 'error' });
let key: string;
let base: string;

beforeAll(async () => {
  key = (await createKey(fx.database.db, await createTenant(fx.database.db))).key;
  base = fx.server.url;
});

async function counts() {
  const customers = (await api(base, 'GET', '/api/v1/customers/count', { key })).body.count as number;
  const events = (await api(base, 'GET', '/api/v1/events?limit=1', { key })).body.total as number;
  return { customers, events };
}

describe('customers', () => {
  it('POST /customers stores storable text exactly and refuses the rest with a path', async () => {
    await fc.assert(
      fc.asyncProperty(text, text, fc.constantFrom('name', 'company', 'externalId', 'attr'), async (a, b, field) => {
        const before = await counts();
        const body =
          field === 'attr'
            ? { externalId: `c-${a.length}-${Math.random()}`, attributes: { note: a, [`k${b.length}`]: b } }
            : field === 'externalId'
              ? { externalId: a, name: b }
              : { externalId: `c-${Math.random()}`, [field]: a, role: b };
        const res = await api(base, 'POST', '/api/v1/customers', { key, body });
        expect(res.status).toBeLessThan(500);
        if (storable(a) && storable(b)) {
          expect(res.status).toBe(200);
          if (field === 'attr') expect(res.body.customer.attributes).toEqual({ note: a, [`k${b.length}`]: b });
          else expect(res.body.customer[field]).toBe(a);
        } else {
          expect(res.status).toBe(400);
          expect(res.body.issues?.[0]?.path).toBeTruthy();
          expect(await counts()).toEqual(before);
        }
      }),
      RUNS,
    );
  });

  it('POST /customers refuses createdAt before 1970 or past 9999 and accepts the rest', async () => {
    await fc.assert(
      fc.asyncProperty(time, async (createdAt) => {
        const res = await api(base, 'POST', '/api/v1/customers', { key, body: { externalId: `t-${Math.random()}`, createdAt } });
        // A signup date has no future bound: year 9999 is stored; before 1970 is refused by path.
        expect(res.status).toBe(after1970(createdAt) ? 200 : 400);
        if (res.status === 400) expect(res.body.issues?.[0]?.path).toBe('createdAt');
        else expect(Date.parse(res.body.customer.createdAt)).toBe(Date.parse(createdAt));
      }),
      RUNS,
    );
  });

  it('POST /customers/batch writes the valid items and reports each bad one', async () => {
    await fc.assert(
      fc.asyncProperty(text, time, async (bad, createdAt) => {
        const id = `b-${Math.random()}`;
        const items = [
          { externalId: `${id}-ok`, name: 'Fine 😀 مرحبا' },
          { externalId: `${id}-text`, name: bad },
          { externalId: `${id}-time`, createdAt },
        ];
        const res = await api(base, 'POST', '/api/v1/customers/batch', { key, body: { customers: items } });
        expect(res.status).toBe(200);
        const badIndexes = [...(storable(bad) ? [] : [1]), ...(after1970(createdAt) ? [] : [2])];
        expect(res.body.errors.map((e: { index: number }) => e.index)).toEqual(badIndexes);
        for (const e of res.body.errors) expect(e.issues[0].path).toMatch(new RegExp(`^customers\\.${e.index}\\.`));
        expect(res.body.created + res.body.updated).toBe(3 - badIndexes.length);
        expect((await api(base, 'GET', `/api/v1/customers/ext_${encodeURIComponent(`${id}-ok`)}`, { key })).status).toBe(200);
      }),
      RUNS,
    );
  });

  it('PATCH, arrays and deletes refuse unstorable text without writing', async () => {
    const created = await api(base, 'POST', '/api/v1/customers', { key, body: { externalId: 'patch-me', name: 'Before' } });
    expect(created.status).toBe(200);
    await fc.assert(
      fc.asyncProperty(text, async (s) => {
        const ok = storable(s);
        const patch = await api(base, 'PATCH', '/api/v1/customers/ext_patch-me', { key, body: { name: s } });
        expect(patch.status).toBe(ok ? 200 : 400);
        const arrays = await api(base, 'POST', '/api/v1/customers/arrays', {
          key,
          body: { records: [{ externalId: 'patch-me', field: 'items', items: [{ id: 'x', label: s }] }] },
        });
        expect(arrays.status).toBeLessThan(500);
        if (!ok) expect(arrays.body.updated ?? 0).toBe(0);
        const remove = await api(base, 'POST', '/api/v1/customers/arrays/delete', {
          key,
          body: { records: [{ externalId: 'patch-me', field: 'items', ids: [s] }] },
        });
        expect(remove.status).toBeLessThan(500);
        const batchDelete = await api(base, 'POST', '/api/v1/customers/batch-delete', { key, body: { ids: [`ext_${s}`] } });
        expect(batchDelete.status).toBe(ok ? 200 : 400);
      }),
      RUNS,
    );
    const after = await api(base, 'GET', '/api/v1/customers/ext_patch-me', { key });
    expect(after.status).toBe(200);
    expect(typeof after.body.customer.name).toBe('string');
  });
});

describe('events', () => {
  it('POST /events refuses unstorable text or times before creating anything', async () => {
    const PATHS = {
      name: 'name',
      property: 'properties.p',
      messageId: 'messageId',
      url: 'context.url',
      source: 'context.campaign.source',
      externalId: 'externalId',
    } as const;
    const fields = Object.keys(PATHS) as (keyof typeof PATHS)[];
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom(...fields), time, async (s, field, timestamp) => {
        const before = await counts();
        const externalId = field === 'externalId' ? s : `e-${Math.random()}`;
        const event: Record<string, unknown> = { externalId, name: field === 'name' ? s.slice(0, 50) : 'page_view', timestamp };
        if (field === 'property') event.properties = { p: s };
        if (field === 'messageId') event.messageId = s;
        if (field === 'url') event.context = { url: s };
        if (field === 'source') event.context = { campaign: { source: s } };
        const res = await api(base, 'POST', '/api/v1/events', { key, body: event });
        expect(res.status).toBeLessThan(500);
        const valueOk = storable(field === 'name' ? s.slice(0, 50) : s);
        // Year 9999 is storable but more than an hour ahead: a 400 as well (REST.md).
        if (valueOk && storableEventTime(timestamp)) {
          expect(res.status).toBe(200);
        } else {
          expect(res.status).toBe(400);
          const paths = (res.body.issues as { path: string }[]).map((i) => i.path);
          // The schema names every bad value and pre-1970 time at once; the future bound is checked after it.
          if (!valueOk) expect(paths).toContain(PATHS[field]);
          if (!after1970(timestamp) || valueOk) expect(paths).toContain('timestamp');
          expect(await counts()).toEqual(before);
        }
      }),
      RUNS,
    );
  });

  it('POST /events/batch reports each bad item and stores the rest, creating only their customers', async () => {
    await fc.assert(
      fc.asyncProperty(text, time, async (s, timestamp) => {
        const id = `eb-${Math.random()}`;
        const before = await counts();
        const events = [
          { externalId: `${id}-a`, name: 'ok', properties: { title: 'שלום 👩‍💻' } },
          { externalId: `${id}-b`, name: 'bad_text', properties: { p: s } },
          { externalId: `${id}-c`, name: 'bad_time', timestamp },
        ];
        const res = await api(base, 'POST', '/api/v1/events/batch', { key, body: { events } });
        expect(res.status).toBe(200);
        const textOk = storable(s);
        const timeOk = storableEventTime(timestamp);
        const bad = [...(textOk ? [] : [1]), ...(timeOk ? [] : [2])];
        expect(res.body.errors.map((e: { index: number }) => e.index)).toEqual(bad);
        for (const e of res.body.errors) {
          expect(e.issues[0].path).toBe(e.index === 1 ? 'events.1.properties.p' : 'events.2.timestamp');
        }
        const stored = 1 + (textOk ? 1 : 0) + (timeOk ? 1 : 0);
        expect(res.body.accepted).toBe(stored);
        expect(await counts()).toEqual({ customers: before.customers + stored, events: before.events + stored });
      }),
      RUNS,
    );
  });

  it('an event at exactly 1970-01-01T00:00:00Z gets an id that can be read and deleted', async () => {
    const timestamp = '1970-01-01T00:00:00Z';
    const ingested = await api(base, 'POST', '/api/v1/events', {
      key,
      body: { externalId: `epoch-${Math.random()}`, name: 'epoch', timestamp },
    });
    expect(ingested.status).toBe(200);
    const id = ingested.body.id as string;
    expect(id).toMatch(/^evt_0000000000[0-9a-hjkmnp-tv-z]{16}$/);
    const read = await api(base, 'GET', `/api/v1/events/${id}`, { key });
    expect(read.status).toBe(200);
    expect(read.body.event).toMatchObject({ id, name: 'epoch', timestamp: '1970-01-01T00:00:00.000Z' });
    const removed = await api(base, 'DELETE', `/api/v1/events/${id}`, { key });
    expect(removed.status).toBe(200);
    expect(removed.body.deleted).toBe(true);
    expect((await api(base, 'GET', `/api/v1/events/${id}`, { key })).status).toBe(404);
  });
});

describe('ids and query inputs', () => {
  it.each([
    ['GET', '/api/v1/customers/ext_%00'],
    ['GET', '/api/v1/customers/ext_a%00b/journey'],
    ['PATCH', '/api/v1/customers/ext_%00'],
    ['DELETE', '/api/v1/customers/ext_%00'],
    ['GET', '/api/v1/events/evt_%00'],
    ['DELETE', '/api/v1/events/evt_%00'],
    ['GET', '/api/v1/customers?search=%00'],
    ['GET', '/api/v1/customers?ids=ext_%00'],
    ['GET', '/api/v1/customers/count?search=a%00'],
    ['GET', '/api/v1/events?name=%00'],
    ['GET', '/api/v1/events?customerId=ext_%00'],
    ['GET', '/api/v1/events?start=0000-01-01'],
    ['GET', '/api/v1/events?end=1969-12-31T00:00:00Z'],
    ['GET', '/api/v1/customers/ext_x/journey?start=0000-01-01'],
    ['GET', '/api/v1/customers/ext_x/journey?names=a%00'],
  ])('%s %s → 400 or 404, never 5xx', async (method, path) => {
    const res = await api(base, method, path, { key, body: method === 'PATCH' ? { name: 'x' } : undefined });
    expect([400, 404]).toContain(res.status);
    expect(res.body.code).toMatch(/BAD_REQUEST|NOT_FOUND/);
  });
});
