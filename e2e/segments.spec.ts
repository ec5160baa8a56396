/**
 * Segments in the browser: build a segment with the rule builder, watch the live estimate follow
 * the rules, save it, see its members and changes, open them in the customer table, and find the
 * segment on a member's page.
 */
import { upsertCustomer } from '@tenure/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoScope, type Harness, signIn, startHarness, withPage } from './harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  const scope = await demoScope(harness.database.db);
  for (const [externalId, plan, seats] of [
    ['seg-pro-1', 'pro', 12],
    ['seg-pro-2', 'pro', 3],
    ['seg-free-1', 'free', 1],
  ] as const) {
    await upsertCustomer(harness.database.db, scope, { externalId, name: externalId, plan, attributes: { seats } });
  }
});
afterAll(() => harness?.close());

it('builds a segment with the builder, sees the estimate, saves it and opens its members', async () => {
  await withPage(harness, 'segments-build', async (page) => {
    await signIn(page);
    await page.waitForURL('**/dashboard');
    await page.getByTestId('nav-segments').click();
    await page.getByTestId('segments-new').click();
    await page.getByTestId('segment-name').fill('Pro customers');

    // The first rule: Plan is … — typed, then the estimate follows.
    const first = page.getByTestId('rule-row').first();
    await first.getByTestId('rule-field').selectOption('plan');
    await first.getByTestId('rule-operator').selectOption('eq');
    await first.getByTestId('rule-value').fill('pro');
    await expect.poll(() => page.getByTestId('segment-estimate').textContent(), { timeout: 10_000 }).toContain('2 customers match');

    // A second rule on an attribute narrows it: seats > 5.
    await page.getByTestId('rule-add').click();
    const second = page.getByTestId('rule-row').nth(1);
    await second.getByTestId('rule-field').selectOption('attributes.');
    await second.getByTestId('rule-attribute-key').fill('seats');
    await second.getByTestId('rule-operator').selectOption('gt');
    await second.getByTestId('rule-value').fill('5');
    await expect.poll(() => page.getByTestId('segment-estimate').textContent(), { timeout: 10_000 }).toContain('1 customer matches');

    // A value that does not fit the type is refused in the row (the contract's own check), with no save.
    await second.getByTestId('rule-field').selectOption('email');
    await second.getByTestId('rule-operator').selectOption('contains');
    await expect(page.getByTestId('segment-save').isDisabled()).resolves.toBe(true);
    await second.getByRole('button', { name: 'Remove rule 2' }).click();
    await expect.poll(() => page.getByTestId('segment-estimate').textContent(), { timeout: 10_000 }).toContain('2 customers match');

    await page.getByTestId('segment-save').click();
    await page.getByTestId('segment-page').waitFor();
    expect(await page.getByTestId('segment-count').textContent()).toBe('2');
    await expect.poll(() => page.getByTestId('segment-member').count()).toBe(2);
    await expect.poll(() => page.getByTestId('segment-change').count()).toBe(2);
    expect(await page.getByTestId('segment-changes').textContent()).toContain('seg-pro-1');

    await page.getByTestId('segment-open-customers').click();
    await page.waitForURL(/\/customers\?segmentId=seg_/);
    await page.getByTestId('customers-segment-filter').waitFor();
    expect(await page.getByTestId('customers-segment-filter').textContent()).toContain('Pro customers');
    await expect.poll(() => page.getByTestId('customers-row').count()).toBe(2);

    await page.getByTestId('customers-row').filter({ hasText: 'seg-pro-1' }).first().click();
    await page.getByTestId('customer-segment').waitFor();
    expect(await page.getByTestId('customer-segment').textContent()).toBe('Pro customers');
    await page.getByTestId('customer-segment').click();
    await page.getByTestId('segment-page').waitFor();

    await page.goto('/segments');
    await expect.poll(() => page.getByTestId('segments-row').count()).toBe(1);
    expect(await page.getByTestId('segments-row').textContent()).toContain('Plan is “pro”');
  });
});
