/**
 * `/customers/ltv-cohorts`: curves and predicted LTV against the plain reference model, before
 * and after the drain, with the windows' edges (the partial UTC days around now − 30 d and
 * now − 30 d − churnDays) populated on purpose.
 */
import type { Database } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb } from '../helpers/db';
import { referenceLtv } from './cohort-reference';
import { CohortWorld } from './cohort-world';
import { DAY } from './reference';

let database: Database;
beforeAll(async () => {
  database = await setupTestDb();
});
afterAll(async () => {
  await database?.close();
});

const HOUR = 3_600_000;
const SETTINGS = { activeDays: 30, churnDays: 60 };
const base = () => Date.now() - 60_000;

type Params = { groupBy: 'month' | 'campaign' | 'source'; months: number; start?: Date; end?: Date };

async function check(world: CohortWorld, params: Params) {
  const answer = await world.caller.customers.ltvCohorts({
    groupBy: params.groupBy,
    months: params.months,
    start: params.start?.toISOString(),
    end: params.end?.toISOString(),
  });
  expect(answer.currency).toBe('USD');
  expect(answer.cohorts).toEqual(referenceLtv(world.reference(), params, SETTINGS, new Date(answer.asOf)));
  return answer;
}

const ALL: Params[] = (['month', 'campaign', 'source'] as const).flatMap((groupBy) => [
  { groupBy, months: 4 },
  { groupBy, months: 13 },
]);

describe('LTV cohorts', () => {
  it('averages complete months only (null while none is complete) and predicts LTV = ARPA / churn', async () => {
    const w = await CohortWorld.create(database.db);
    const t = base();
    const touch = { source: 'pp', campaign: 'x' };
    // A: active now, active 30–90 days ago. B: lapsed in the last 30 days. C: new and active.
    await w.customer('A', new Date(t - 50 * DAY), [
      { at: new Date(t - 50 * DAY), revenue: 20, touch },
      { at: new Date(t - 5 * DAY), revenue: 30 },
    ]);
    await w.customer('B', new Date(t - 80 * DAY), [{ at: new Date(t - 80 * DAY), touch }]);
    await w.customer('C', new Date(t - 3 * DAY), [{ at: new Date(t - 3 * DAY), revenue: 10, touch }]);
    const answer = await check(w, { groupBy: 'source', months: 3 });
    // revenue30 = 40 over 2 active customers, churn = 1 lapsed / 2 not churned 30 days ago.
    expect(answer.cohorts).toEqual([
      // Month 0: A (20) and B (0) completed 30 days; month 1: only B (0) completed 60; month 2: nobody 90.
      { cohort: 'pp', size: 3, ltv: [10, 0, null], predictedLtv: 40 },
    ]);
    await w.drain();
    await check(w, { groupBy: 'source', months: 3 });
  });

  it('predictedLtv is null without customers active now, without lapsed ones, or without a base 30 days ago', async () => {
    const w = await CohortWorld.create(database.db);
    const t = base();
    await w.customer('dormant', new Date(t - 200 * DAY), [
      { at: new Date(t - 150 * DAY), revenue: 5, touch: { source: 'old', campaign: null } },
    ]);
    await w.customer('steady', new Date(t - 120 * DAY), [
      { at: new Date(t - 60 * DAY), revenue: 5, touch: { source: 'steady', campaign: null } },
      { at: new Date(t - DAY), revenue: 5 },
    ]);
    await w.customer('fresh', new Date(t - 2 * DAY), [{ at: new Date(t - DAY), revenue: 9, touch: { source: 'fresh', campaign: null } }]);
    const answer = await check(w, { groupBy: 'source', months: 2 });
    expect(answer.cohorts.map((c) => [c.cohort, c.predictedLtv])).toEqual([
      ['fresh', null],
      ['old', null],
      ['steady', null],
    ]);
  });

  it('agrees with the raw events around the windows’ edges and after randomized writes, before and after the drain', async () => {
    const w = await CohortWorld.create(database.db);
    const t = base();
    let seed = 5;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    // Events a few hours either side of now − 30 d and now − 90 d: on the partial days at the edges.
    const edges = [30, 90].flatMap((d) => [-11, -5, -1, 1, 5, 11].map((h) => t - d * DAY + h * HOUR));
    for (let i = 0; i < 40; i++) {
      const created = t - rand() * 400 * DAY;
      const events = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => {
        const at = rand() < 0.4 ? (edges[Math.floor(rand() * edges.length)] as number) : created + rand() * (t - created);
        return {
          at: new Date(Math.max(created, at)),
          revenue: rand() < 0.6 ? Math.round((rand() * 300 - 50) * 100) / 100 : undefined,
          touch:
            rand() < 0.5
              ? { source: ['ads', 'blog', 'Ads'][Math.floor(rand() * 3)] as string, campaign: rand() < 0.5 ? 'k' : null }
              : undefined,
        };
      });
      await w.customer(`c${i}`, new Date(created), events);
    }
    for (const p of ALL) await check(w, p);
    await w.drain();
    for (const p of ALL) await check(w, p);
    await w.deleteEvent('c3', 0);
    await w.moveCreatedAt('c4', new Date(t - 420 * DAY));
    await w.deleteCustomer('c5');
    for (const p of ALL) await check(w, p);
    await check(w, { groupBy: 'month', months: 6, start: new Date(t - 300 * DAY), end: new Date(t - 100 * DAY) });
    await w.drain();
    for (const p of ALL) await check(w, p);
  });
});
