/**
 * Text and times the database cannot hold are a 400 naming the path (a per-item error inside
 * batches), never a 5xx or half a write — property-based over strings with NUL, lone surrogates,
 * right-to-left text and emoji, and over extreme dates, on every write path and the query inputs.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKey, createTenant } from '../helpers/fixtures';
import { api, useHttpFixture } from '../helpers/server';

// Hundreds of requests in a few seconds: the per-key budget is not what these tests are about.
const fx = useHttpFixture({ TENURE_RATE_LIMIT: '100000', TENURE_INGEST_RATE_LIMIT: '100000', LOG_LEVEL: 'error' });
let key: string;
let base: string;

beforeAll(async () => {
  key = (await createKey(fx.database.db, await createTenant(fx.database.db))).key;
  base = fx.server.url;
});

const PIECES = ['a', 'Z', ' ', '\u0000', '\ud800', '\udfff', '\u202e', 'مرحبا', 'שלום', '😀', '👩‍💻', 'é', '\u00a0'];
const text = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
const TIMES = [
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '1969-12-31T23:59:59.999Z',
  '1970-01-01T00:00:00Z',
  '1999-06-15T12:00:00+02:00',
  '9999-12-31T23:59:59Z',
];
const time = fc.constantFrom(...TIMES);

/** Independent of the code under test: encodeURIComponent throws on unpaired surrogates. */
function storable(s: string): boolean {
  if (s.includes('\u0000')) return false;
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}
const after1970 = (t: string) => Date.parse(t) >= Date.UTC(1970, 0, 1);

async function counts() {
  const customers = (await api(base, 'GET', '/api/v1/customers/count', { key })).body.count as number;
  const events = (await api(base, 'GET', '/api/v1/events?limit=1', { key })).body.total as number;
  return { customers, events };
}

const RUNS = { numRuns: 20 };

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
        expect(res.status).toBe(after1970(createdAt) && !createdAt.startsWith('9999') ? 200 : res.status);
        if (!after1970(createdAt)) expect(res.status).toBe(400);
        else expect(res.status).toBe(200);
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
    const fields = ['name', 'property', 'messageId', 'url', 'source', 'externalId'] as const;
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
        if (valueOk && after1970(timestamp) && !timestamp.startsWith('9999')) {
          expect(res.status).toBe(200);
        } else if (!valueOk || !after1970(timestamp)) {
          expect(res.status).toBe(400);
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
        const timeOk = after1970(timestamp) && !timestamp.startsWith('9999');
        const bad = [...(textOk ? [] : [1]), ...(after1970(timestamp) ? [] : [2])];
        for (const i of bad) expect(res.body.errors.map((e: { index: number }) => e.index)).toContain(i);
        const stored = 1 + (textOk ? 1 : 0) + (timeOk ? 1 : 0);
        expect(res.body.accepted).toBe(stored);
        expect(await counts()).toEqual({ customers: before.customers + stored, events: before.events + stored });
      }),
      RUNS,
    );
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
