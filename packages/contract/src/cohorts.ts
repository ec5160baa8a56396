/**
 * Retention and LTV cohorts (ANALYTICS.md "Retention cohorts", "LTV") across the analytics
 * boundary: the answers' schemas (REST, tRPC, the SPA) and the plain-data questions and exact
 * figures an analytics engine exchanges with core. No database type crosses it.
 */
import { z } from 'zod';

export const COHORT_GROUP_BYS = ['week', 'month', 'campaign', 'source'] as const;
export const LTV_GROUP_BYS = ['month', 'campaign', 'source'] as const;
export const RETENTION_CRITERIA = ['on', 'on_or_after'] as const;
export const RETENTION_METRICS = ['customers', 'revenue'] as const;
export type TCohortGroupBy = (typeof COHORT_GROUP_BYS)[number];
export type TLtvGroupBy = (typeof LTV_GROUP_BYS)[number];

export const MAX_RETENTION_PERIODS = 52;
export const MAX_LTV_MONTHS = 36;

const count = (description: string) => z.number().int().min(0).meta({ description });
const rate = z
  .number()
  .nullable()
  .meta({ description: 'Retention rate, 4 decimal places (half away from zero); null when its denominator is 0 (or ≤ 0 for revenue)' });
const asOf = z.string().meta({
  description: 'When the answer was computed (`now` of its definitions); a cached answer is up to 60 s old',
  example: '2026-12-05T10:15:00.000Z',
});

export const ZRetentionCell = z
  .object({
    period: count('Period index k, from 0: the customer’s own [firstSeenAt + k·L, firstSeenAt + (k+1)·L)'),
    eligible: count('Cohort customers whose period k has started'),
    active: count('Eligible customers with an event in period k (criteria=on) or in period k or later (on_or_after)'),
    rate,
  })
  .meta({ id: 'RetentionCell', description: 'One period of a retention row (metric=customers)' });

export const ZRevenueRetentionCell = z
  .object({
    period: count('Period index k, from 0'),
    eligible: count('Cohort customers whose period k has started'),
    revenue: z.number().meta({ description: 'Revenue of the eligible customers in their own period k, in the workspace currency' }),
    rate,
  })
  .meta({
    id: 'RevenueRetentionCell',
    description: 'One period of a revenue-retention row: revenue over the same customers’ period-0 revenue (metric=revenue)',
  });

const ZCells = z
  .array(z.union([ZRetentionCell, ZRevenueRetentionCell]))
  .meta({ description: 'Periods 0 … periods−1 in order; revenue cells with metric=revenue' });

export const ZRetentionCohort = z
  .object({
    cohort: z.string().meta({
      description: '`YYYY-MM` (month), the ISO week’s Monday `YYYY-MM-DD` (week), or the acquisition campaign/source (`(none)` when null)',
    }),
    size: count('Customers in the cohort (deleted customers stay in their cohort)'),
    retention: ZCells,
  })
  .meta({ id: 'RetentionCohort', description: 'One cohort’s retention row' });

export const ZRetentionAnswer = z
  .object({
    groupBy: z.enum(COHORT_GROUP_BYS).meta({ description: 'How customers were grouped into cohorts' }),
    criteria: z.enum(RETENTION_CRITERIA).meta({ description: 'What counts as retained in a period' }),
    metric: z.enum(RETENTION_METRICS).meta({ description: 'Customers retained, or revenue retained' }),
    cohorts: z.array(ZRetentionCohort).meta({
      description: 'Time cohorts ascending; campaign and source cohorts by size descending, then name',
    }),
    summary: ZCells.meta({ description: 'Per period, the cohorts’ sums: Σ active / Σ eligible (or Σ revenue / Σ period-0 revenue)' }),
    asOf,
  })
  .meta({ id: 'RetentionCohorts', description: 'A retention matrix (ANALYTICS.md "Retention cohorts")' });
export type TRetentionAnswer = z.infer<typeof ZRetentionAnswer>;

export const ZLtvCohort = z
  .object({
    cohort: z.string().meta({ description: '`YYYY-MM` (month) or the acquisition campaign/source (`(none)` when null)' }),
    size: count('Customers in the cohort (deleted customers included)'),
    ltv: z.array(z.number().nullable()).meta({
      description:
        'Month m: average revenue per customer in their first m+1 periods of 30 days, over the customers whose m+1 periods are complete; null when none are',
    }),
    predictedLtv: z.number().nullable().meta({
      description: 'ARPA / churn, 2 decimals; null when no customer is active now, none was active 30 days ago, or none lapsed',
    }),
  })
  .meta({ id: 'LtvCohort', description: 'One cohort’s LTV curve' });

export const ZLtvAnswer = z
  .object({
    months: z.number().int().min(1).meta({ description: 'Months per curve' }),
    groupBy: z.enum(LTV_GROUP_BYS).meta({ description: 'How customers were grouped into cohorts' }),
    currency: z.string().meta({ description: 'ISO 4217 code of the money amounts (the workspace currency)', example: 'USD' }),
    cohorts: z.array(ZLtvCohort).meta({ description: 'Months ascending; campaign and source cohorts by size descending, then name' }),
    asOf,
  })
  .meta({ id: 'LtvCohorts', description: 'LTV curves per cohort (ANALYTICS.md "LTV")' });
export type TLtvAnswer = z.infer<typeof ZLtvAnswer>;

/** A question to an analytics engine: an acquisition window `[start, end)` on firstSeenAt (null: open). */
interface WindowQuery {
  envId: string;
  start: Date | null;
  end: Date | null;
  now: Date;
}

export interface TRetentionQuery extends WindowQuery {
  groupBy: TCohortGroupBy;
  periods: number;
  criteria: (typeof RETENTION_CRITERIA)[number];
  metric: (typeof RETENTION_METRICS)[number];
}

/** Exact integers per period k (index k); money in minor units; unused arrays empty. */
export interface TRetentionCohortCounts {
  cohort: string;
  size: number;
  eligible: number[];
  active: number[];
  revenue: number[];
  base: number[];
}

export interface TLtvQuery extends WindowQuery {
  groupBy: TLtvGroupBy;
  months: number;
  settings: { activeDays: number; churnDays: number };
}

/** Exact integers per month m (index m); money in minor units. */
export interface TLtvCohortCounts {
  cohort: string;
  size: number;
  eligible: number[];
  revenue: number[];
  revenue30: number;
  activeNow: number;
  lapsed: number;
  notChurned: number;
}

export interface TRollupRefreshInput {
  envId: string;
  customerIds: string[];
}

export interface TRollupRefreshResult {
  examined: number;
  written: number;
}
