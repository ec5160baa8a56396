/**
 * Cohorts in the SPA: the retention heatmap draws (a canvas), a switch changes the URL and the
 * data behind the chart, and the LTV page shows a curve and a row per cohort.
 */
import { ingestEvents, upsertCustomer } from '@tenure/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { daysAgo, demoScope, type Harness, signIn, startHarness, withPage } from './harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  const db = harness.database.db;
  const scope = await demoScope(db);
  const people = [
    { externalId: 'g1', createdAt: daysAgo(70), source: 'google' },
    { externalId: 'g2', createdAt: daysAgo(68), source: 'google' },
    { externalId: 'n1', createdAt: daysAgo(20), source: 'newsletter' },
  ];
  for (const p of people) await upsertCustomer(db, scope, { externalId: p.externalId, createdAt: p.createdAt });
  await ingestEvents(
    db,
    scope,
    [
      ...people.map((p) => ({
        externalId: p.externalId,
        name: 'signed_up',
        timestamp: p.createdAt,
        context: { campaign: { source: p.source, name: 'spring' } },
      })),
      { externalId: 'g1', name: 'order_completed', revenue: 40, timestamp: daysAgo(35) },
      { externalId: 'g2', name: 'page_viewed', timestamp: daysAgo(2) },
    ],
    { publishable: false, pathPrefix: (i) => [i] },
  );
});
afterAll(() => harness?.close());

it('draws the retention heatmap, and a switch changes the URL and the data', async () => {
  await withPage(harness, 'cohorts-heatmap', async (page) => {
    await signIn(page);
    await page.waitForURL('**/dashboard');
    await page.getByTestId('nav-cohorts').click();
    await page.waitForURL('**/cohorts');
    const chart = page.locator('[data-testid="retention-heatmap"][aria-busy="false"]');
    await chart.locator('canvas').first().waitFor();
    expect(await chart.getAttribute('aria-label')).toMatch(/^Retention by month cohort over 12 periods/);

    await page.getByTestId('cohort-group-by').selectOption('source');
    await page.waitForURL('**/cohorts?groupBy=source');
    await expect.poll(() => chart.getAttribute('aria-label')).toMatch(/^Retention by source cohort over 12 periods; all cohorts: 100%/);

    await page.getByTestId('cohort-periods').selectOption('4');
    await page.waitForURL('**/cohorts?groupBy=source&periods=4');
    // Period 0: all 3 active; periods 1 and 2: the two google customers started them, one active in each.
    await expect
      .poll(() => chart.getAttribute('aria-label'))
      .toBe('Retention by source cohort over 4 periods; all cohorts: 100%, 50.0%, 50.0%, —');
  });
});

it('shows LTV curves and a row per cohort in the workspace currency', async () => {
  await withPage(harness, 'ltv-page', async (page) => {
    await signIn(page);
    await page.waitForURL('**/dashboard');
    await page.goto('/ltv?groupBy=source&months=2');
    await page.locator('[data-testid="ltv-curves"][aria-busy="false"] canvas').first().waitFor();
    const rows = page.locator('[data-testid="ltv-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    // google: month 1 $0 over g1 and g2; month 2 $40 (g1's order on day 35) over the same two.
    expect(await rows.first().textContent()).toContain('google');
    expect(await rows.first().textContent()).toContain('$20.00');
  });
});
