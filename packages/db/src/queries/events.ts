/** Event writes: set-based inserts with idempotency, deletion (the customer aggregates they move live in customer-aggregates.ts). */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../types';
import { isoStrings, withoutNulls } from './recordset-json';

/** A new event row; jsonb columns as values, serialized once for the whole batch. */
export interface NewEventRow {
  id: string;
  environmentId: string;
  customerId: string;
  name: string;
  properties: Record<string, unknown>;
  timestamp: Date;
  receivedAt: Date;
  effectiveAt: Date;
  revenueMinor: number | null;
  messageId: string | null;
  context: Record<string, unknown> | null;
  isTouchpoint: boolean;
  touchSource: string | null;
  touchMedium: string | null;
  touchCampaign: string | null;
}

/**
 * Inserts events of one environment; rows whose messageId is already stored are skipped. Returns
 * the inserted ids. The batch travels as one jsonb parameter (jsonb_to_recordset): for 1,000 rows
 * this binds and plans faster than 15,000 separate parameters.
 */
export async function insertEvents(trx: Transaction<DB>, envId: string, rows: NewEventRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const iso = isoStrings();
  const json = JSON.stringify(
    rows.map((r) => {
      if (r.environmentId !== envId) throw new Error('insertEvents: rows of another environment');
      return withoutNulls({
        id: r.id,
        customer_id: r.customerId,
        name: r.name,
        properties: r.properties,
        timestamp: iso(r.timestamp),
        received_at: iso(r.receivedAt),
        effective_at: iso(r.effectiveAt),
        revenue_minor: r.revenueMinor,
        message_id: r.messageId,
        context: r.context,
        is_touchpoint: r.isTouchpoint || null,
        touch_source: r.touchSource,
        touch_medium: r.touchMedium,
        touch_campaign: r.touchCampaign,
      });
    }),
  );
  const inserted = await sql<{ id: string }>`
    insert into events (id, environment_id, customer_id, name, properties, timestamp, received_at, effective_at,
      revenue_minor, message_id, context, is_touchpoint, touch_source, touch_medium, touch_campaign)
    select id, ${envId}, customer_id, name, properties, timestamp, received_at, effective_at,
      revenue_minor, message_id, context, coalesce(is_touchpoint, false), touch_source, touch_medium, touch_campaign
    from jsonb_to_recordset(${json}::jsonb) as x(id text, customer_id text, name text,
      properties jsonb, timestamp timestamptz, received_at timestamptz, effective_at timestamptz, revenue_minor bigint,
      message_id text, context jsonb, is_touchpoint boolean, touch_source text, touch_medium text, touch_campaign text)
    on conflict (environment_id, message_id) where message_id is not null do nothing
    returning id`.execute(trx);
  return new Set(inserted.rows.map((r) => r.id));
}

/** Stored event ids by messageId. */
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
  return found;
}

/** Deleted events' ids by messageId: their messageIds stay taken. */
export async function findTombstonedMessageIds(db: Kysely<DB>, envId: string, messageIds: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (messageIds.length === 0) return found;
  const gone = await db
    .selectFrom('eventTombstones')
    .select(['messageId', 'eventId'])
    .where('environmentId', '=', envId)
    .where('messageId', 'in', messageIds)
    .execute();
  for (const r of gone) found.set(r.messageId, r.eventId);
  return found;
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
