import { ZCustomerStats } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';

export const getCustomerStatsMeta = restMeta({
  method: 'GET',
  path: '/customers/stats',
  tag: 'Customers',
  operationId: 'getCustomerStats',
  summary: 'Customer stats',
  description:
    'Counts live customers: `total`, `active` (an event in the last activeDays, as of the request), `atRisk` and `churned`, and `stages` with the count of every lifecycle stage (they sum to `total`). Stages are the stored ones, exact as of each customer’s `scoresComputedAt`.',
  permission: 'customers:read',
  examples: {
    response: {
      example: {
        stats: {
          total: 1284,
          active: 811,
          atRisk: 187,
          churned: 115,
          stages: { new: 96, dormant: 143, active: 702, reactivated: 41, atRisk: 187, churned: 115 },
        },
      },
    },
  },
});

export const ZGetCustomerStatsInput = z.object({}).optional();
export const ZGetCustomerStatsOutput = z.object({ stats: ZCustomerStats });
export type TGetCustomerStatsOutput = z.infer<typeof ZGetCustomerStatsOutput>;
