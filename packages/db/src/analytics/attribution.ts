/**
 * `/attribution`: the credits of every conversion with effective time in `[start, end)` summed by
 * the touchpoint's source, campaign or medium, in one statement (attribution-sql.ts). Sums are of
 * the unrounded numeric weights; rounding and order are the caller's (core).
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../types';
import { creditCtes } from './attribution-sql';
import type { AttributionFigure, AttributionGroupBy, AttributionQuery } from './report-types';
import { withAnalyticsTransaction } from './statement';

const DIRECT = '(direct)';
const NONE = '(none)';

function keyColumn(groupBy: AttributionGroupBy) {
  const column = groupBy === 'source' ? sql.ref('source') : groupBy === 'campaign' ? sql.ref('campaign') : sql.ref('medium');
  return sql`case when tp_id is null then ${DIRECT}::text else coalesce(${column}, ${NONE}::text) end`;
}

export async function attribution(db: Kysely<DB>, q: AttributionQuery, timeoutMs?: number): Promise<AttributionFigure[]> {
  return withAnalyticsTransaction(
    db,
    async (trx) =>
      (
        await sql<AttributionFigure>`
        with ${creditCtes(q.envId, { window: { start: q.start, end: q.end, includeEnd: q.includeEnd } }, q.model, q.lookbackDays)}
        select ${keyColumn(q.groupBy)} as key, sum(weight)::text as conversions, sum(weight * revenue_minor)::text as revenue_minor
        from cw
        -- first/last touch give the other touchpoints weight 0: they credit nothing.
        where weight > 0
        group by 1`.execute(trx)
      ).rows,
    timeoutMs,
  );
}
