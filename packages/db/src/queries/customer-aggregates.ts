/**
 * The per-customer aggregates events maintain — count, revenue (= ltv), first/last event (from
 * which the database derives firstSeenAt) and acquisition (the earliest touchpoint) — folded in
 * set-based at ingest and recomputed from the remaining events after a deletion.
 */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../types';
import { markStaleFrom } from './score-queue';

/** What a batch of new events adds to one customer (computed by the caller from the rows it inserted). */
export interface CustomerDelta {
  customerId: string;
  events: number;
  revenueMinor: number;
  firstAt: Date;
  lastAt: Date;
}

/** The earliest new touchpoint of one customer. */
export interface TouchCandidate {
  customerId: string;
  eventId: string;
  at: Date;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  clickId: string | null;
  referrer: string | null;
  landingUrl: string | null;
}

/**
 * Folds new events into their customers' aggregates (count, revenue, first/last event; the
 * database derives firstSeenAt from them) and moves acquisition to an earlier touchpoint: one
 * statement each, with the per-customer figures passed as one jsonb parameter (no re-reading of
 * the events just written). The same statement marks the customers' scores stale (as of `at`),
 * so the background refresh finds them: no extra round trip, and never a lost mark.
 */
export async function applyCustomerDeltas(
  trx: Transaction<DB>,
  envId: string,
  deltas: CustomerDelta[],
  touches: TouchCandidate[],
  at: Date,
): Promise<void> {
  if (deltas.length) {
    const json = JSON.stringify(
      deltas.map((d) => ({ customer_id: d.customerId, n: d.events, revenue: d.revenueMinor, first_at: d.firstAt, last_at: d.lastAt })),
    );
    await sql`
      with updated as (
        update customers c set
          event_count = c.event_count + a.n,
          revenue_minor = c.revenue_minor + a.revenue,
          first_event_at = least(c.first_event_at, a.first_at),
          last_event_at = greatest(c.last_event_at, a.last_at)
        from jsonb_to_recordset(${json}::jsonb) as a(customer_id text, n int, revenue bigint, first_at timestamptz, last_at timestamptz)
        where c.environment_id = ${envId} and c.id = a.customer_id
        returning c.id
      )
      ${markStaleFrom(envId, sql`select id from updated`, at)}`.execute(trx);
  }
  if (touches.length) {
    const json = JSON.stringify(
      touches.map((t) => ({
        customer_id: t.customerId,
        id: t.eventId,
        at: t.at,
        source: t.source,
        medium: t.medium,
        campaign: t.campaign,
        click_id: t.clickId,
        referrer: t.referrer,
        landing_url: t.landingUrl,
      })),
    );
    await sql`
      update customers c set
        acq_event_id = t.id, acq_at = t.at, acq_source = t.source, acq_medium = t.medium, acq_campaign = t.campaign,
        acq_click_id = t.click_id, acq_referrer = t.referrer, acq_landing_url = t.landing_url
      from jsonb_to_recordset(${json}::jsonb) as t(customer_id text, id text, at timestamptz, source text, medium text,
        campaign text, click_id text, referrer text, landing_url text)
      where c.environment_id = ${envId} and c.id = t.customer_id
        and (c.acq_at is null or (t.at, t.id) < (c.acq_at, c.acq_event_id))`.execute(trx);
  }
}

/** Recomputes the aggregates and acquisition of customers from their remaining events, and marks their scores stale. */
export async function recomputeAggregates(trx: Transaction<DB>, envId: string, customerIds: string[], at: Date): Promise<void> {
  if (customerIds.length === 0) return;
  await sql`
    with updated as (
    update customers c set
      event_count = coalesce(a.n, 0),
      revenue_minor = coalesce(a.revenue, 0),
      first_event_at = a.first_at,
      last_event_at = a.last_at,
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
    where c.environment_id = ${envId} and c.id = k.id
    returning c.id
    )
    ${markStaleFrom(envId, sql`select id from updated`, at)}`.execute(trx);
}
