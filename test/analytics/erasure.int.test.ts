/**
 * Erasure (REST.md `DELETE /customers/{id}?erase=true`) against the analytics: the erased customer
 * leaves `/customers/stats`, stays in its retention and LTV cohorts with its events (ANALYTICS.md:
 * deleted customers stay in their cohort; REST.md: erased events stay, stripped, so aggregates keep
 * counting them), later events for its externalId are suppressed and count nowhere, and the other
 * customers' stored scores do not move.
 */
import { describe, expect, it } from 'vitest';
import { createKey } from '../helpers/fixtures';
import { api, useHttpFixture } from '../helpers/server';
import { type RefCustomer, referenceLtv, referenceRetention } from './cohort-reference';
import { CohortWorld } from './cohort-world';
import { pickScores } from './fixture';
import { DAY, DEFAULTS, referenceScores } from './reference';

const http = useHttpFixture();

/** Retention (every groupBy, criteria and metric) and LTV cohorts against the reference models, as of each answer. */
async function checkCohorts(w: CohortWorld) {
  for (const groupBy of ['month', 'week', 'campaign', 'source'] as const) {
    for (const criteria of ['on', 'on_or_after'] as const) {
      for (const metric of ['customers', 'revenue'] as const) {
        const params = { groupBy, criteria, metric, periods: 4 };
        const answer = await w.caller.customers.cohorts(params);
        const { cohorts, summary } = referenceRetention(w.reference(), params, new Date(answer.asOf));
        expect({ cohorts: answer.cohorts, summary: answer.summary }, JSON.stringify(params)).toEqual({ cohorts, summary });
      }
    }
  }
  for (const groupBy of ['month', 'campaign', 'source'] as const) {
    const answer = await w.caller.customers.ltvCohorts({ groupBy, months: 3 });
    expect(answer.cohorts, groupBy).toEqual(
      referenceLtv(w.reference(), { groupBy, months: 3 }, { activeDays: 30, churnDays: 60 }, new Date(answer.asOf)),
    );
  }
}

describe('an erased customer', () => {
  it('leaves stats, stays in its cohorts with its events, and moves no other customer’s scores', async () => {
    const w = await CohortWorld.create(http.database.db);
    const t = Date.now() - 60_000;
    const at = (days: number) => new Date(t - days * DAY);
    const touch = { source: 'ads', campaign: 'spring' };
    const erased = await w.customer('erased', at(80), [
      { at: at(80), revenue: 40, touch },
      { at: at(40), revenue: 10 },
      { at: at(3), revenue: 5 },
    ]);
    await w.customer('kept-ads', at(70), [{ at: at(70), revenue: 20, touch }, { at: at(20) }]);
    await w.customer('kept-quiet', at(100), [{ at: at(95) }]);
    await w.drain();
    const { key } = await createKey(http.database.db, w.tenant);
    const get = (ref: string) => api(http.server.url, 'GET', `/api/v1/customers/${ref}`, { key });
    const stats = async () => (await api(http.server.url, 'GET', '/api/v1/customers/stats', { key })).body.stats;
    expect(await stats()).toMatchObject({ total: 3, active: 2 });
    const kept = ['kept-ads', 'kept-quiet'];
    const before = new Map<string, unknown>();
    for (const ext of kept) before.set(ext, (await get(`ext_${ext}`)).body.customer);
    await checkCohorts(w);

    const res = await api(http.server.url, 'DELETE', `/api/v1/customers/${erased}?erase=true`, { key });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ deleted: true, id: erased });
    w.deleted.add('erased');
    // Stats leave it out at once (no refresh needed): they read live customers only.
    expect((await stats()).total).toBe(2);
    // Its externalId is suppressed: a later event is counted, not stored, so no cohort sees it.
    const late = await api(http.server.url, 'POST', '/api/v1/events', { key, body: { externalId: 'erased', name: 'use', revenue: 99 } });
    expect(late.body).toEqual({ id: null, duplicate: false, suppressed: true });

    // Before the background refresh (marked customers read raw) and after it (rollups).
    await checkCohorts(w);
    await w.drain();
    await checkCohorts(w);
    const bySource = await w.caller.customers.cohorts({ groupBy: 'source', periods: 1 });
    expect(bySource.cohorts.map((c) => [c.cohort, c.size])).toEqual([
      ['ads', 2],
      ['(none)', 1],
    ]);

    expect((await get(erased)).status).toBe(404);
    // The kept customers' scores (and when they were computed) did not move, and match the model.
    const stages = { new: 0, dormant: 0, active: 0, reactivated: 0, atRisk: 0, churned: 0 };
    for (const [i, ext] of kept.entries()) {
      const customer = (await get(`ext_${ext}`)).body.customer;
      const old = before.get(ext) as typeof customer;
      expect({ ...pickScores(customer), at: customer.scoresComputedAt }).toEqual({ ...pickScores(old), at: old.scoresComputedAt });
      // w.reference() lists the customers in creation order: the erased one first.
      const ref = w.reference()[i + 1] as RefCustomer;
      const expected = referenceScores(ref.events, ref.firstSeenAt, DEFAULTS, new Date(customer.scoresComputedAt));
      expect(pickScores(customer)).toEqual({ ...expected, previousHealth: null });
      stages[expected.lifecycleStage === 'at_risk' ? 'atRisk' : expected.lifecycleStage] += 1;
    }
    // Stats: the two live customers only, stages as stored, active (an event in 30 days) at request time.
    expect(stages).toMatchObject({ active: 1, churned: 1 });
    expect(await stats()).toEqual({ total: 2, active: 1, atRisk: 0, churned: 1, stages });
  });
});
