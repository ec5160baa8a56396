import { LTV_GROUP_BYS, MAX_LTV_MONTHS, ZLtvAnswer } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';
import { checkWindow, cohortWindowShape } from './cohort-window';

export const getLtvCohortsMeta = restMeta({
  method: 'GET',
  path: '/customers/ltv-cohorts',
  tag: 'Customers',
  operationId: 'getLtvCohorts',
  summary: 'LTV cohorts',
  description:
    'Lifetime value curves per cohort: for month m, the average revenue of the cohort’s customers in their first m+1 periods of 30 days, over the customers whose m+1 periods are complete (null while none are), and a `predictedLtv` = ARPA (revenue of the last 30 days per customer active now) / churn (customers who lapsed in the last 30 days over those not churned 30 days ago). Money in the workspace currency. Served from a snapshot up to 60 s old (`x-cache`, `x-as-of`; `Cache-Control: no-cache` recomputes).',
  permission: 'analytics:read',
  examples: {
    response: {
      example: {
        months: 3,
        groupBy: 'source',
        currency: 'USD',
        cohorts: [
          { cohort: 'google', size: 812, ltv: [41.27, 68.9, 83.14], predictedLtv: 212.5 },
          { cohort: '(none)', size: 301, ltv: [12.02, 19.75, null], predictedLtv: null },
        ],
        asOf: '2026-12-05T10:15:00.000Z',
      },
    },
  },
});

export const ZGetLtvCohortsInput = z
  .object({
    months: z
      .number()
      .int()
      .min(1)
      .max(MAX_LTV_MONTHS)
      .meta({ description: `Months per curve, 1–${MAX_LTV_MONTHS}` })
      .default(12),
    ...cohortWindowShape,
    groupBy: z
      .enum(LTV_GROUP_BYS)
      .meta({ description: 'Cohorts by acquisition `month` (UTC), or by acquisition `campaign` or `source`' })
      .default('month'),
  })
  .superRefine(checkWindow);
export type TGetLtvCohortsInput = z.input<typeof ZGetLtvCohortsInput>;

export const ZGetLtvCohortsOutput = ZLtvAnswer;
export type TGetLtvCohortsOutput = z.infer<typeof ZGetLtvCohortsOutput>;
