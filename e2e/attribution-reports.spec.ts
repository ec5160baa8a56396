/**
 * Reports and attribution in the SPA: the dashboard's report draws, its range switch changes the
 * URL and the numbers; the attribution page switches model (URL and credits); the calibration view
 * is reachable from the dashboard; a customer's attribution card shows its conversion's credits.
 */
import { ingestEvents, upsertCustomer } from '@tenure/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { daysAgo, demoScope, type Harness, signIn, startHarness, withPage } from './harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  const db = harness.database.db;
  const scope = await demoScope(db);
  await upsertCustomer(db, scope, { externalId: 'buyer', createdAt: daysAgo(40) });
  await upsertCustomer(db, scope, { externalId: 'browser', createdAt: daysAgo(25) });
  await ingestEvents(
    db,
    scope,
    [
      // buyer: google 10 days before the order, the newsletter 4 days before: last touch → newsletter, linear → half each.
      { externalId: 'buyer', name: 'visit', timestamp: daysAgo(12), context: { campaign: { source: 'google', medium: 'cpc' } } },
      { externalId: 'buyer', name: 'visit', timestamp: daysAgo(6), context: { campaign: { source: 'newsletter', medium: 'email' } } },
      { externalId: 'buyer', name: 'order_completed', timestamp: daysAgo(2), revenue: 100 },
      // Older activity: inside the last 30 days, outside the last 7.
      { externalId: 'browser', name: 'page_viewed', timestamp: daysAgo(20) },
      { externalId: 'browser', name: 'page_viewed', timestamp: daysAgo(15) },
    ],
    { publishable: false, pathPrefix: (i) => [i] },
  );
});
afterAll(() => harness?.close());

it('renders the dashboard report, and the range switch changes the URL and the numbers', async () => {
  await withPage(harness, 'dashboard-report', async (page) => {
    await signIn(page);
    await page.waitForURL('**/dashboard');
    const events = page.getByTestId('report-value-events');
    await expect.poll(() => events.textContent()).toBe('5');
    await page.locator('[data-testid="report-chart"][aria-busy="false"] canvas').first().waitFor();
    expect(await page.getByTestId('report-value-revenue').textContent()).toBe('$100.00');

    await page.getByTestId('report-range-7d').click();
    await page.waitForURL('**/dashboard?range=7d');
    await expect.poll(() => events.textContent()).toBe('2');
    expect(await page.getByTestId('report-value-activeCustomers').textContent()).toBe('1');

    await page.getByTestId('report-card-revenue').click();
    await page.waitForURL('**/dashboard?range=7d&metric=revenue');
    await expect
      .poll(() => page.getByTestId('report-chart').getAttribute('aria-label'))
      .toMatch(/^Revenue per day: \$100\.00 in this period/);

    await page.getByTestId('calibration-link').click();
    await page.waitForURL('**/calibration');
    await page.getByTestId('band-low').waitFor();
  });
});

it('switches the attribution model on the attribution page and shows the credits on the customer', async () => {
  await withPage(harness, 'attribution-page', async (page) => {
    await signIn(page);
    await page.waitForURL('**/dashboard');
    await page.getByTestId('nav-attribution').click();
    await page.waitForURL('**/attribution');
    const rows = page.locator('[data-testid="attribution-table"] tbody tr');
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringMatching(/^newsletter1\$100\.00/)]);
    await page.locator('[data-testid="attribution-chart"][aria-busy="false"] canvas').first().waitFor();

    await page.getByTestId('attribution-model-linear').click();
    await page.waitForURL('**/attribution?model=linear');
    await expect
      .poll(() => rows.allTextContents())
      .toEqual([expect.stringMatching(/^google0\.5\$50\.00/), expect.stringMatching(/^newsletter0\.5\$50\.00/)]);

    await page.goto('/customers/ext_buyer');
    const card = page.getByTestId('customer-attribution');
    await expect.poll(() => card.getByTestId('attribution-conversion').textContent()).toContain('$100.00');
    await card.getByTestId('customer-attribution-model').selectOption('first_touch');
    await expect.poll(() => card.getByTestId('attribution-conversion').textContent()).toMatch(/google · cpc100\.0%\$100\.00/);
  });
});
