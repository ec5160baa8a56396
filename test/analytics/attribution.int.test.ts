/**
 * `/customers/{id}/attribution` and `/attribution` against the plain reference model
 * (attribution-reference.ts) on small hand-made datasets, plus the definitions' sharp edges with
 * literal numbers: weights for 1, 2, 3 and 5 touchpoints, fractional-day time decay, lookback
 * bounds, a conversion that is a touchpoint, refunds, late touchpoints, referrer hosts, `(click)`,
 * `(direct)`, windows and half-away-from-zero ties.
 */
import type { Database } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb } from '../helpers/db';
import { MODELS, type Model, refAttributionRows, refCustomerAttribution } from './attribution-reference';
import { AttributionWorld } from './attribution-world';
import { DAY } from './reference';

let database: Database;
beforeAll(async () => {
  database = await setupTestDb();
});
afterAll(async () => {
  await database?.close();
});

const base = () => Date.now() - 120_000;
const HOUR = 3_600_000;

async function customerAnswer(w: AttributionWorld, ext: string, model: Model, lookbackDays = 30) {
  const { asOf, ...answer } = await w.caller.customers.attribution({ id: `ext_${ext}`, model, lookbackDays });
  expect(Date.parse(asOf)).toBeGreaterThan(0);
  return answer;
}

async function expectCustomer(w: AttributionWorld, ext: string, model: Model, lookbackDays = 30) {
  const answer = await customerAnswer(w, ext, model, lookbackDays);
  expect(answer).toEqual(refCustomerAttribution(w.ids.get(ext) as string, w.eventsOf(ext), model, lookbackDays));
  return answer;
}

const weights = (answer: Awaited<ReturnType<typeof customerAnswer>>, i = 0) => answer.conversions[i]?.credits.map((c) => c.weight);

describe('customer attribution', () => {
  it('weights every model for 1, 2, 3 and 5 touchpoints, with fractional days for time decay', async () => {
    const w = await AttributionWorld.create(database.db);
    const t = base() - 2 * DAY;
    const offsets = [13.3, 8.125, 3.75, 1.5, 0.25];
    const sources = ['google', 'newsletter', 'facebook', 'linkedin', 'bing'];
    for (const n of [1, 2, 3, 5]) {
      const ext = `n${n}`;
      await w.customer(ext, new Date(t - 40 * DAY));
      for (const [i, days] of offsets.slice(5 - n).entries())
        await w.event(ext, { at: new Date(t - days * DAY), context: { campaign: { source: sources[i], medium: 'cpc', name: `c${i}` } } });
      await w.event(ext, { at: new Date(t), revenue: 100 });
      for (const model of MODELS) await expectCustomer(w, ext, model);
    }
    expect(weights(await customerAnswer(w, 'n1', 'position_based'))).toEqual([1]);
    expect(weights(await customerAnswer(w, 'n2', 'position_based'))).toEqual([0.5, 0.5]);
    expect(weights(await customerAnswer(w, 'n3', 'linear'))).toEqual([0.333333, 0.333333, 0.333333]);
    expect(weights(await customerAnswer(w, 'n3', 'first_touch'))).toEqual([1, 0, 0]);
    expect(weights(await customerAnswer(w, 'n3', 'last_touch'))).toEqual([0, 0, 1]);
    expect(weights(await customerAnswer(w, 'n5', 'position_based'))).toEqual([0.4, 0.066667, 0.066667, 0.066667, 0.4]);
    const linear5 = await customerAnswer(w, 'n5', 'linear');
    expect(linear5.conversions[0]?.credits.map((c) => c.revenue)).toEqual([20, 20, 20, 20, 20]);
  });

  it('time decay halves the weight per 7 fractional days', async () => {
    const w = await AttributionWorld.create(database.db);
    const t = base() - DAY;
    await w.customer('decay', new Date(t - 30 * DAY));
    // 7.5 and 0.5 days before: exactly one half-life apart → weights 1/3 and 2/3.
    await w.event('decay', { at: new Date(t - 7.5 * DAY), context: { referrer: 'https://old.example.com/' } });
    await w.event('decay', { at: new Date(t - 0.5 * DAY), context: { referrer: 'https://new.example.com/' } });
    await w.event('decay', { at: new Date(t), revenue: 30 });
    const answer = await expectCustomer(w, 'decay', 'time_decay');
    expect(answer.conversions[0]?.credits.map((c) => [c.source, c.weight, c.revenue])).toEqual([
      ['old.example.com', 0.333333, 10],
      ['new.example.com', 0.666667, 20],
    ]);
  });

  it('counts touchpoints in [t − lookbackDays, t]: the bound itself is in, a millisecond earlier or any later is out', async () => {
    const w = await AttributionWorld.create(database.db);
    const t = base() - 2 * DAY;
    await w.customer('bounds', new Date(t - 30 * DAY));
    await w.event('bounds', { at: new Date(t - 7 * DAY - 1), context: { campaign: { source: 'too-early' } } });
    const edge = await w.event('bounds', { at: new Date(t - 7 * DAY), context: { campaign: { source: 'edge' } } });
    await w.event('bounds', { at: new Date(t), revenue: 10 });
    await w.event('bounds', { at: new Date(t + HOUR), context: { campaign: { source: 'after' } } });
    const answer = await expectCustomer(w, 'bounds', 'linear', 7);
    expect(answer.conversions[0]?.credits.map((c) => c.touchpointEventId)).toEqual([edge]);
    expect(answer.touchpoints.map((p) => p.source)).toEqual(['too-early', 'edge', 'after']);
    const wider = await expectCustomer(w, 'bounds', 'linear', 8);
    expect(wider.conversions[0]?.credits.map((c) => c.source)).toEqual(['too-early', 'edge']);
  });

  it('a conversion that is a touchpoint credits itself; a refund is no conversion; no touchpoint is (direct)', async () => {
    const w = await AttributionWorld.create(database.db);
    const t = base() - 3 * DAY;
    await w.customer('self', new Date(t - 20 * DAY));
    await w.event('self', { at: new Date(t - DAY), context: { campaign: { source: 'google', medium: 'cpc', name: 'brand' } } });
    const conv = await w.event('self', { at: new Date(t), revenue: 50, context: { campaign: { source: 'newsletter', medium: 'email' } } });
    await w.event('self', { at: new Date(t + HOUR), revenue: -50, context: { campaign: { source: 'refunds' } } });
    const last = await expectCustomer(w, 'self', 'last_touch');
    expect(last.conversions).toHaveLength(1);
    expect(last.conversions[0]?.credits.map((c) => [c.touchpointEventId, c.weight])).toEqual([
      [last.touchpoints[0]?.eventId, 0],
      [conv, 1],
    ]);
    expect(last.lastTouch?.source).toBe('refunds');
    await expectCustomer(w, 'self', 'linear');

    await w.customer('direct', new Date(t - 20 * DAY));
    await w.event('direct', { at: new Date(t - 10 * DAY), context: { campaign: { source: 'google' } } });
    await w.event('direct', { at: new Date(t), revenue: 12.5 });
    const direct = await expectCustomer(w, 'direct', 'position_based', 7);
    expect(direct.conversions[0]?.credits).toEqual([
      { touchpointEventId: null, source: '(direct)', medium: null, campaign: null, weight: 1, revenue: 12.5 },
    ]);
  });

  it('a touchpoint that arrives late with an earlier time becomes the first touch', async () => {
    const w = await AttributionWorld.create(database.db);
    const t = base() - DAY;
    await w.customer('late', new Date(t - 20 * DAY));
    await w.event('late', { at: new Date(t - 2 * DAY), context: { campaign: { source: 'second' } } });
    await w.event('late', { at: new Date(t), revenue: 40 });
    expect((await expectCustomer(w, 'late', 'first_touch')).firstTouch?.source).toBe('second');
    await w.event('late', { at: new Date(t - 5 * DAY), context: { campaign: { source: 'first' } } });
    const after = await expectCustomer(w, 'late', 'first_touch');
    expect(after.firstTouch?.source).toBe('first');
    expect(after.conversions[0]?.credits.map((c) => [c.source, c.weight])).toEqual([
      ['first', 1],
      ['second', 0],
    ]);
    const customer = await w.caller.customers.get({ id: 'ext_late' });
    expect(customer.customer.acquisition.source).toBe('first');
  });

  it('takes the source from campaign, else the referrer host (lower-cased, no www.), else (click)', async () => {
    const w = await AttributionWorld.create(database.db);
    const t = base() - DAY;
    await w.customer('hosts', new Date(t - 20 * DAY));
    const contexts = [
      { referrer: 'https://WWW.News.Example.COM/item?id=1', url: 'https://app.example.com/a' },
      { referrer: 'http://blog.example.org:8080/post' },
      { referrer: 'Search.Engine.COM/q?x=1' },
      { clickId: 'gclid-123' },
      { campaign: { term: 'shoes' }, referrer: 'https://www.shop.example/' },
      { campaign: { medium: 'email' } },
      { campaign: { source: 'Google', name: 'Spring' }, clickId: 'gclid-9', referrer: 'https://ignored.example/' },
    ];
    for (const [i, context] of contexts.entries()) await w.event('hosts', { at: new Date(t - (10 - i) * HOUR), context });
    await w.event('hosts', { at: new Date(t - 20 * HOUR), context: { url: 'https://app.example.com/not-a-touchpoint' } });
    await w.event('hosts', { at: new Date(t), revenue: 70 });
    const answer = await expectCustomer(w, 'hosts', 'linear');
    expect(answer.touchpoints.map((p) => [p.source, p.medium, p.campaign])).toEqual([
      ['news.example.com', 'referral', null],
      ['blog.example.org', 'referral', null],
      ['search.engine.com', 'referral', null],
      ['(click)', null, null],
      ['shop.example', 'referral', null],
      [null, 'email', null],
      ['Google', 'referral', 'Spring'],
    ]);
    expect(answer.touchpoints[0]).toMatchObject({ referrer: contexts[0]?.referrer, url: 'https://app.example.com/a', clickId: null });
    expect(answer.conversions[0]?.credits.map((c) => c.revenue)).toEqual([10, 10, 10, 10, 10, 10, 10]);
  });

  it('answers 404 for unknown and deleted customers', async () => {
    const w = await AttributionWorld.create(database.db);
    await w.customer('gone', new Date(base() - DAY));
    await w.caller.customers.delete({ id: 'ext_gone' });
    for (const id of ['ext_gone', 'ext_nobody', 'cus_00000000000000000000000000', 'nonsense'])
      await expect(w.caller.customers.attribution({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('/attribution', () => {
  /** Three customers, several channels, refunds, a direct conversion and a deleted customer. */
  async function market(w: AttributionWorld, t: number) {
    await w.customer('a', new Date(t - 60 * DAY));
    await w.event('a', { at: new Date(t - 20 * DAY), context: { campaign: { source: 'google', medium: 'cpc', name: 'brand' } } });
    await w.event('a', { at: new Date(t - 6.5 * DAY), context: { campaign: { source: 'newsletter', medium: 'email', name: 'winter' } } });
    await w.event('a', { at: new Date(t - 6 * DAY), revenue: 120 });
    await w.event('a', { at: new Date(t - 2.25 * DAY), context: { referrer: 'https://www.Partner.example/review' } });
    await w.event('a', { at: new Date(t - 2 * DAY), revenue: 35.55 });
    await w.event('a', { at: new Date(t - 1.5 * DAY), revenue: -35.55 });
    await w.customer('b', new Date(t - 40 * DAY));
    await w.event('b', { at: new Date(t - 10 * DAY), context: { clickId: 'fbclid-1' } });
    await w.event('b', { at: new Date(t - 9 * DAY), context: { campaign: { source: 'google', medium: 'cpc', name: 'generic' } } });
    await w.event('b', {
      at: new Date(t - 3 * DAY),
      revenue: 80,
      context: { campaign: { source: 'google', medium: 'cpc', name: 'brand' } },
    });
    await w.customer('c', new Date(t - 40 * DAY));
    await w.event('c', { at: new Date(t - 4 * DAY), revenue: 19.99 });
    await w.customer('d', new Date(t - 40 * DAY));
    await w.event('d', { at: new Date(t - 8 * DAY), context: { campaign: { medium: 'social' } } });
    await w.event('d', { at: new Date(t - 7 * DAY), revenue: 44 });
    await w.caller.customers.delete({ id: 'ext_d' });
  }

  it('sums credits by source, campaign and medium for every model, with (none) and (direct), by revenue then key', async () => {
    const w = await AttributionWorld.create(database.db);
    const t = base() - DAY;
    await market(w, t);
    const start = new Date(t - 30 * DAY);
    const end = new Date(t);
    for (const model of MODELS)
      for (const groupBy of ['source', 'campaign', 'medium'] as const)
        for (const lookbackDays of [7, 30]) {
          const answer = await w.caller.analytics.attribution({
            model,
            groupBy,
            lookbackDays,
            start: start.toISOString(),
            end: end.toISOString(),
          });
          const expected = refAttributionRows(w.events, model, lookbackDays, groupBy, (at) => at >= start.getTime() && at < end.getTime());
          expect(answer.rows, `${model} ${groupBy} ${lookbackDays}`).toEqual(expected);
          expect(answer).toMatchObject({
            model,
            groupBy,
            lookbackDays,
            start: start.toISOString(),
            end: end.toISOString(),
            currency: 'USD',
          });
        }
    const bySource = await w.caller.analytics.attribution({
      model: 'linear',
      groupBy: 'source',
      start: start.toISOString(),
      end: end.toISOString(),
    });
    expect(bySource.rows.map((r) => [r.key, r.revenue])).toEqual([
      ['google', 125.18],
      ['newsletter', 71.85],
      ['(none)', 44],
      ['(click)', 26.67],
      ['(direct)', 19.99],
      ['partner.example', 11.85],
    ]);
    const byMedium = await w.caller.analytics.attribution({
      model: 'last_touch',
      groupBy: 'medium',
      start: start.toISOString(),
      end: end.toISOString(),
    });
    expect(byMedium.rows).toContainEqual({ key: '(direct)', conversions: 1, revenue: 19.99 });
    expect(byMedium.rows).toContainEqual({ key: 'social', conversions: 1, revenue: 44 });
  });

  it('takes conversions in [start, end), and by default those of the last 30 days', async () => {
    const w = await AttributionWorld.create(database.db);
    const t = base() - DAY;
    await w.customer('win', new Date(t - 90 * DAY));
    await w.event('win', { at: new Date(t - 10 * DAY), revenue: 1 });
    await w.event('win', { at: new Date(t - 5 * DAY), revenue: 2 });
    await w.event('win', { at: new Date(t - 31 * DAY), revenue: 4 });
    await w.event('win', { at: new Date(t - 28 * DAY), revenue: 8 });
    const window = { start: new Date(t - 10 * DAY).toISOString(), end: new Date(t - 5 * DAY).toISOString() };
    expect((await w.caller.analytics.attribution(window)).rows).toEqual([{ key: '(direct)', conversions: 1, revenue: 1 }]);
    const recent = await w.caller.analytics.attribution({});
    expect(recent.rows).toEqual([{ key: '(direct)', conversions: 3, revenue: 11 }]);
    expect(Date.parse(recent.end) - Date.parse(recent.start)).toBe(30 * DAY);
  });

  it('rounds credited revenue and fractional conversions half away from zero, after summing unrounded credits', async () => {
    const w = await AttributionWorld.create(database.db);
    const t = base() - DAY;
    await w.customer('tie', new Date(t - 10 * DAY));
    await w.event('tie', { at: new Date(t - 2 * DAY), context: { campaign: { source: 'alpha' } } });
    await w.event('tie', { at: new Date(t - DAY), context: { campaign: { source: 'beta' } } });
    // 0.05 / 2 = 0.025 each: half away from zero gives 0.03 (half-even would give 0.02).
    await w.event('tie', { at: new Date(t), revenue: 0.05 });
    await w.customer('thirds', new Date(t - 10 * DAY));
    for (const d of [3, 2, 1]) await w.event('thirds', { at: new Date(t - d * HOUR), context: { campaign: { source: 'gamma' } } });
    await w.event('thirds', { at: new Date(t), revenue: 0.01 });
    await w.event('thirds', { at: new Date(t + HOUR), revenue: 0.02 });
    const answer = await w.caller.analytics.attribution({
      model: 'linear',
      start: new Date(t - DAY).toISOString(),
      end: new Date(t + DAY).toISOString(),
    });
    expect(answer.rows).toEqual([
      { key: 'alpha', conversions: 0.5, revenue: 0.03 },
      { key: 'beta', conversions: 0.5, revenue: 0.03 },
      { key: 'gamma', conversions: 2, revenue: 0.03 },
    ]);
    const tie = await w.caller.customers.attribution({ id: 'ext_tie', model: 'linear' });
    expect(tie.conversions[0]?.credits.map((c) => c.revenue)).toEqual([0.03, 0.03]);
  });
});
