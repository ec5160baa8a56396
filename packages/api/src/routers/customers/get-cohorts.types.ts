import { COHORT_GROUP_BYS, MAX_RETENTION_PERIODS, RETENTION_CRITERIA, RETENTION_METRICS, ZRetentionAnswer } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';
import { checkWindow, cohortWindowShape } from './cohort-window';

export const getCohortsMeta = restMeta({
  method: 'GET',
  path: '/customers/cohorts',
  tag: 'Customers',
  operationId: 'getRetentionCohorts',
  summary: 'Retention cohorts',
  description:
    'A retention matrix: customers grouped by when (`week`, `month`) or where (`campaign`, `source`) they were acquired, and per period of their own lifetime (7 days for weeks, 30 otherwise, counted from each customer’s firstSeenAt) how many of those whose period had started were active in it (`criteria=on`) or in it or later (`on_or_after`), or how much revenue they brought relative to their first period (`metric=revenue`). Deleted customers stay in their cohorts; deleted events count nowhere. Answers are served from a snapshot up to 60 s old (`x-cache`, `x-as-of`; send `Cache-Control: no-cache` to recompute).',
  permission: 'analytics:read',
  examples: {
    response: {
      example: {
        groupBy: 'month',
        criteria: 'on',
        metric: 'customers',
        cohorts: [
          {
            cohort: '2026-09',
            size: 412,
            retention: [
              { period: 0, eligible: 412, active: 398, rate: 0.966 },
              { period: 1, eligible: 412, active: 201, rate: 0.4879 },
              { period: 2, eligible: 0, active: 0, rate: null },
            ],
          },
        ],
        summary: [
          { period: 0, eligible: 412, active: 398, rate: 0.966 },
          { period: 1, eligible: 412, active: 201, rate: 0.4879 },
          { period: 2, eligible: 0, active: 0, rate: null },
        ],
        asOf: '2026-12-05T10:15:00.000Z',
      },
    },
  },
});

export const ZGetCohortsInput = z
  .object({
    groupBy: z
      .enum(COHORT_GROUP_BYS)
      .meta({ description: 'Cohorts by acquisition `week` (ISO, Monday) or `month` (UTC), or by acquisition `campaign` or `source`' })
      .default('month'),
    ...cohortWindowShape,
    periods: z
      .number()
      .int()
      .min(1)
      .max(MAX_RETENTION_PERIODS)
      .meta({ description: `Periods per cohort, 1–${MAX_RETENTION_PERIODS}` })
      .default(12),
    criteria: z
      .enum(RETENTION_CRITERIA)
      .meta({ description: '`on`: active in the period; `on_or_after`: active in the period or any later one up to now' })
      .default('on'),
    metric: z
      .enum(RETENTION_METRICS)
      .meta({ description: '`customers` retained, or `revenue` of the period over the same customers’ first-period revenue' })
      .default('customers'),
  })
  .superRefine(checkWindow);
export type TGetCohortsInput = z.input<typeof ZGetCohortsInput>;

export const ZGetCohortsOutput = ZRetentionAnswer;
export type TGetCohortsOutput = z.infer<typeof ZGetCohortsOutput>;
