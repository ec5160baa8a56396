/** Reading events: the explorer list, one event, and journey pages (keyset over timestamp, id). */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../types';
import { likePattern } from './customers-read';

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
  /** Customers whose email or name contains this (case-insensitive, literal). */
  customerText?: string;
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
  if (f.customerText) {
    const p = likePattern(f.customerText);
    q = q.where((eb) => eb.or([eb('customers.email', 'ilike', p), eb('customers.name', 'ilike', p)]));
  }
  if (f.name) q = q.where('events.name', '=', f.name);
  if (f.start) q = q.where('events.timestamp', '>=', f.start);
  if (f.end) q = q.where('events.timestamp', '<', f.end);
  return q;
}

/** A page of the explorer, newest first, with each event's customer's name and email from the same join. */
export function listEventRows(db: Kysely<DB>, envId: string, f: EventFilters, offset: number, limit: number) {
  return listBase(db, envId, f)
    .select(EVENT_COLUMNS)
    .select(['customers.name as customerName', 'customers.email as customerEmail'])
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
  limit: number;
  order: 'asc' | 'desc';
  after?: { timestamp: Date; id: string };
  start?: Date;
  end?: Date;
  names?: string[];
}

export type JourneyCustomerKey = { id: string } | { externalId: string };

/**
 * One journey page, keyset over (timestamp, id) — stable while events keep arriving — in one
 * statement: the live customer (by id or external id) drives a lateral index range scan of its
 * events. `found` is false when there is no such customer.
 */
export async function journeyPage(
  db: Kysely<DB>,
  envId: string,
  key: JourneyCustomerKey,
  p: JourneyParams,
): Promise<{ found: boolean; rows: EventRowView[] }> {
  const found = await db
    .selectFrom('customers')
    .leftJoinLateral(
      (eb) => {
        let q = eb
          .selectFrom('events')
          .select([
            'events.id',
            'events.customerId',
            'events.name',
            'events.properties',
            'events.timestamp',
            'events.receivedAt',
            'events.revenueMinor',
            'events.messageId',
            'events.context',
            'events.isTouchpoint',
          ])
          .where('events.environmentId', '=', envId)
          .whereRef('events.customerId', '=', 'customers.id');
        if (p.start) q = q.where('events.timestamp', '>=', p.start);
        if (p.end) q = q.where('events.timestamp', '<', p.end);
        if (p.names?.length) q = q.where('events.name', 'in', p.names);
        if (p.after) {
          const { timestamp, id } = p.after;
          q = q.where(({ eb: e, refTuple, tuple }) =>
            e(refTuple('events.timestamp', 'events.id'), p.order === 'asc' ? '>' : '<', tuple(timestamp, id)),
          );
        }
        return q.orderBy('events.timestamp', p.order).orderBy('events.id', p.order).limit(p.limit).as('e');
      },
      (join) => join.onTrue(),
    )
    .select([
      'customers.externalId',
      'e.id',
      'e.customerId',
      'e.name',
      'e.properties',
      'e.timestamp',
      'e.receivedAt',
      'e.revenueMinor',
      'e.messageId',
      'e.context',
      'e.isTouchpoint',
    ])
    .where('customers.environmentId', '=', envId)
    .where('customers.deletedAt', 'is', null)
    .where((eb) => ('id' in key ? eb('customers.id', '=', key.id) : eb('customers.externalId', '=', key.externalId)))
    .orderBy('e.timestamp', p.order)
    .orderBy('e.id', p.order)
    .execute();
  // A customer without events in range comes back as one row of nulls.
  const rows = found.filter((r): r is typeof r & { id: string } => r.id !== null) as EventRowView[];
  return { found: found.length > 0, rows };
}
