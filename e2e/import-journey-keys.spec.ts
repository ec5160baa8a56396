import { ingestEvents } from '@tenure/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoScope, type Harness, signIn, startHarness, withPage } from './harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

const CSV = [
  'externalId,email,name,company,plan,Plan Tier',
  'csv-1,ada@example.com,Ada Import,Acme,pro,gold',
  'csv-2,not-an-email,Bad Row,Acme,free,silver',
  'csv-3,grace@example.com,Grace Import,Globex,free,bronze',
].join('\n');

it('imports a CSV with per-row errors, then shows the journey of an imported customer', async () => {
  await withPage(harness, 'import-journey', async (page) => {
    await signIn(page);
    await page.waitForURL('**/dashboard');
    await page.goto('/import');
    await page.getByTestId('import-file-input').setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-result').waitFor();
    expect((await page.getByTestId('import-created').textContent())?.trim()).toBe('2');
    const errors = await page.getByTestId('import-errors').textContent();
    expect(errors).toContain('email');

    const scope = await demoScope(harness.database.db);
    await ingestEvents(
      harness.database.db,
      scope,
      [
        { externalId: 'csv-1', name: 'signed_up', context: { campaign: { source: 'newsletter', medium: 'email', name: 'launch' } } },
        { externalId: 'csv-1', name: 'order_completed', revenue: 42.5 },
      ],
      { publishable: false, pathPrefix: (i) => [i] },
    );

    await page.goto('/customers');
    await page.getByTestId('customers-search').fill('Ada Import');
    await expect.poll(() => page.getByTestId('customers-row').count()).toBe(1);
    await page.getByTestId('customers-row').first().click();
    await page.getByTestId('customer-detail').waitFor();
    await page.getByText('order_completed').first().waitFor();
    await page.getByText('signed_up').first().waitFor();
    expect(await page.getByTestId('customer-detail').textContent()).toContain('Plan_Tier');
  });
});

it('creates an API key and shows it exactly once', async () => {
  await withPage(harness, 'api-keys', async (page) => {
    await signIn(page);
    await page.waitForURL('**/dashboard');
    await page.goto('/api-keys');
    await page.getByTestId('api-keys-create').click();
    const limits = page.getByRole('group', { name: 'Rate limits' });
    await limits.getByLabel('Reads and writes').fill('250');
    await limits.getByLabel('Ingestion').fill('2500');
    await page.getByTestId('api-keys-create-submit').click();
    const secret = (await page.getByTestId('api-key-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^sk_live_[a-z2-7]{52}$/);
    const res = await fetch(`${harness.url}/api/v1/customers/count`, { headers: { authorization: `Bearer ${secret}` } });
    expect(res.status).toBe(200);
    // The key's own limits, as the REST headers announce them (a burst of twice the rate) and as the table shows them.
    expect(res.headers.get('ratelimit-limit')).toBe('500');
    await page.reload();
    const row = page.getByRole('row').filter({ hasText: secret.slice(0, 14) });
    await row.getByText('250/s · 2,500/s ingest').waitFor();
    expect(await page.content()).not.toContain(secret);
  });
});

it("sets the environment's rate limits beside the keys", async () => {
  await withPage(harness, 'environment-limits', async (page) => {
    await signIn(page);
    await page.waitForURL('**/dashboard');
    await page.goto('/api-keys');
    const card = page.getByTestId('environment-limits');
    // Unset limits show the server's defaults (5× the key defaults).
    await card.getByText('Default (500 / s)').waitFor();
    await page.getByTestId('environment-limits-edit').click();
    await page.getByTestId('environment-limits-rateLimit').fill('0');
    await page.getByTestId('environment-limits-save').click();
    await page.getByText('A rate limit is at least 1 request per second').waitFor();
    await page.getByTestId('environment-limits-rateLimit').fill('40');
    await page.getByTestId('environment-limits-save').click();
    await page.getByTestId('environment-limits-dialog').waitFor({ state: 'hidden' });
    await card.getByText('40 / s').waitFor();
    await page.reload();
    await card.getByText('40 / s').waitFor();
    expect(await card.getByText('Default (5,000 / s)').count()).toBe(1);
  });
});
