/**
 * Customer health in the SPA: the dashboard's numbers and charts, a chart click into the filtered
 * customer list, the health panel of a customer, and an admin changing a weight.
 */
import { createUserInWorkspace, ingestEvents, recomputeEnvironment, upsertCustomer } from '@tenure/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { daysAgo, demoScope, type Harness, signIn, startHarness, withPage } from './harness';

let harness: Harness;
let adaId = '';

beforeAll(async () => {
  harness = await startHarness();
  const db = harness.database.db;
  const scope = await demoScope(db);
  // One customer per stage the rules make easy to reach (ANALYTICS.md "Scores", default settings).
  const people = [
    // Signed up 45 days ago, first event 27 days ago: a gap under reactivationGapDays, so active.
    { externalId: 'ada', name: 'Ada Active', createdAt: daysAgo(45) },
    { externalId: 'reggie', name: 'Reggie Returned', createdAt: daysAgo(150) },
    { externalId: 'cora', name: 'Cora Churned', createdAt: daysAgo(200) },
    { externalId: 'nina', name: 'Nina New' },
    { externalId: 'rita', name: 'Rita Risk', createdAt: daysAgo(120) },
    { externalId: 'dora', name: 'Dora Dormant', createdAt: daysAgo(30) },
  ];
  for (const p of people) {
    const { customer } = await upsertCustomer(db, scope, { ...p, email: `${p.externalId}@example.com` });
    if (p.externalId === 'ada') adaId = customer.id;
  }
  const events = [
    ...[1, 3, 6, 9, 14, 20, 27].map((d) => ({ externalId: 'ada', name: 'page_viewed', timestamp: daysAgo(d) })),
    { externalId: 'ada', name: 'order_completed', revenue: 120, timestamp: daysAgo(2) },
    { externalId: 'reggie', name: 'page_viewed', timestamp: daysAgo(140) },
    { externalId: 'reggie', name: 'page_viewed', timestamp: daysAgo(5) },
    { externalId: 'cora', name: 'page_viewed', timestamp: daysAgo(90) },
    { externalId: 'nina', name: 'signed_up', timestamp: daysAgo(0.5) },
    { externalId: 'rita', name: 'page_viewed', timestamp: daysAgo(50) },
  ];
  await ingestEvents(db, scope, events, { publishable: false, pathPrefix: (i) => [i] });
  await recomputeEnvironment(db, scope.envId);
});
afterAll(() => harness?.close());

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent())?.trim();

it('the dashboard shows the counts and both charts; a click on a stage opens those customers', async () => {
  await withPage(harness, 'health-dashboard', async (page) => {
    await signIn(page);
    await page.waitForURL('**/dashboard');
    await page.getByTestId('stat-total').waitFor();
    expect(await text(page, 'stat-total-value')).toBe('6');
    expect(await text(page, 'stat-active-value')).toBe('3');
    expect(await text(page, 'stat-at-risk-value')).toBe('1');
    expect(await text(page, 'stat-churned-value')).toBe('1');

    const stageChart = page.locator('[data-testid="stage-chart"][aria-busy="false"]');
    await stageChart.waitFor();
    await page.locator('[data-testid="risk-chart"][aria-busy="false"] canvas').first().waitFor();
    expect(await text(page, 'risk-legend')).toContain('High risk');

    // The rows of the stage chart sit at fixed offsets (stage-chart-card.tsx): new, active,
    // reactivated, at_risk, … — click the middle of the at_risk row.
    const canvas = stageChart.locator('canvas').first();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('stage chart canvas has no box');
    const rowHeight = (box.height - 8) / 6;
    await canvas.click({ position: { x: box.width / 2, y: 4 + 3.5 * rowHeight } });
    await page.waitForURL('**/customers?lifecycleStage=at_risk');
    await expect.poll(() => page.getByTestId('customers-row').count()).toBe(1);
    expect(await page.getByTestId('customers-row').first().textContent()).toContain('Rita Risk');
  });
});

it('the customer detail shows health with its components and the reason for the stage', async () => {
  await withPage(harness, 'health-detail', async (page) => {
    await signIn(page);
    await page.waitForURL('**/dashboard');
    await page.goto(`/customers/${adaId}`);
    await page.getByTestId('customer-health-value').waitFor();
    expect(Number(await text(page, 'customer-health-value'))).toBeGreaterThanOrEqual(70);
    const components = await text(page, 'customer-health-components');
    expect(components).toContain('Recency');
    expect(components).toContain('Engagement');
    expect(components).toContain('Monetary trend');
    expect(components).toContain('× 0.5');
    await expect.poll(() => text(page, 'lifecycle-reason')).toMatch(/^Events within the last 60 days and health \d+ \(low risk\)$/);
    expect(await text(page, 'scores-as-of')).toMatch(/^Scores as of /);

    await page.goto('/customers?search=reggie');
    await page.getByTestId('customers-row').first().click();
    await expect.poll(() => text(page, 'lifecycle-reason')).toBe('Came back after 135 days without activity (reactivated after 60)');

    await page.goto('/customers?search=dora');
    await page.getByTestId('customers-row').first().click();
    await page.getByTestId('customer-health-empty').waitFor();
    await expect.poll(() => text(page, 'lifecycle-reason')).toBe('Signed up, no events yet');
  });
});

it('an admin changes a weight: the schema refuses a bad sum, then the save recomputes everyone', async () => {
  await withPage(harness, 'health-settings', async (page) => {
    await signIn(page);
    await page.waitForURL('**/dashboard');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('analytics-settings-form').waitFor();

    await page.getByTestId('setting-weight-recency').fill('0.6');
    expect(await text(page, 'weight-sum')).toContain('must be exactly 1');
    await page.getByTestId('settings-save').click();
    expect(await text(page, 'setting-weights-error')).toBe('Weights must sum to 1');

    await page.getByTestId('setting-weight-recency').fill('0.4');
    await page.getByTestId('setting-weight-engagement').fill('0.45');
    expect(await text(page, 'weight-sum')).toContain('✓');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('recompute-done').waitFor();
    expect(await text(page, 'recompute-done')).toContain('Scores of 6 customers recomputed');

    await page.goto(`/customers/${adaId}`);
    await expect.poll(() => text(page, 'customer-health-components')).toContain('× 0.45');
  });
});

it('a viewer sees the analytics settings read-only', async () => {
  const viewer = { email: 'health.viewer@example.test', password: 'viewer password 1' };
  await createUserInWorkspace(harness.database.db, { ...viewer, name: 'Val Viewer', workspaceSlug: 'demo', role: 'viewer' });
  await withPage(harness, 'health-settings-viewer', async (page) => {
    await page.goto('/login');
    await page.getByTestId('login-email').fill(viewer.email);
    await page.getByTestId('login-password').fill(viewer.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/dashboard');
    await page.goto('/settings/analytics');
    await page.getByText('Only owners and admins change analytics settings').waitFor();
    expect(await page.getByTestId('setting-weight-recency').isDisabled()).toBe(true);
    expect(await page.getByTestId('settings-save').count()).toBe(0);
  });
});
