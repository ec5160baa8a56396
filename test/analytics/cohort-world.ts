/**
 * A cohort test's world: customers and events written through the real router, and the same
 * facts kept in plain JavaScript for the reference model (cohort-reference.ts).
 */
import { createCaller, createContextInner } from '@tenure/api';
import { drainStaleScores } from '@tenure/core';
import type { DB, Kysely } from '@tenure/db';
import { createTenant, keyActor, type Tenant } from '../helpers/fixtures';
import type { RefCustomer } from './cohort-reference';

interface WorldEvent {
  id: string;
  at: Date;
  revenue?: number;
  touch?: { source: string; campaign: string | null };
}

interface WorldCustomer {
  id: string;
  externalId: string;
  createdAt: Date;
  events: WorldEvent[];
}

export interface EventSpec {
  at: Date;
  revenue?: number;
  touch?: { source: string; campaign: string | null };
}

export class CohortWorld {
  readonly customers = new Map<string, WorldCustomer>();
  readonly deleted = new Set<string>();
  /** Recomputes on every call (`Cache-Control: no-cache`), as the exactness tests need. */
  readonly caller: ReturnType<typeof createCaller>;

  private constructor(
    readonly db: Kysely<DB>,
    readonly tenant: Tenant,
  ) {
    this.caller = createCaller(createContextInner({ db, actor: keyActor(tenant), noCache: true }));
  }

  static async create(db: Kysely<DB>): Promise<CohortWorld> {
    return new CohortWorld(db, await createTenant(db));
  }

  get envId(): string {
    return this.tenant.live.envId;
  }

  async customer(externalId: string, createdAt: Date, events: EventSpec[] = []): Promise<string> {
    const { customer } = await this.caller.customers.upsert({ externalId, createdAt: createdAt.toISOString() });
    this.customers.set(externalId, { id: customer.id, externalId, createdAt, events: [] });
    for (const e of events) await this.event(externalId, e);
    return customer.id;
  }

  async event(externalId: string, e: EventSpec): Promise<string> {
    const c = this.customers.get(externalId);
    if (!c) throw new Error(`unknown customer ${externalId}`);
    const context = e.touch ? { campaign: { source: e.touch.source, ...(e.touch.campaign ? { name: e.touch.campaign } : {}) } } : undefined;
    const res = await this.caller.events.ingest({ externalId, name: 'use', timestamp: e.at.toISOString(), revenue: e.revenue, context });
    if (!res.id) throw new Error('event not stored');
    c.events.push({ id: res.id, at: e.at, revenue: e.revenue, touch: e.touch });
    return res.id;
  }

  async deleteEvent(externalId: string, index: number): Promise<void> {
    const c = this.customers.get(externalId);
    const [event] = c?.events.splice(index, 1) ?? [];
    if (!event) throw new Error('no such event');
    await this.caller.events.delete({ id: event.id });
  }

  /** Soft-deletes the customer: it stays in its cohorts with its events (ANALYTICS.md). */
  async deleteCustomer(externalId: string): Promise<void> {
    await this.caller.customers.delete({ id: `ext_${externalId}` });
    this.deleted.add(externalId);
  }

  /** An import that moves the customer's createdAt (and so, maybe, its firstSeenAt and cohort). */
  async moveCreatedAt(externalId: string, createdAt: Date): Promise<void> {
    const c = this.customers.get(externalId);
    if (!c) throw new Error(`unknown customer ${externalId}`);
    await this.caller.customers.update({ id: c.id, createdAt: createdAt.toISOString() });
    c.createdAt = createdAt;
  }

  drain() {
    return drainStaleScores(this.db, this.envId);
  }

  /** The world as the reference model takes it: firstSeenAt, acquisition (earliest touchpoint) and events. */
  reference(): RefCustomer[] {
    return [...this.customers.values()].map((c) => {
      const times = [c.createdAt.getTime(), ...c.events.map((e) => e.at.getTime())];
      const touches = c.events.filter((e) => e.touch).sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : 1));
      const touch = touches[0]?.touch;
      return {
        firstSeenAt: new Date(Math.min(...times)),
        source: touch?.source ?? null,
        campaign: touch ? touch.campaign : null,
        events: c.events.map((e) => ({ at: e.at, revenue: e.revenue })),
      };
    });
  }
}
