/**
 * An attribution test's world: customers and events (with contexts) written through the real
 * router, and the same facts kept as plain data for the reference model (attribution-reference.ts).
 */
import { createCaller, createContextInner } from '@tenure/api';
import type { DB, Kysely } from '@tenure/db';
import { createTenant, keyActor, type Tenant } from '../helpers/fixtures';
import type { RefAttrEvent, RefContext } from './attribution-reference';

export interface AttrEventSpec {
  at: Date;
  revenue?: number;
  context?: RefContext;
  name?: string;
}

export class AttributionWorld {
  readonly events: RefAttrEvent[] = [];
  readonly ids = new Map<string, string>();
  /** Recomputes on every call (`Cache-Control: no-cache`), as exactness tests need. */
  readonly caller: ReturnType<typeof createCaller>;

  private constructor(
    readonly db: Kysely<DB>,
    readonly tenant: Tenant,
  ) {
    this.caller = createCaller(createContextInner({ db, actor: keyActor(tenant), noCache: true }));
  }

  static async create(db: Kysely<DB>): Promise<AttributionWorld> {
    return new AttributionWorld(db, await createTenant(db));
  }

  async customer(externalId: string, createdAt: Date): Promise<string> {
    const { customer } = await this.caller.customers.upsert({ externalId, createdAt: createdAt.toISOString() });
    this.ids.set(externalId, customer.id);
    return customer.id;
  }

  /** Ingests one event (its timestamp in the past, so its effective time is the timestamp). */
  async event(externalId: string, e: AttrEventSpec): Promise<string> {
    const res = await this.caller.events.ingest({
      externalId,
      name: e.name ?? (e.revenue ? 'order_completed' : 'visit'),
      timestamp: e.at.toISOString(),
      revenue: e.revenue,
      context: e.context,
    });
    if (!res.id) throw new Error('event not stored');
    const customer = this.ids.get(externalId) ?? (await this.caller.customers.get({ id: `ext_${externalId}` })).customer.id;
    this.ids.set(externalId, customer);
    this.events.push({ id: res.id, customer, at: e.at.getTime(), timestamp: e.at.toISOString(), revenue: e.revenue, context: e.context });
    return res.id;
  }

  eventsOf(externalId: string): RefAttrEvent[] {
    const id = this.ids.get(externalId);
    return this.events.filter((e) => e.customer === id);
  }
}
