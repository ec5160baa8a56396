/** Analytics test fixture: a tenant, a secret-key caller, and customers with events at given times. */
import { refreshCustomers } from '@tenure/core';
import type { DB, Kysely } from '@tenure/db';
import { callerFor } from '../helpers/caller';
import { createTenant, keyActor, type Tenant } from '../helpers/fixtures';
import { DAY, type RefEvent } from './reference';

export interface TestEvent {
  /** Days before `now` (fractions allowed); the event's timestamp, so its effective time. */
  daysAgo: number;
  revenue?: number;
}

export interface AnalyticsFixture {
  tenant: Tenant;
  envId: string;
  caller: ReturnType<typeof callerFor>;
  /** Creates `externalId` signed up `createdDaysAgo` before now, with these events; returns its id. */
  customer(externalId: string, createdDaysAgo: number, events?: TestEvent[]): Promise<string>;
  /** The effective times and revenue of the events given so far, as the reference model takes them. */
  eventsOf(externalId: string): RefEvent[];
  firstSeenOf(externalId: string): Date;
  refresh(ids: string[], at?: Date): ReturnType<typeof refreshCustomers>;
}

export async function analyticsFixture(db: Kysely<DB>, now: Date): Promise<AnalyticsFixture> {
  const tenant = await createTenant(db);
  const caller = callerFor(db, keyActor(tenant));
  const envId = tenant.live.envId;
  const created = new Map<string, Date>();
  const events = new Map<string, RefEvent[]>();
  const ago = (days: number) => new Date(now.getTime() - Math.round(days * DAY));
  return {
    tenant,
    envId,
    caller,
    async customer(externalId, createdDaysAgo, list = []) {
      const { customer } = await caller.customers.upsert({ externalId, createdAt: ago(createdDaysAgo).toISOString() });
      created.set(externalId, ago(createdDaysAgo));
      const mine = events.get(externalId) ?? [];
      events.set(externalId, mine);
      if (list.length) {
        const res = await caller.events.ingestBatch({
          events: list.map((e) => ({ externalId, name: 'use', timestamp: ago(e.daysAgo).toISOString(), revenue: e.revenue })),
        });
        if (res.errors.length) throw new Error(`ingest failed: ${JSON.stringify(res.errors)}`);
        for (const e of list) mine.push({ at: ago(e.daysAgo), revenue: e.revenue });
      }
      return customer.id;
    },
    eventsOf: (externalId) => events.get(externalId) ?? [],
    firstSeenOf(externalId) {
      const times = [created.get(externalId) as Date, ...(events.get(externalId) ?? []).map((e) => e.at)];
      return new Date(Math.min(...times.map((d) => d.getTime())));
    },
    refresh: (ids, at = now) => refreshCustomers(db, envId, ids, at),
  };
}

/** A fixed computation time a minute back, so events ingested now have timestamps before it. */
export const fixedNow = () => new Date(Date.now() - 60_000);

/** The stored score fields of a customer object. */
export function pickScores(c: {
  health: number | null;
  healthComponents: unknown;
  previousHealth: number | null;
  engagementScore: number;
  expansionScore: number;
  riskLevel: string | null;
  lifecycleStage: string;
}) {
  const { health, healthComponents, previousHealth, engagementScore, expansionScore, riskLevel, lifecycleStage } = c;
  return { health, healthComponents, previousHealth, engagementScore, expansionScore, riskLevel, lifecycleStage };
}
