import { MAX_CALIBRATION_DAYS, MIN_CALIBRATION_DAYS, ZCalibrationAnswer } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';

export const getHealthCalibrationMeta = restMeta({
  method: 'GET',
  path: '/reports/health-calibration',
  tag: 'Analytics',
  operationId: 'getHealthCalibration',
  summary: 'Health calibration: does the score predict churn?',
  description:
    'Recomputes every customer’s health and risk band as of `asOf` = now − `days`, point in time: from the events with effective time up to then and the customer’s firstSeenAt, with the same formulas and the environment’s current settings. Customers first seen after asOf are left out, and so are those already churned at asOf. Per band (`low`, `medium`, `high`, and `none` for customers without events by then): how many customers, how many of them are churned now (their lifecycle stage), and that churn rate. A well-calibrated score shows a low rate for `low` and a high one for `high`. Served from a snapshot up to 60 s old (`x-cache`, `x-as-of`; `Cache-Control: no-cache` recomputes).',
  permission: 'analytics:read',
  examples: {
    response: {
      example: {
        days: 30,
        asOf: '2026-11-05T10:15:00.000Z',
        bands: [
          { band: 'low', customers: 1840, churnedSince: 22, churnRate: 0.012 },
          { band: 'medium', customers: 912, churnedSince: 71, churnRate: 0.0779 },
          { band: 'high', customers: 433, churnedSince: 151, churnRate: 0.3487 },
          { band: 'none', customers: 120, churnedSince: 0, churnRate: 0 },
        ],
        computedAt: '2026-12-05T10:15:00.000Z',
      },
    },
  },
});

export const ZGetHealthCalibrationInput = z.object({
  days: z
    .number()
    .int()
    .min(MIN_CALIBRATION_DAYS)
    .max(MAX_CALIBRATION_DAYS)
    .meta({ description: `How many days back to recompute the scores, ${MIN_CALIBRATION_DAYS}–${MAX_CALIBRATION_DAYS}` })
    .default(30),
});
export type TGetHealthCalibrationInput = z.input<typeof ZGetHealthCalibrationInput>;

export const ZGetHealthCalibrationOutput = ZCalibrationAnswer;
export type TGetHealthCalibrationOutput = z.infer<typeof ZGetHealthCalibrationOutput>;
