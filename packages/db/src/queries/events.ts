/** Event queries: set-based inserts with idempotency, per-customer aggregates, lists and journeys. */
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { DB, EventsTable } from '../types';

export type NewEventRow = Insertable<EventsTable>;

/** Inserts events; rows whose messageId is already stored are skipped. Returns the inserted ids. */
export async function insertEvents(trx: Transaction<DB>, rows: NewEventRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await trx
    .insertInto('events')
    .values(rows)
    .onConflict((oc) => oc.columns(['environmentId', 'messageId']).where('messageId', 'is not', null).doNothing())
    .returning('id')
    .execute();
  return new Set(inserted.map((r) => r.id));
}

/** Stored (or deleted) event ids by messageId. */
export async function findEventIdsByMessageId(db: Kysely<DB>, envId: string, messageIds: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (messageIds.length === 0) return found;
  const live = await db
    .selectFrom('events')
    .select(['messageId', 'id'])
    .where('environmentId', '=', envId)
    .where('messageId', 'in', messageIds)
    .execute();
  for (const r of live) found.set(r.messageId as string, r.id);
  const gone = await db
    .selectFrom('eventTombstones')
    .select(['messageId', 'eventId'])
    .where('environmentId', '=', envId)
    .where('messageId', 'in', messageIds)
    .execute();
  for (const r of gone) if (!found.has(r.messageId)) found.set(r.messageId, r.eventId);
  return found;
}

/**
 * Adds freshly inserted events to their customers' aggregates (count, revenue, first/last
 * event, firstSeenAt) and moves acquisition to an earlier touchpoint — one statement each.
 */
export async function addEventsToAggregates(trx: Transaction<DB>, envId: string, eventIds: string[]): Promise<void> {
  if (eventIds.length === 0) return;
  await sql`
    update customers c set
      event_count = c.event_count + a.n,
      revenue_minor = c.revenue_minor + a.revenue,
      first_event_at = least(c.first_event_at, a.first_at),
      last_event_at = greatest(c.last_event_at, a.last_at),
      first_seen_at = least(c.first_seen_at, a.first_at)
    from (
      select customer_id, count(*)::int as n, coalesce(sum(revenue_minor), 0)::bigint as revenue,
             min(effective_at) as first_at, max(effective_at) as last_at
      from events
      where environment_id = ${envId} and id in (${sql.join(eventIds)})
      group by customer_id
    ) a
    where c.environment_id = ${envId} and c.id = a.customer_id`.execute(trx);
  await sql`
    update customers c set
      acq_event_id = t.id, acq_at = t.effective_at, acq_source = t.touch_source, acq_medium = t.touch_medium,
      acq_campaign = t.touch_campaign, acq_click_id = t.context ->> 'clickId',
      acq_referrer = t.context ->> 'referrer', acq_landing_url = t.context ->> 'url'
    from (
      select distinct on (customer_id) customer_id, id, effective_at, touch_source, touch_medium, touch_campaign, context
      from events
      where environment_id = ${envId} and id in (${sql.join(eventIds)}) and is_touchpoint
      order by customer_id, effective_at, id
    ) t
    where c.environment_id = ${envId} and c.id = t.customer_id
      and (c.acq_at is null or (t.effective_at, t.id) < (c.acq_at, c.acq_event_id))`.execute(trx);
}

/** Recomputes the aggregates and acquisition of customers from their remaining events. */
export async function recomputeAggregates(trx: Transaction<DB>, envId: string, customerIds: string[]): Promise<void> {
  if (customerIds.length === 0) return;
  await sql`
    update customers c set
      event_count = coalesce(a.n, 0),
      revenue_minor = coalesce(a.revenue, 0),
      first_event_at = a.first_at,
      last_event_at = a.last_at,
      first_seen_at = least(c.created_at, coalesce(a.first_at, c.created_at)),
      acq_event_id = t.id, acq_at = t.effective_at, acq_source = t.touch_source, acq_medium = t.touch_medium,
      acq_campaign = t.touch_campaign,
      acq_click_id = case when t.id is null then c.click_id else t.context ->> 'clickId' end,
      acq_referrer = t.context ->> 'referrer', acq_landing_url = t.context ->> 'url'
    from (select id from customers where environment_id = ${envId} and id in (${sql.join(customerIds)})) k
    left join lateral (
      select count(*)::int as n, sum(revenue_minor)::bigint as revenue, min(effective_at) as first_at, max(effective_at) as last_at
      from events e where e.environment_id = ${envId} and e.customer_id = k.id
    ) a on true
    left join lateral (
      select e.id, e.effective_at, e.touch_source, e.touch_medium, e.touch_campaign, e.context
      from events e where e.environment_id = ${envId} and e.customer_id = k.id and e.is_touchpoint
      order by e.effective_at, e.id limit 1
    ) t on true
    where c.environment_id = ${envId} and c.id = k.id`.execute(trx);
}

const EVENT_COLUMNS = [
  'events.id',
  'events.customerId',
  'customers.externalId',
  'events.name',
  'events.properties',
  'events.timestamp',
  'events.receivedAt',
  'events.revenueMinor',
  'events.messageId',
  'events.context',
  'events.isTouchpoint',
] as const;

export interface EventFilters {
  customerId?: string;
  name?: string;
  start?: Date;
  end?: Date;
}

function listBase(db: Kysely<DB>, envId: string, f: EventFilters) {
  let q = db
    .selectFrom('events')
    .innerJoin('customers', 'customers.id', 'events.customerId')
    .where('events.environmentId', '=', envId)
    .where('customers.environmentId', '=', envId)
    .where('customers.deletedAt', 'is', null);
  if (f.customerId) q = q.where('events.customerId', '=', f.customerId);
  if (f.name) q = q.where('events.name', '=', f.name);
  if (f.start) q = q.where('events.timestamp', '>=', f.start);
  if (f.end) q = q.where('events.timestamp', '<', f.end);
  return q;
}

export function listEventRows(db: Kysely<DB>, envId: string, f: EventFilters, offset: number, limit: number) {
  return listBase(db, envId, f)
    .select(EVENT_COLUMNS)
    .orderBy('events.timestamp', 'desc')
    .orderBy('events.id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
}

export async function countEventRows(db: Kysely<DB>, envId: string, f: EventFilters): Promise<number> {
  const row = await listBase(db, envId, f).select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow();
  return row.count;
}

export function findEventRow(db: Kysely<DB>, envId: string, id: string) {
  return listBase(db, envId, {}).select(EVENT_COLUMNS).where('events.id', '=', id).executeTakeFirst();
}

export type EventRowView = NonNullable<Awaited<ReturnType<typeof findEventRow>>>;

export interface JourneyParams {
  customerId: string;
  limit: number;
  order: 'asc' | 'desc';
  after?: { timestamp: Date; id: string };
  start?: Date;
  end?: Date;
  names?: string[];
}

/** One journey page, keyset over (timestamp, id) — stable while events keep arriving. */
export function journeyRows(db: Kysely<DB>, envId: string, p: JourneyParams) {
  let q = db
    .selectFrom('events')
    .innerJoin('customers', 'customers.id', 'events.customerId')
    .select(EVENT_COLUMNS)
    .where('events.environmentId', '=', envId)
    .where('events.customerId', '=', p.customerId)
    .where('customers.environmentId', '=', envId);
  if (p.start) q = q.where('events.timestamp', '>=', p.start);
  if (p.end) q = q.where('events.timestamp', '<', p.end);
  if (p.names?.length) q = q.where('events.name', 'in', p.names);
  if (p.after) {
    const { timestamp, id } = p.after;
    q = q.where(({ eb, refTuple, tuple }) =>
      eb(refTuple('events.timestamp', 'events.id'), p.order === 'asc' ? '>' : '<', tuple(timestamp, id)),
    );
  }
  return q.orderBy('events.timestamp', p.order).orderBy('events.id', p.order).limit(p.limit).execute();
}

/** Deletes one event, keeping its messageId taken; returns its customer. */
export async function deleteEventRow(trx: Transaction<DB>, envId: string, id: string, now: Date): Promise<string | null> {
  const row = await trx
    .deleteFrom('events')
    .where('environmentId', '=', envId)
    .where('id', '=', id)
    .returning(['customerId', 'messageId'])
    .executeTakeFirst();
  if (!row) return null;
  if (row.messageId) {
    await trx
      .insertInto('eventTombstones')
      .values({ environmentId: envId, messageId: row.messageId, eventId: id, deletedAt: now })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return row.customerId;
}
