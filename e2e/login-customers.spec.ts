import { upsertCustomer } from '@tenure/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN, demoScope, type Harness, signIn, startHarness, withPage } from './harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  const scope = await demoScope(harness.database.db);
  for (const [i, name] of ['Grace Hopper', 'Alan Turing', 'Katherine Johnson'].entries()) {
    await upsertCustomer(harness.database.db, scope, {
      externalId: `e2e-${i}`,
      name,
      email: `${name.split(' ')[0]!.toLowerCase()}@example.com`,
    });
  }
});
afterAll(() => harness?.close());

it('signs in and shows the customers table with search', async () => {
  await withPage(harness, 'login-customers', async (page) => {
    await page.goto('/customers');
    await page.waitForURL('**/login');
    await page.getByTestId('login-email').fill(ADMIN.email);
    await page.getByTestId('login-password').fill('wrong password');
    await page.getByTestId('login-submit').click();
    await page.getByText('Email or password is incorrect').waitFor();

    await signIn(page);
    await page.waitForURL('**/customers');
    await page.getByTestId('customers-table').waitFor();
    await expect.poll(() => page.getByTestId('customers-row').count()).toBe(3);
    await page.getByTestId('customers-search').fill('turing');
    await expect.poll(() => page.getByTestId('customers-row').count()).toBe(1);
    expect(await page.getByTestId('customers-row').first().textContent()).toContain('Alan Turing');
  });
});
