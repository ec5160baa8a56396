/**
 * A small known dataset for segment tests: customers with every kind of profile field, attribute
 * type and event history, written through the API and refreshed by the background drain. The test
 * keeps its own copy of the events, so expected members are computed from its own data.
 */
import { drainStaleScores } from '@tenure/core';
import type { DB, Kysely } from '@tenure/db';
import { callerFor } from '../helpers/caller';
import { createTenant, keyActor, type Tenant } from '../helpers/fixtures';
import { DAY, type RefCustomer, type RefEvent } from './reference';

interface Spec {
  externalId: string;
  createdDaysAgo: number;
  profile?: Record<string, unknown>;
  attributes?: Record<string, unknown>;
  /** [name, days ago, revenue?, campaign source?] */
  events?: [string, number, number?, string?][];
}

export const SPECS: Spec[] = [
  {
    externalId: 'ada',
    createdDaysAgo: 400,
    profile: {
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      company: 'Analytical Engines',
      plan: 'enterprise',
      teamSize: 12,
      locale: 'en-GB',
    },
    attributes: { tier: 'gold', seats: 12, beta: true, tags: ['alpha', 'beta'], renewal: '2026-01-15', score: 4.5 },
    events: [
      ['purchase', 2, 120.5, 'google'],
      ['login', 1],
      ['login', 3],
      ['purchase', 20, 80],
    ],
  },
  {
    externalId: 'bob',
    createdDaysAgo: 200,
    profile: { email: 'BOB@Example.org', name: 'Bob 100% Real_Name', company: 'Bobco', plan: 'pro', teamSize: 3 },
    attributes: { tier: 'silver', seats: '12', beta: false, tags: ['gamma'], renewal: '2025-13-45' },
    events: [
      ['login', 40],
      ['purchase', 45, 10.25, 'newsletter'],
    ],
  },
  {
    externalId: 'cleo',
    createdDaysAgo: 5,
    profile: { email: 'cleo@example.com', name: "x' or '1'='1", plan: 'enterprise', locale: 'fr-FR' },
    attributes: { tier: 'GOLD', seats: 40, renewal: '2025-06-01T10:00:00+02:00', score: 5 },
    events: [['login', 0.5]],
  },
  {
    externalId: 'dan',
    createdDaysAgo: 90,
    profile: { name: 'Dan', plan: 'free', teamSize: 0 },
    attributes: { seats: 0, tags: [1, 2], renewal: '2026-02-01' },
  },
  {
    externalId: 'eve',
    createdDaysAgo: 120,
    profile: { email: 'eve@example.net', company: 'Eve; drop table customers; --', plan: 'pro', teamSize: 40 },
    attributes: { tier: 'gold', beta: true, score: 3.999 },
    events: [
      ['purchase', 70, 500, 'google'],
      ['purchase', 65, 1.01],
      ['login', 64],
    ],
  },
  {
    externalId: 'finn',
    createdDaysAgo: 30,
    profile: { email: 'finn@example.com', name: 'Finn', plan: 'enterprise', teamSize: 7 },
    attributes: { tier: 'bronze', seats: 7.5, tags: ['beta'] },
    events: [
      ['login', 10],
      ['login', 9],
      ['login', 8],
      ['signup', 29, undefined, 'bing'],
    ],
  },
];

export interface Dataset {
  tenant: Tenant;
  envId: string;
  caller: ReturnType<typeof callerFor>;
  /** Each customer as the API returns it now, with the test's own copy of its events. */
  customers(): Promise<RefCustomer[]>;
}

export async function buildDataset(db: Kysely<DB>, now = Date.now()): Promise<Dataset> {
  const tenant = await createTenant(db);
  const envId = tenant.live.envId;
  const caller = callerFor(db, keyActor(tenant));
  const ago = (days: number) => new Date(now - Math.round(days * DAY)).toISOString();
  const events = new Map<string, RefEvent[]>();
  await caller.customers.batch({
    customers: SPECS.map((s) => ({ externalId: s.externalId, createdAt: ago(s.createdDaysAgo), ...s.profile, attributes: s.attributes })),
  });
  const batch = SPECS.flatMap((s) =>
    (s.events ?? []).map(([name, days, revenue, source]) => ({
      externalId: s.externalId,
      name,
      timestamp: ago(days),
      ...(revenue !== undefined ? { revenue } : {}),
      ...(source ? { context: { campaign: { source, medium: 'cpc', name: `${source}_campaign` } } } : {}),
    })),
  );
  const res = await caller.events.ingestBatch({ events: batch });
  if (res.errors.length) throw new Error(`ingest failed: ${JSON.stringify(res.errors)}`);
  for (const s of SPECS)
    events.set(
      s.externalId,
      (s.events ?? []).map(([name, days]) => ({ name, at: new Date(ago(days)) })),
    );
  await drainStaleScores(db, envId);
  return {
    tenant,
    envId,
    caller,
    async customers() {
      const { customers } = await caller.customers.list({ limit: 100 });
      return customers.map((customer) => ({ customer, events: events.get(customer.externalId as string) ?? [] }));
    },
  };
}
