/**
 * `/reports` against the plain reference model (report-reference.ts), before the background drain
 * (rows computed from the raw events of marked customers) and after it (stored rollups), plus the
 * sharp edges with literal numbers: events at the window's bounds, partial days and weeks at its
 * edges, the previous window, churn moments (no events, a comeback, a gap of exactly churnDays).
 */
import type { Database } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb } from '../helpers/db';
import { CohortWorld } from './cohort-world';
import { DAY } from './reference';
import { type RefReportParams, referenceReport } from './report-reference';

let database: Database;
beforeAll(async () => {
  database = await setupTestDb();
});
afterAll(async () => {
  await database?.close();
});

const HOUR = 3_600_000;
const base = () => Date.now() - 120_000;
const midnight = (ms: number) => Math.floor(ms / DAY) * DAY;

/** Asks the API, and the reference model as of the answer's own `asOf`. */
async function check(world: CohortWorld, p: RefReportParams) {
  const answer = await world.caller.analytics.report({
    range: p.range,
    start: p.start?.toISOString(),
    end: p.end?.toISOString(),
    interval: p.interval,
    metrics: p.metrics?.join(','),
  });
  const { asOf, currency, ...rest } = answer;
  expect(currency).toBe('USD');
  expect(rest).toEqual(referenceReport(world.reference(), p, new Date(asOf)));
  return answer;
}

const PARAMS = (start: Date, end: Date): RefReportParams[] => [
  { start, end, interval: 'day' },
  { start, end, interval: 'week' },
  { range: '7d', interval: 'day' },
  { range: '30d', interval: 'day' },
  { range: '30d', interval: 'week' },
  { range: '90d', interval: 'week' },
];

describe('reports', () => {
  it('count each bucket over its intersection with the window, at partial days and weeks, before and after the drain', async () => {
    const w = await CohortWorld.create(database.db);
    const d0 = midnight(base()) - 20 * DAY;
    // [d0 + 6 h, d0 + 9 d + 18 h): partial first and last days; its previous window is just before.
    const start = new Date(d0 + 6 * HOUR);
    const end = new Date(d0 + 9 * DAY + 18 * HOUR);
    await w.customer('edges', new Date(d0 - 30 * DAY), [
      { at: start, revenue: 10 },
      { at: new Date(start.getTime() - 1), revenue: 1 },
      { at: new Date(d0 + 2 * HOUR) },
      { at: end, revenue: 100 },
      { at: new Date(end.getTime() - 1), revenue: 0.5 },
      { at: new Date(d0 + 4 * DAY), revenue: -2.25 },
    ]);
    await w.customer('busy', new Date(d0 - 2 * DAY), [
      { at: new Date(d0 - DAY) },
      { at: new Date(d0 + 3 * DAY + 5 * HOUR), revenue: 20 },
      { at: new Date(d0 + 3 * DAY + 6 * HOUR) },
      { at: new Date(d0 + 9 * DAY + 19 * HOUR) },
    ]);
    // Cut days wholly on one side of the cut: counted from the rollup's day figures, not read.
    await w.customer('one-side', new Date(d0 - 5 * DAY), [
      { at: new Date(d0 + 20 * HOUR), revenue: 3 },
      { at: new Date(d0 + 22 * HOUR) },
      { at: new Date(d0 + 9 * DAY + 3 * HOUR), revenue: 4 },
      { at: new Date(d0 + 9 * DAY + 23 * HOUR) },
    ]);
    await w.customer('signup', new Date(d0 + 5 * DAY));
    await w.customer('recent', new Date(base() - 3 * DAY), [
      { at: new Date(base() - 2 * DAY), revenue: 5 },
      { at: new Date(base() - HOUR) },
    ]);
    const before = await check(w, { start, end, interval: 'day' });
    expect(before.series).toHaveLength(10);
    expect(before.series[0]).toEqual({
      date: new Date(d0).toISOString().slice(0, 10),
      events: 3,
      activeCustomers: 2,
      newCustomers: 0,
      churnedCustomers: 0,
      revenue: 13,
    });
    expect(before.totals).toMatchObject({ events: 8, activeCustomers: 3, newCustomers: 1, revenue: 35.25 });
    expect(before.previous).toMatchObject({ events: 3, activeCustomers: 2, newCustomers: 2, revenue: 1 });
    for (const p of PARAMS(start, end)) await check(w, p);
    await w.drain();
    for (const p of PARAMS(start, end)) await check(w, p);
  });

  it('buckets weeks from their Monday, cut at the window', async () => {
    const w = await CohortWorld.create(database.db);
    const today = midnight(base());
    const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY - 21 * DAY;
    // Wednesday 12:00 to the Tuesday two weeks later: three week buckets, the first and last cut.
    const start = new Date(monday + 2 * DAY + 12 * HOUR);
    const end = new Date(monday + 15 * DAY);
    await w.customer('weekly', new Date(monday - 10 * DAY), [
      { at: new Date(monday + DAY) },
      { at: new Date(monday + 2 * DAY + 13 * HOUR) },
      { at: new Date(monday + 6 * DAY + 23 * HOUR) },
      { at: new Date(monday + 7 * DAY) },
      { at: new Date(monday + 14 * DAY + HOUR) },
      { at: new Date(monday + 15 * DAY) },
    ]);
    await w.drain();
    const answer = await check(w, { start, end, interval: 'week' });
    expect(answer.series.map((s) => [s.date, s.events])).toEqual([
      [new Date(monday).toISOString().slice(0, 10), 2],
      [new Date(monday + 7 * DAY).toISOString().slice(0, 10), 1],
      [new Date(monday + 14 * DAY).toISOString().slice(0, 10), 1],
    ]);
    expect(answer.series.map((s) => s.activeCustomers)).toEqual([1, 1, 1]);
    expect(answer.totals.activeCustomers).toBe(1);
  });

  it('counts churn moments: no events, a comeback that does not erase the churn, a gap of exactly churnDays', async () => {
    const w = await CohortWorld.create(database.db);
    const t = base();
    await w.customer('never', new Date(t - 70 * DAY));
    await w.customer('comeback', new Date(t - 200 * DAY), [{ at: new Date(t - 100 * DAY) }, { at: new Date(t - 20 * DAY) }]);
    await w.customer('lapsed', new Date(t - 90 * DAY), [{ at: new Date(t - 61 * DAY) }]);
    await w.customer('exact', new Date(t - 200 * DAY), [
      { at: new Date(t - 150 * DAY) },
      { at: new Date(t - 90 * DAY) },
      { at: new Date(t - 5 * DAY) },
    ]);
    await w.customer('beyond', new Date(t - 200 * DAY), [
      { at: new Date(t - 150 * DAY - 1) },
      { at: new Date(t - 90 * DAY) },
      { at: new Date(t - 2 * DAY) },
    ]);
    await w.customer('active', new Date(t - 200 * DAY), [
      { at: new Date(t - 100 * DAY) },
      { at: new Date(t - 50 * DAY) },
      { at: new Date(t - DAY) },
    ]);
    const window = { start: new Date(t - 100 * DAY), end: new Date(t + HOUR) };
    const answer = await check(w, { ...window, interval: 'day', metrics: ['churnedCustomers'] });
    // never (t − 10 d), comeback (t − 40 d), lapsed (t − 1 d), exact (t − 30 d: 150 → 90 is a gap of 60 d,
    // and 90 → 5 one of 85 d), beyond (t − 90 d − 1 ms and t − 30 d).
    expect(answer.totals).toEqual({ churnedCustomers: 5 });
    expect(Object.keys(answer.series[0] ?? {})).toEqual(['date', 'churnedCustomers']);
    for (const p of PARAMS(window.start, window.end)) await check(w, p);
    await w.drain();
    for (const p of PARAMS(window.start, window.end)) await check(w, p);
  });

  it('keeps deleted customers and their events, drops deleted events, follows an imported createdAt', async () => {
    const w = await CohortWorld.create(database.db);
    const t = base();
    await w.customer('gone', new Date(t - 20 * DAY), [{ at: new Date(t - 10 * DAY), revenue: 30 }]);
    await w.customer('kept', new Date(t - 20 * DAY), [
      { at: new Date(t - 9 * DAY), revenue: 5 },
      { at: new Date(t - 8 * DAY), revenue: 7 },
    ]);
    await w.customer('moved', new Date(t - 5 * DAY));
    await w.drain();
    await w.deleteCustomer('gone');
    await w.deleteEvent('kept', 1);
    await w.moveCreatedAt('moved', new Date(t - 45 * DAY));
    const answer = await check(w, { range: '30d', interval: 'day' });
    expect(answer.totals).toMatchObject({ events: 2, activeCustomers: 2, newCustomers: 2, revenue: 35 });
    await w.drain();
    await check(w, { range: '30d', interval: 'week' });
    await check(w, { range: '90d', interval: 'day' });
  });

  it('refuses a range with start/end, half a window, unknown metrics and an empty window', async () => {
    const w = await CohortWorld.create(database.db);
    const bad = [
      { range: '7d' as const, start: '2026-01-01', end: '2026-02-01' },
      { start: '2026-01-01' },
      { end: '2026-01-01' },
      { metrics: 'events,visits' },
      { metrics: ',' },
      { start: '2026-02-01', end: '2026-01-01' },
      { start: '2000-01-01', end: '2026-01-01' },
    ];
    for (const input of bad)
      await expect(w.caller.analytics.report(input), JSON.stringify(input)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
