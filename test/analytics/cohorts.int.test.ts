/**
 * `/customers/cohorts`: every cell against the plain reference model (cohort-reference.ts) on
 * small hand-made datasets, before the drain (the raw tail), after it (the rollups) and in
 * between, plus the definitions' sharp edges asserted with literal numbers.
 */
import type { Database } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb } from '../helpers/db';
import { type RefRetentionParams, referenceRetention } from './cohort-reference';
import { CohortWorld } from './cohort-world';
import { DAY } from './reference';

let database: Database;
beforeAll(async () => {
  database = await setupTestDb();
});
afterAll(async () => {
  await database?.close();
});

const base = () => Date.now() - 60_000;
const ago = (days: number, from = base()) => new Date(from - Math.round(days * DAY));

/** Asks the API, and the reference model as of the answer's own `asOf`. */
async function check(world: CohortWorld, params: RefRetentionParams) {
  const answer = await world.caller.customers.cohorts({
    groupBy: params.groupBy,
    periods: params.periods,
    criteria: params.criteria,
    metric: params.metric,
    start: params.start?.toISOString(),
    end: params.end?.toISOString(),
  });
  const expected = referenceRetention(world.reference(), params, new Date(answer.asOf));
  expect({ cohorts: answer.cohorts, summary: answer.summary }).toEqual(expected);
  return answer;
}

const ALL: RefRetentionParams[] = (['month', 'week', 'campaign', 'source'] as const).flatMap((groupBy) =>
  (['on', 'on_or_after'] as const).flatMap((criteria) =>
    (['customers', 'revenue'] as const).map((metric) => ({ groupBy, criteria, metric, periods: groupBy === 'week' ? 8 : 6 })),
  ),
);

describe('retention cells', () => {
  it('cut periods exactly at firstSeenAt + k·L, count a period only once it started, and agree before and after the drain', async () => {
    const w = await CohortWorld.create(database.db);
    const t0 = base();
    const fs = t0 - 75 * DAY;
    const at = (ms: number) => new Date(fs + ms);
    // Period 0 ends 1 ms before 30 d: the event at exactly 30 d is period 1 (and 7 d is week 1).
    await w.customer('edge', new Date(fs), [{ at: at(30 * DAY - 1), revenue: 10 }, { at: at(30 * DAY), revenue: 5 }, { at: at(7 * DAY) }]);
    // First seen 10 days ago: its period 1 has not started, so it is not eligible there.
    await w.customer('young', new Date(t0 - 10 * DAY), [{ at: new Date(t0 - 9 * DAY) }]);
    const before = await check(w, { groupBy: 'month', periods: 4, criteria: 'on', metric: 'customers' });
    const month = new Date(fs).toISOString().slice(0, 7);
    const edge = before.cohorts.find((c) => c.cohort === month);
    expect(edge?.retention.map((c) => ('active' in c ? c.active : null))).toEqual(
      month === new Date(t0 - 10 * DAY).toISOString().slice(0, 7) ? [2, 1, 0, 0] : [1, 1, 0, 0],
    );
    expect(before.summary.map((c) => c.eligible)).toEqual([2, 1, 1, 0]);
    expect(before.summary[3]?.rate).toBeNull();
    for (const params of ALL) await check(w, params);
    await w.drain();
    for (const params of ALL) await check(w, params);
  });

  it('groups weeks by the ISO Monday of firstSeenAt (Sunday 23:59 and Monday 00:00 are different weeks)', async () => {
    const w = await CohortWorld.create(database.db);
    const d = new Date(base() - 30 * DAY);
    const monday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY;
    await w.customer('sunday', new Date(monday - 60_000));
    await w.customer('monday', new Date(monday));
    await w.drain();
    const answer = await check(w, { groupBy: 'week', periods: 2, criteria: 'on', metric: 'customers' });
    expect(answer.cohorts.map((c) => c.cohort)).toEqual([
      new Date(monday - 7 * DAY).toISOString().slice(0, 10),
      new Date(monday).toISOString().slice(0, 10),
    ]);
  });

  it('on_or_after counts activity beyond the periods asked for; on does not', async () => {
    const w = await CohortWorld.create(database.db);
    const fs = base() - 200 * DAY;
    await w.customer('late-comer', new Date(fs), [{ at: new Date(fs + 150 * DAY) }]);
    for (const criteria of ['on', 'on_or_after'] as const) {
      const a = await check(w, { groupBy: 'month', periods: 3, criteria, metric: 'customers' });
      expect(a.summary.map((c) => ('active' in c ? c.active : null))).toEqual(criteria === 'on' ? [0, 0, 0] : [1, 1, 1]);
    }
  });

  it('revenue retention: refunds count negative, a cohort without first-period revenue has a null rate', async () => {
    const w = await CohortWorld.create(database.db);
    const fs = base() - 100 * DAY;
    await w.customer('payer', new Date(fs), [
      { at: new Date(fs + DAY), revenue: 100 },
      { at: new Date(fs + 31 * DAY), revenue: 40 },
      { at: new Date(fs + 32 * DAY), revenue: -15.5 },
    ]);
    // Another month: no revenue in period 0, some later → denominator 0, rate null.
    await w.customer('free', new Date(fs - 40 * DAY), [{ at: new Date(fs - 5 * DAY), revenue: 20 }]);
    const a = await check(w, { groupBy: 'month', periods: 3, criteria: 'on', metric: 'revenue' });
    const payer = a.cohorts.find((c) => c.cohort === new Date(fs).toISOString().slice(0, 7));
    expect(payer?.retention[1]).toEqual({ period: 1, eligible: 1, revenue: 24.5, rate: 0.245 });
    const free = a.cohorts.find((c) => c.cohort === new Date(fs - 40 * DAY).toISOString().slice(0, 7));
    expect(free?.retention[1]?.rate).toBeNull();
    await w.drain();
    await check(w, { groupBy: 'month', periods: 3, criteria: 'on', metric: 'revenue' });
  });

  it('orders campaign and source cohorts by size, then name, with (none) for no acquisition', async () => {
    const w = await CohortWorld.create(database.db);
    const t = ago(20);
    await w.customer('a1', t, [{ at: t, touch: { source: 'zeta', campaign: 'Spring' } }]);
    await w.customer('a2', t, [{ at: t, touch: { source: 'zeta', campaign: 'spring' } }]);
    await w.customer('b1', t, [{ at: t, touch: { source: 'Alpha', campaign: 'autumn' } }]);
    await w.customer('c1', t, [{ at: t, touch: { source: 'beta', campaign: null } }]);
    await w.customer('n1', t);
    // Code points, not UTF-16 units: U+FF5E sorts before U+1F680 (whose first unit, 0xD83D, is smaller).
    await w.customer('r1', t, [{ at: t, touch: { source: '\u{1F680}', campaign: null } }]);
    await w.customer('w1', t, [{ at: t, touch: { source: '\uFF5E', campaign: null } }]);
    await w.drain();
    const bySource = await check(w, { groupBy: 'source', periods: 1, criteria: 'on', metric: 'customers' });
    expect(bySource.cohorts.map((c) => [c.cohort, c.size])).toEqual([
      ['zeta', 2],
      ['(none)', 1],
      ['Alpha', 1],
      ['beta', 1],
      ['\uFF5E', 1],
      ['\u{1F680}', 1],
    ]);
    const byCampaign = await check(w, { groupBy: 'campaign', periods: 1, criteria: 'on', metric: 'customers' });
    expect(byCampaign.cohorts.map((c) => c.cohort)).toEqual(['(none)', 'autumn', 'Spring', 'spring']);
  });

  it('keeps deleted customers in their cohorts, drops deleted events, and follows an imported createdAt', async () => {
    const w = await CohortWorld.create(database.db);
    const fs = base() - 90 * DAY;
    await w.customer('gone', new Date(fs), [{ at: new Date(fs + 40 * DAY), revenue: 7 }]);
    await w.customer('kept', new Date(fs), [{ at: new Date(fs + 35 * DAY) }, { at: new Date(fs + 65 * DAY) }]);
    await w.customer('moved', new Date(fs + 20 * DAY), [{ at: new Date(fs + 21 * DAY) }]);
    await w.drain();
    await w.deleteCustomer('gone');
    await w.deleteEvent('kept', 1);
    // An import says "moved" signed up 200 days earlier: every period (and its cohort) moves.
    await w.moveCreatedAt('moved', new Date(fs - 200 * DAY));
    for (const params of ALL) await check(w, params);
    await w.drain();
    const answer = await check(w, { groupBy: 'month', periods: 3, criteria: 'on', metric: 'customers' });
    expect(answer.cohorts.reduce((s, c) => s + c.size, 0)).toBe(3);
    for (const params of ALL) await check(w, params);
  });

  it('filters on the acquisition window [start, end)', async () => {
    const w = await CohortWorld.create(database.db);
    const fs = base() - 50 * DAY;
    await w.customer('in', new Date(fs), [{ at: new Date(fs + DAY) }]);
    await w.customer('at-end', new Date(fs + 10 * DAY));
    const params = {
      groupBy: 'source',
      periods: 2,
      criteria: 'on',
      metric: 'customers',
      start: new Date(fs),
      end: new Date(fs + 10 * DAY),
    } as const;
    expect((await check(w, params)).cohorts).toEqual([expect.objectContaining({ cohort: '(none)', size: 1 })]);
    await w.drain();
    await check(w, params);
  });
});

describe('rollups agree with the raw events', () => {
  it('after randomized writes, deletes, late events and moved createdAt — before, after and between drains', async () => {
    const w = await CohortWorld.create(database.db);
    let seed = 17;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const t0 = base();
    const sources = ['google', 'newsletter', 'Google', 'hn'];
    const randomEvent = (created: number) => ({
      at: new Date(Math.min(t0, created + rand() * 260 * DAY)),
      revenue: rand() < 0.3 ? Math.round((rand() * 200 - 40) * 100) / 100 : undefined,
      touch:
        rand() < 0.2 ? { source: sources[Math.floor(rand() * sources.length)] as string, campaign: rand() < 0.5 ? 'c1' : null } : undefined,
    });
    const names: string[] = [];
    const round = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const r = rand();
        const live = names.filter((n) => !w.deleted.has(n));
        const existing = live[Math.floor(rand() * live.length)];
        if (r < 0.35 || !existing) {
          const name = `r${names.length}`;
          const created = t0 - rand() * 300 * DAY;
          await w.customer(
            name,
            new Date(created),
            Array.from({ length: Math.floor(rand() * 5) }, () => randomEvent(created)),
          );
          names.push(name);
        } else if (r < 0.6) {
          // A late event: its timestamp may be before everything the customer had (moving firstSeenAt).
          await w.event(existing, randomEvent(t0 - 320 * DAY));
        } else if (r < 0.75) {
          const events = w.customers.get(existing)?.events ?? [];
          if (events.length) await w.deleteEvent(existing, Math.floor(rand() * events.length));
        } else if (r < 0.85) {
          await w.moveCreatedAt(existing, new Date(t0 - rand() * 330 * DAY));
        } else if (r < 0.9) {
          await w.deleteCustomer(existing);
        }
      }
    };
    const checkAll = async () => {
      for (const params of ALL) await check(w, params);
    };
    await round(60);
    await checkAll();
    await w.drain();
    await checkAll();
    await round(30);
    await checkAll();
    await w.drain();
    await checkAll();
  });
});
