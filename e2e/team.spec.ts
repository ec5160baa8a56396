import { createUserInWorkspace, upsertCustomer } from '@tenure/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoScope, type Harness, signIn, startHarness, withPage } from './harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL('**/dashboard');
}

it('an owner invites a member; the link is accepted in a fresh browser; the new member signs in', async () => {
  const email = 'new.member@example.test';
  const password = 'new member password';
  let link = '';

  await withPage(harness, 'team-invite', async (page) => {
    await signIn(page);
    await page.waitForURL('**/dashboard');
    await page.getByTestId('nav-team').click();
    await page.getByTestId('members-table').waitFor();
    await page.getByTestId('team-invite').click();
    await page.getByTestId('invite-email').fill(email);
    await page.getByTestId('invite-role-member').check();
    await page.getByTestId('invite-submit').click();
    link = (await page.getByTestId('invite-link').textContent())?.trim() ?? '';
    expect(link).toMatch(new RegExp(`^${harness.url}/invite/[a-z2-7]{32}$`));
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.getByTestId('invites-row').filter({ hasText: email }).count()).toBe(1);
  });

  await withPage(harness, 'team-accept', async (page) => {
    await page.goto(link);
    await page.getByTestId('invite-page').waitFor();
    expect(await page.getByTestId('invite-page').textContent()).toContain('Join Demo company');
    await page.getByTestId('invite-accept-name').fill('New Member');
    await page.getByTestId('invite-accept-password').fill(password);
    await page.getByTestId('invite-accept-confirm').fill(password);
    await page.getByTestId('invite-accept-submit').click();
    await page.waitForURL('**/dashboard');
    expect(await page.getByTestId('user-menu').textContent()).toContain('New Member');
    await page.goto('/team');
    const row = page.getByTestId('members-row').filter({ hasText: email });
    await row.waitFor();
    expect(await row.textContent()).toContain('Member');
    expect(await page.getByTestId('team-invite').count()).toBe(0);
  });

  await withPage(harness, 'team-member-sign-in', async (page) => {
    await signInAs(page, email, password);
    await page.getByTestId('nav-import').waitFor();
    await page.goto('/api-keys');
    await page.getByText('Only owners and admins manage API keys').waitFor();
    expect(await page.getByTestId('api-keys-create').count()).toBe(0);
  });
});

it('a viewer sees no write buttons; promoted to member, the app follows without a new sign-in', async () => {
  const email = 'viewer@example.test';
  const password = 'viewer password 1';
  const db = harness.database.db;
  await createUserInWorkspace(db, { email, password, name: 'Vera Viewer', workspaceSlug: 'demo', role: 'viewer' });
  const scope = await demoScope(db);
  const { customer } = await upsertCustomer(db, scope, { externalId: 'e2e-team-1', name: 'Team Test' });

  await withPage(harness, 'team-viewer', async (page) => {
    await signInAs(page, email, password);
    await page.goto('/customers');
    await page.getByTestId('customers-table').waitFor();
    expect(await page.getByTestId('customers-import').count()).toBe(0);
    expect(await page.getByTestId('nav-import').count()).toBe(0);

    await page.goto(`/customers/${customer.id}`);
    await page.getByTestId('customer-detail').waitFor();
    expect(await page.getByTestId('customer-edit').count()).toBe(0);
    expect(await page.getByTestId('customer-delete').count()).toBe(0);

    await page.goto('/api-keys');
    await page.getByText('Only owners and admins manage API keys').waitFor();
    expect(await page.getByTestId('api-keys-create').count()).toBe(0);

    await page.goto('/team');
    await page.getByTestId('members-table').waitFor();
    expect(await page.getByTestId('team-invite').count()).toBe(0);
    expect(await page.getByTestId('member-role').count()).toBe(0);
    expect(await page.getByTestId('member-remove').count()).toBe(0);

    await page.goto('/customers');
    await page.getByTestId('customers-table').waitFor();

    // The owner, in another browser, makes the viewer a member.
    await withPage(harness, 'team-promote', async (owner) => {
      await signIn(owner);
      await owner.waitForURL('**/dashboard');
      await owner.goto('/team');
      const select = owner.getByTestId('members-row').filter({ hasText: email }).getByTestId('member-role');
      await select.selectOption('member');
      await owner.getByText('Vera Viewer is now member').waitFor();
    });

    // Back in the viewer's tab (same session): returning to it refreshes the role.
    await page.evaluate("window.dispatchEvent(new Event('visibilitychange'))");
    await page.getByTestId('customers-import').waitFor();
    await page.getByTestId('nav-import').waitFor();
    await page.goto(`/customers/${customer.id}`);
    await page.getByTestId('customer-edit').waitFor();
  });
});
