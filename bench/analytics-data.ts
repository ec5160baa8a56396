/**
 * Loads demo data straight into a bench database for the analytics benchmark: customers and
 * events from the demo generator (the rows ingestion would write, with effective time and touch
 * columns derived the same way), multi-row INSERTs of 5,000 rows per statement (one jsonb
 * parameter each), then the customers' aggregates and their rollups by the code the write path
 * and the background drain run (recomputeAggregates marks every customer; drainStaleScores
 * builds the rollups and scores). HTTP ingestion of 5M events would take most of an hour.
 */
import { newId } from '@tenure/contract';
import { demoCustomer, drainStaleScores, touchOf } from '@tenure/core';
import { customerAggregateQueries, type Database, sql } from '@tenure/db';
import type pg from 'pg';

export interface DemoSize {
  label: string;
  customers: number;
  months: number;
}

export interface LoadedData {
  customers: number;
  events: number;
  loadSeconds: number;
  drainSeconds: number;
}

const CHUNK = 5000;

async function insertChunk(pool: pg.Pool, table: 'customers' | 'events', rows: Record<string, unknown>[]): Promise<void> {
  if (table === 'customers') {
    await pool.query(
      `insert into customers (id, environment_id, external_id, email, name, company, plan, attributes, created_at, updated_at)
       select id, environment_id, external_id, email, name, company, plan, attributes, created_at, updated_at
       from jsonb_to_recordset($1::jsonb) as x(id text, environment_id text, external_id text, email text, name text, company text,
         plan text, attributes jsonb, created_at timestamptz, updated_at timestamptz)`,
      [JSON.stringify(rows)],
    );
    return;
  }
  await pool.query(
    `insert into events (id, environment_id, customer_id, name, properties, timestamp, received_at, effective_at, revenue_minor,
       message_id, context, is_touchpoint, touch_source, touch_medium, touch_campaign)
     select id, environment_id, customer_id, name, properties, timestamp, received_at, effective_at, revenue_minor,
       message_id, context, is_touchpoint, touch_source, touch_medium, touch_campaign
     from jsonb_to_recordset($1::jsonb) as x(id text, environment_id text, customer_id text, name text, properties jsonb,
       timestamp timestamptz, received_at timestamptz, effective_at timestamptz, revenue_minor bigint, message_id text,
       context jsonb, is_touchpoint boolean, touch_source text, touch_medium text, touch_campaign text)`,
    [JSON.stringify(rows)],
  );
}

/** Generates `size` with the demo generator (seed 42) and loads it into the environment. */
export async function loadDemo(database: Database, pool: pg.Pool, envId: string, size: DemoSize): Promise<LoadedData> {
  const started = performance.now();
  const now = new Date();
  const receivedAt = now.toISOString();
  const opts = { customers: size.customers, months: size.months, seed: 42, now };
  let customers: Record<string, unknown>[] = [];
  let events: Record<string, unknown>[] = [];
  const ids: string[] = [];
  let eventCount = 0;
  const pending: Promise<void>[] = [];
  // One events INSERT runs while the next chunk is generated; the customers an events chunk
  // references are inserted (awaited) before it is sent.
  const flush = async (force: boolean) => {
    if (events.length < CHUNK && !(force && (events.length || customers.length))) return;
    if (customers.length) {
      await insertChunk(pool, 'customers', customers);
      customers = [];
    }
    await Promise.all(pending.splice(0));
    if (events.length) pending.push(insertChunk(pool, 'events', events));
    events = [];
  };
  for (let i = 0; i < size.customers; i++) {
    const demo = demoCustomer(opts, i);
    const id = newId('customer', Date.parse(demo.customer.createdAt as string));
    ids.push(id);
    const c = demo.customer;
    customers.push({
      id,
      environment_id: envId,
      external_id: c.externalId,
      email: c.email,
      name: c.name,
      company: c.company,
      plan: c.plan,
      attributes: c.attributes,
      created_at: c.createdAt,
      updated_at: receivedAt,
    });
    for (const e of demo.events) {
      const touch = touchOf(e.context as never);
      const revenue = typeof e.revenue === 'number' ? Math.sign(e.revenue) * Math.round(Math.abs(e.revenue) * 100) : null;
      events.push({
        id: newId('event', Date.parse(e.timestamp)),
        environment_id: envId,
        customer_id: id,
        name: e.name,
        properties: e.properties ?? {},
        timestamp: e.timestamp,
        received_at: receivedAt,
        // Demo timestamps are never in the future: the effective time is the timestamp.
        effective_at: e.timestamp,
        revenue_minor: revenue,
        message_id: e.messageId,
        context: e.context ?? null,
        is_touchpoint: touch.isTouchpoint,
        touch_source: touch.source,
        touch_medium: touch.medium,
        touch_campaign: touch.campaign,
      });
      eventCount++;
    }
    await flush(false);
  }
  await flush(true);
  await Promise.all(pending);
  // Aggregates (count, revenue, first/last event, acquisition) exactly as ingestion keeps them; marks every customer.
  for (let i = 0; i < ids.length; i += CHUNK) {
    await database.db
      .transaction()
      .execute((trx) => customerAggregateQueries.recomputeAggregates(trx, envId, ids.slice(i, i + CHUNK), now));
  }
  // Statistics first, as autovacuum would have them after a bulk load: planned without them, the
  // drain's per-customer index probes become scans of the whole events table.
  await sql`analyze`.execute(database.db);
  const loaded = performance.now();
  // The background drain: rollups (and scores) of every marked customer, chunk by chunk.
  await drainStaleScores(database.db, envId);
  await drainStaleScores(database.db, envId);
  const drained = performance.now();
  await sql`vacuum analyze`.execute(database.db);
  return {
    customers: size.customers,
    events: eventCount,
    loadSeconds: (loaded - started) / 1000,
    drainSeconds: (drained - loaded) / 1000,
  };
}
