/**
 * Attribution, reports and health calibration (ANALYTICS.md). Frozen once landed.
 *
 * - Two partial indexes on events: conversions (revenue > 0) by effective time and touchpoints by
 *   customer and effective time, each carrying the columns attribution reads, so `/attribution`
 *   joins two small index-only ranges instead of scanning every event twice. Only those rows
 *   (a few percent of events) enter them, which keeps the ingest's extra index work small.
 * - The first and last effective time of each active UTC day in the per-customer rollup: the
 *   exact instants that reports' churn moments (the last event before a gap, and the gap to the
 *   next one) and calibration's last activity as of a past time need, without one index probe
 *   per customer.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index events_env_conversion_idx on events (environment_id, effective_at, id)
    include (customer_id, revenue_minor) where revenue_minor > 0`.execute(db);
  await sql`create index events_env_touch_idx on events (environment_id, customer_id, effective_at, id)
    include (touch_source, touch_medium, touch_campaign) where is_touchpoint`.execute(db);
  // Element i: the earliest / latest effective time on the UTC day active_days[i].
  await sql`alter table customer_rollups add column day_first timestamptz[], add column day_last timestamptz[]`.execute(db);
  // Stored rows lack the new arrays: mark every customer, so the next drain rebuilds its row
  // (until then the queries compute marked customers' rows from their events, exact meanwhile).
  await sql`insert into score_refresh_queue (environment_id, customer_id, queued_at)
    select environment_id, id, now() from customers
    on conflict (environment_id, customer_id) do update set version = excluded.version`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table customer_rollups drop column day_first, drop column day_last`.execute(db);
  await sql`drop index if exists events_env_touch_idx`.execute(db);
  await sql`drop index if exists events_env_conversion_idx`.execute(db);
}
