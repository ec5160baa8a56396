/**
 * Segment writes and the estimate under the storable-input properties: strings with NUL, lone
 * surrogates, right-to-left text and emoji in names, descriptions, rule values, list items, event
 * names and attribute keys are never a 5xx; NUL and lone surrogates are a 400 BAD_REQUEST naming
 * the path, and nothing is written.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKey, createTenant } from '../helpers/fixtures';
import { api, useHttpFixture } from '../helpers/server';
import { RUNS, storable, text } from './storable-text';

const fx = useHttpFixture({ TENURE_RATE_LIMIT: '100000', LOG_LEVEL: 'error' });
let key: string;
let base: string;

beforeAll(async () => {
  key = (await createKey(fx.database.db, await createTenant(fx.database.db))).key;
  base = fx.server.url;
});

/** Where the drawn string goes in a segment body, and the path an issue about it names. */
const PLACES = {
  name: 'name',
  description: 'description',
  value: 'rules.0.value',
  listItem: 'rules.0.value.1',
  event: 'rules.0.event',
  attributeKey: 'rules.0.field',
} as const;
type Place = keyof typeof PLACES;
const place = fc.constantFrom(...(Object.keys(PLACES) as Place[]));

function rulesWith(s: string, where: Place) {
  if (where === 'value') return [{ field: 'plan', operator: 'eq', value: s }];
  if (where === 'listItem') return [{ field: 'plan', operator: 'in', value: ['pro', s] }];
  if (where === 'event') return [{ field: 'eventCount', operator: 'gte', value: 1, event: s }];
  if (where === 'attributeKey') return [{ field: `attributes.${s}`, operator: 'exists' }];
  return [{ field: 'plan', operator: 'eq', value: 'pro' }];
}

function segmentBody(s: string, where: Place, name = `seg ${Math.random()}`) {
  return {
    name: where === 'name' ? s : name,
    ...(where === 'description' ? { description: s } : {}),
    rules: rulesWith(s, where),
  };
}

/**
 * What the answer must be: unstorable text is a 400 naming its path. Storable text is accepted,
 * except as an attribute key, which has its own pattern (a 400 there too, never a 5xx).
 */
function expectAnswer(res: { status: number; body: any }, s: string, where: Place) {
  expect(res.status).toBeLessThan(500);
  if (!storable(s)) {
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_REQUEST');
    expect(res.body.issues.map((i: { path: string }) => i.path)).toContain(PLACES[where]);
  } else if (where !== 'attributeKey') {
    expect(res.status).toBe(200);
  }
}

async function segmentNames(): Promise<string[]> {
  const res = await api(base, 'GET', '/api/v1/segments', { key });
  expect(res.status).toBe(200);
  return res.body.segments.map((s: { name: string }) => s.name).sort();
}

describe('segments', () => {
  it('POST /segments stores storable text exactly and refuses the rest with a path, creating nothing', async () => {
    await fc.assert(
      fc.asyncProperty(text, place, async (s, where) => {
        const before = await segmentNames();
        const body = segmentBody(s, where);
        const res = await api(base, 'POST', '/api/v1/segments', { key, body });
        expectAnswer(res, s, where);
        if (res.status === 200) {
          expect(res.body.segment).toMatchObject({ name: body.name, rules: body.rules });
          if (where === 'description') expect(res.body.segment.description).toBe(s);
          // Keep the environment below its segment limit.
          expect((await api(base, 'DELETE', `/api/v1/segments/${res.body.segment.id}`, { key })).status).toBe(200);
        } else {
          expect(await segmentNames()).toEqual(before);
        }
      }),
      RUNS,
    );
  });

  it('PATCH /segments/{id} changes nothing when any string cannot be stored', async () => {
    const created = await api(base, 'POST', '/api/v1/segments', { key, body: segmentBody('pro', 'value', 'patch target') });
    expect(created.status).toBe(200);
    const id = created.body.segment.id as string;
    await fc.assert(
      fc.asyncProperty(text, place, async (s, where) => {
        const before = (await api(base, 'GET', `/api/v1/segments/${id}`, { key })).body.segment;
        const { name, ...rest } = segmentBody(s, where, 'patch target');
        const patch = where === 'name' ? { name } : rest;
        const res = await api(base, 'PATCH', `/api/v1/segments/${id}`, { key, body: patch });
        expectAnswer(res, s, where);
        const after = (await api(base, 'GET', `/api/v1/segments/${id}`, { key })).body.segment;
        if (res.status === 200) expect(after).toMatchObject(patch);
        else expect(after).toEqual(before);
      }),
      RUNS,
    );
  });

  it('POST /segments/estimate counts with storable rules and refuses the rest with a path', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom<Place>('value', 'listItem', 'event', 'attributeKey'), async (s, where) => {
        const res = await api(base, 'POST', '/api/v1/segments/estimate', { key, body: { match: 'any', rules: rulesWith(s, where) } });
        expectAnswer(res, s, where);
        if (res.status === 200) expect(res.body.estimatedCount).toBe(0);
      }),
      RUNS,
    );
  });
});
