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

/** How a dated attribute is written: a UTC date-time, a bare date (midnight UTC) or a date-time at +02:00. */
export type IsoForm = 'instant' | 'day' | 'offset';

/** The instant `daysAgo` days before `now`, written in `form`. */
export function isoDaysAgo(now: number, daysAgo: number, form: IsoForm = 'instant'): string {
  const at = new Date(now - Math.round(daysAgo * DAY));
  if (form === 'day') return at.toISOString().slice(0, 10);
  if (form === 'instant') return at.toISOString();
  return `${new Date(at.getTime() + 2 * 3_600_000).toISOString().slice(0, -1)}+02:00`;
}

interface Spec {
  externalId: string;
  createdDaysAgo: number;
  profile?: Record<string, unknown>;
  attributes?: Record<string, unknown>;
  /** `attributes.reviewed`: an ISO string N days before the build time (negative: in the future). */
  reviewed?: [daysAgo: number, form: IsoForm];
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
      role: 'CTO',
    },
    attributes: { tier: 'gold', seats: 12, beta: true, tags: ['alpha', 'beta'], renewal: '2026-01-15', score: 4.5 },
    reviewed: [27, 'instant'],
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
    profile: { email: 'BOB@Example.org', name: 'Bob 100% Real_Name', company: 'Bobco', plan: 'pro', teamSize: 3, role: 'Head of Growth' },
    attributes: { tier: 'silver', seats: '12', beta: false, tags: ['gamma'], renewal: '2025-13-45' },
    reviewed: [33, 'instant'],
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
    reviewed: [25, 'day'],
    events: [['login', 0.5]],
  },
  {
    externalId: 'dan',
    createdDaysAgo: 90,
    profile: { name: 'Dan', plan: 'free', teamSize: 0 },
    attributes: { seats: 0, tags: [1, 2], renewal: '2026-02-01' },
    reviewed: [-3, 'instant'],
  },
  {
    externalId: 'eve',
    createdDaysAgo: 120,
    profile: { email: 'eve@example.net', company: 'Eve; drop table customers; --', plan: 'pro', teamSize: 40, role: 'cto' },
    attributes: { tier: 'gold', beta: true, score: 3.999 },
    reviewed: [29, 'offset'],
    events: [
      ['purchase', 70, 500, 'google'],
      ['purchase', 65, 1.01],
      ['login', 64],
    ],
  },
  {
    externalId: 'finn',
    createdDaysAgo: 30,
    profile: { email: 'finn@example.com', name: 'Finn', plan: 'enterprise', teamSize: 7, role: 'Engineer' },
    attributes: { tier: 'bronze', seats: 7.5, tags: ['beta'] },
    reviewed: [31, 'offset'],
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
  const ago = (days: number) => isoDaysAgo(now, days);
  const attributes = (s: Spec) => (s.reviewed ? { ...s.attributes, reviewed: isoDaysAgo(now, ...s.reviewed) } : s.attributes);
  const events = new Map<string, RefEvent[]>();
  await caller.customers.batch({
    customers: SPECS.map((s) => ({ externalId: s.externalId, createdAt: ago(s.createdDaysAgo), ...s.profile, attributes: attributes(s) })),
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
