/**
 * One customer's attribution (`/customers/{id}/attribution`): its touchpoints, and every conversion
 * with the credits of the model (attribution-sql.ts).
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../types';
import { creditCtes } from './attribution-sql';
import type { ConversionFigure, CustomerAttributionFigures, CustomerAttributionQuery, TouchpointRow } from './report-types';
import { withAnalyticsTransaction } from './statement';

/** One row of the statement: a touchpoint (`kind` = 'touch') or a credit of a conversion ('credit'). */
interface Row {
  kind: 'touch' | 'credit';
  tpId: string | null;
  tpTimestamp: Date | null;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  clickId: string | null;
  referrer: string | null;
  url: string | null;
  convId: string | null;
  convTimestamp: Date | null;
  revenueMinor: number | null;
  weight: string | null;
  credited: string | null;
}

/**
 * One statement (one snapshot, so the touchpoints and the credits describe the same events): the
 * touchpoints in (effective time, id) order, then the credits in (conversion, touchpoint) order.
 */
export async function customerAttribution(
  db: Kysely<DB>,
  q: CustomerAttributionQuery,
  timeoutMs?: number,
): Promise<CustomerAttributionFigures> {
  const rows = await withAnalyticsTransaction(
    db,
    async (trx) =>
      (
        await sql<Row>`
        with ${creditCtes(q.envId, { customerId: q.customerId }, q.model, q.lookbackDays)}
        select * from (
          select 'touch' as kind, e.id as tp_id, e.timestamp as tp_timestamp, e.touch_source as source, e.touch_medium as medium,
            e.touch_campaign as campaign, e.context ->> 'clickId' as click_id, e.context ->> 'referrer' as referrer,
            e.context ->> 'url' as url, null as conv_id, null::timestamptz as conv_timestamp, null::float8 as revenue_minor,
            null as weight, null as credited, e.effective_at as k1, e.id as k2, null::timestamptz as k3, null as k4
          from events e
          where e.environment_id = ${q.envId} and e.customer_id = ${q.customerId} and e.is_touchpoint
          union all
          select 'credit', cw.tp_id, null, cw.source, cw.medium, cw.campaign, null, null, null, cw.conv_id, c.timestamp,
            cw.revenue_minor::float8, cw.weight::text, (cw.weight * cw.revenue_minor)::text, cw.conv_at, cw.conv_id, cw.tp_at, cw.tp_id
          from cw join events c on c.environment_id = ${q.envId} and c.id = cw.conv_id
        ) x
        order by kind desc, k1, k2, k3, k4`.execute(trx)
      ).rows,
    timeoutMs,
  );
  const touchpoints: TouchpointRow[] = [];
  const conversions: ConversionFigure[] = [];
  for (const r of rows) {
    if (r.kind === 'touch') {
      touchpoints.push({
        eventId: r.tpId as string,
        timestamp: new Date(r.tpTimestamp as Date),
        source: r.source,
        medium: r.medium,
        campaign: r.campaign,
        clickId: r.clickId,
        referrer: r.referrer,
        url: r.url,
      });
      continue;
    }
    let conv = conversions.at(-1);
    if (!conv || conv.eventId !== r.convId) {
      conv = {
        eventId: r.convId as string,
        timestamp: new Date(r.convTimestamp as Date),
        revenueMinor: Number(r.revenueMinor),
        credits: [],
      };
      conversions.push(conv);
    }
    conv.credits.push({
      touchpointEventId: r.tpId,
      source: r.source,
      medium: r.medium,
      campaign: r.campaign,
      weight: r.weight as string,
      revenueMinor: r.credited as string,
    });
  }
  return { touchpoints, conversions };
}
