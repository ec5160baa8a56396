/**
 * `/reports/health-calibration` against the plain scores model (reference.ts) evaluated point in
 * time: each live customer's health as of asOf from its events up to then, the exclusions (first
 * seen after asOf, already churned at asOf) and the churn since then (the stage stored now).
 */
import type { Database } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb } from '../helpers/db';
import { CohortWorld } from './cohort-world';
import { DAY, DEFAULTS, referenceScores, roundHalfAway } from './reference';

let database: Database;
beforeAll(async () => {
  database = await setupTestDb();
});
afterAll(async () => {
  await database?.close();
});

const BANDS = ['low', 'medium', 'high', 'none'] as const;

type Stages = Map<string, string>;

/** Each customer's stage as the reference computes it at `at` (what a drain at that time stores). */
function stagesAt(world: CohortWorld, at: Date): Stages {
  return new Map(
    [...world.customers.values()].map((c) => {
      const events = c.events.map((e) => ({ at: e.at, revenue: e.revenue }));
      const firstSeenAt = new Date(Math.min(c.createdAt.getTime(), ...events.map((e) => e.at.getTime())));
      return [c.externalId, referenceScores(events, firstSeenAt, DEFAULTS, at).lifecycleStage];
    }),
  );
}

/** The bands as the reference model sees them: point in time at asOf, with the stored stages now. */
function referenceBands(world: CohortWorld, asOf: Date, stored: Stages) {
  const counts = new Map(BANDS.map((b) => [b, { customers: 0, churnedSince: 0 }]));
  const live = [...world.customers.values()].filter((c) => !world.deleted.has(c.externalId));
  for (const c of live) {
    const events = c.events.map((e) => ({ at: e.at, revenue: e.revenue }));
    const firstSeenAt = new Date(Math.min(c.createdAt.getTime(), ...events.map((e) => e.at.getTime())));
    if (firstSeenAt > asOf) continue;
    const then = referenceScores(events, firstSeenAt, DEFAULTS, asOf);
    if (then.lifecycleStage === 'churned') continue;
    const band = counts.get(then.riskLevel ?? 'none') as { customers: number; churnedSince: number };
    band.customers++;
    if (stored.get(c.externalId) === 'churned') band.churnedSince++;
  }
  return BANDS.map((band) => {
    const { customers, churnedSince } = counts.get(band) as { customers: number; churnedSince: number };
    return { band, customers, churnedSince, churnRate: customers ? roundHalfAway(churnedSince / customers, 4) : null };
  });
}

async function check(world: CohortWorld, days: number, stored: Stages) {
  const answer = await world.caller.analytics.healthCalibration({ days });
  expect(answer.days).toBe(days);
  expect(Date.parse(answer.computedAt) - Date.parse(answer.asOf)).toBe(days * DAY);
  expect(answer.bands).toEqual(referenceBands(world, new Date(answer.asOf), stored));
  return answer;
}

describe('health calibration', () => {
  it('recomputes health as of now − days from the events before then, leaves out the later and the already churned', async () => {
    const w = await CohortWorld.create(database.db);
    const t = Date.now() - 60_000;
    const ago = (days: number) => new Date(t - days * DAY);
    const weekly = (from: number, to: number, revenue?: number) =>
      Array.from({ length: Math.floor((from - to) / 7) + 1 }, (_, i) => ({ at: ago(from - i * 7), revenue }));
    // Active before and after asOf (30 days ago): low risk then, not churned now.
    await w.customer('steady', ago(200), weekly(120, 1, 40));
    // Active until 45 days before asOf, silent since: at risk then, churned now.
    await w.customer('fading', ago(200), weekly(150, 75));
    // Many events shortly before asOf, none after: a good band then, churned now? No: 35 days is not churnDays.
    await w.customer(
      'burst',
      ago(100),
      Array.from({ length: 25 }, (_, i) => ({ at: ago(36 + i * 0.2), revenue: i === 0 ? 99.5 : undefined })),
    );
    // First seen after asOf: left out.
    await w.customer('newcomer', ago(10), [{ at: ago(5) }]);
    // Last event 80 days before asOf: churned at asOf, left out (even though it came back since).
    await w.customer('gone-then', ago(300), [{ at: ago(110) }, { at: ago(3) }]);
    // Signed up before asOf, first event after it: no health then (band none).
    await w.customer('late-start', ago(40), [{ at: ago(20) }, { at: ago(2) }]);
    await w.customer('silent', ago(45));
    // Medium at asOf 30 days ago (health 53 and 57), active since: with the default settings a
    // customer medium then cannot be churned now (no event in 60 days leaves R ≤ 50, no engagement
    // and M ≤ 50 at asOf: health ≤ 33), so medium's churn at 30 days is a real 0 of 2.
    await w.customer('lukewarm', ago(200), weekly(120, 45));
    await w.customer('lapsing', ago(250), [...weekly(200, 95), { at: ago(40) }]);
    // Medium at asOf 90 days ago (health 64, 69), silent since: churned now; already churned at 30.
    await w.customer('cooling', ago(250), weekly(200, 100));
    await w.customer('at-sixty-nine', ago(250), [{ at: ago(101) }, { at: ago(91) }]);
    // Health 70 at asOf 90 days ago: on lowRiskMin, so low (then churned).
    await w.customer('at-seventy', ago(250), [{ at: ago(104) }, { at: ago(99) }, { at: ago(94) }]);
    // Deleted: left out.
    await w.customer('deleted', ago(100), weekly(90, 10));
    await w.deleteCustomer('deleted');
    await w.drain();
    const stored = stagesAt(w, new Date());
    expect([stored.get('steady'), stored.get('fading'), stored.get('burst')]).toEqual(['active', 'churned', 'at_risk']);
    const answer = await check(w, 30, stored);
    // steady (health 71 then) and burst (95) low, lukewarm (53) and lapsing (57) medium, fading (16)
    // high and churned since, late-start and silent none; gone-then, cooling and the two at the
    // bound were churned at asOf.
    expect(answer.bands).toEqual([
      { band: 'low', customers: 2, churnedSince: 0, churnRate: 0 },
      { band: 'medium', customers: 2, churnedSince: 0, churnRate: 0 },
      { band: 'high', customers: 1, churnedSince: 1, churnRate: 1 },
      { band: 'none', customers: 2, churnedSince: 0, churnRate: 0 },
    ]);
    // 90 days ago: steady (80), fading (73, churned since), lukewarm (74), lapsing (72) and
    // at-seventy (70, churned since) low; cooling (64) and at-sixty-nine (69), both churned since,
    // and gone-then (49, back since) medium; burst (first event later) none; late-start and silent
    // signed up later.
    expect((await check(w, 90, stored)).bands).toEqual([
      { band: 'low', customers: 5, churnedSince: 2, churnRate: 0.4 },
      { band: 'medium', customers: 3, churnedSince: 2, churnRate: 0.6667 },
      { band: 'high', customers: 0, churnedSince: 0, churnRate: null },
      { band: 'none', customers: 1, churnedSince: 0, churnRate: 0 },
    ]);
    for (const days of [7, 45, 180]) await check(w, days, stored);

    // History sent late (an event before asOf, ingested now) counts at once, before the drain rebuilds its rollup.
    await w.event('fading', { at: ago(33), revenue: 500 });
    await check(w, 30, stored);
  });

  it('answers every band with a null rate when there is nobody, and refuses days outside 7–180', async () => {
    const w = await CohortWorld.create(database.db);
    const answer = await w.caller.analytics.healthCalibration({});
    expect(answer.days).toBe(30);
    expect(answer.bands).toEqual(BANDS.map((band) => ({ band, customers: 0, churnedSince: 0, churnRate: null })));
    for (const days of [6, 181, 30.5])
      await expect(w.caller.analytics.healthCalibration({ days })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
