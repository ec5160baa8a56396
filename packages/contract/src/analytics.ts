/**
 * The analytics boundary (STYLE.md "Analytics behind one boundary"): settings, and the plain-data
 * queries and results an analytics engine answers. No database type crosses it, so another engine
 * (a column store) can serve the same questions.
 */
import { z } from 'zod';
import { LIFECYCLE_STAGES, RISK_LEVELS } from './customer';

/** Weights are compared to 1 with this tolerance: 0.1 + 0.2 + 0.7 is not exactly 1 in binary. */
export const WEIGHT_SUM_TOLERANCE = 1e-9;

export const ANALYTICS_DEFAULTS = {
  activeDays: 30,
  churnDays: 60,
  newDays: 14,
  reactivationGapDays: 60,
  recencyHorizonDays: 60,
  engagementTarget: 20,
  weights: { recency: 0.5, engagement: 0.35, monetary: 0.15 },
  lowRiskMin: 70,
  mediumRiskMin: 40,
  allowPublishableRevenue: false,
} as const;

const days = (max: number, description: string) =>
  z.number().int('Must be a whole number of days').min(1, 'Must be at least 1 day').max(max, `At most ${max} days`).meta({ description });

const weight = (description: string) => z.number().min(0, 'Weights are at least 0').max(1, 'Weights are at most 1').meta({ description });

export const ZHealthWeights = z
  .object({
    recency: weight('Weight of the recency component R'),
    engagement: weight('Weight of the engagement score'),
    monetary: weight('Weight of the monetary trend component M'),
  })
  .refine((w) => Math.abs(w.recency + w.engagement + w.monetary - 1) <= WEIGHT_SUM_TOLERANCE, 'Weights must sum to 1')
  .meta({ description: 'Weights of the health components (each ≥ 0, summing to 1)' });

const riskMin = (description: string) => z.number().min(0).max(100).meta({ description });

/** Every field of the settings, without defaults: the shape of a partial update. */
const settingsShape = {
  activeDays: days(365, 'A customer is active with an event in the last activeDays'),
  churnDays: days(730, 'Churned: no event in the last churnDays (and first seen before then)'),
  newDays: days(365, 'New: first seen in the last newDays'),
  reactivationGapDays: days(730, 'Reactivated: an event in the last 30 days after a gap of at least this many days'),
  recencyHorizonDays: days(730, 'Recency R falls linearly to 0 over this many days without events'),
  engagementTarget: z
    .number()
    .int('Must be a whole number of events')
    .min(1, 'Must be at least 1')
    .max(1_000_000)
    .meta({ description: 'Events in 30 days that make the engagement score 100' }),
  weights: ZHealthWeights,
  lowRiskMin: riskMin('Health from which the risk level is low'),
  mediumRiskMin: riskMin('Health from which the risk level is medium (below: high)'),
  allowPublishableRevenue: z.boolean().meta({ description: 'Publishable keys may send revenue with events' }),
};

const riskOrder = (s: { lowRiskMin: number; mediumRiskMin: number }) => s.lowRiskMin > s.mediumRiskMin;
const riskOrderIssue = { message: 'lowRiskMin must be greater than mediumRiskMin', path: ['lowRiskMin'] };

/** Per-environment settings with ANALYTICS.md's defaults; stored ones are parsed with it. */
export const ZAnalyticsSettings = z
  .object({
    activeDays: settingsShape.activeDays.default(ANALYTICS_DEFAULTS.activeDays),
    churnDays: settingsShape.churnDays.default(ANALYTICS_DEFAULTS.churnDays),
    newDays: settingsShape.newDays.default(ANALYTICS_DEFAULTS.newDays),
    reactivationGapDays: settingsShape.reactivationGapDays.default(ANALYTICS_DEFAULTS.reactivationGapDays),
    recencyHorizonDays: settingsShape.recencyHorizonDays.default(ANALYTICS_DEFAULTS.recencyHorizonDays),
    engagementTarget: settingsShape.engagementTarget.default(ANALYTICS_DEFAULTS.engagementTarget),
    weights: settingsShape.weights.default({ ...ANALYTICS_DEFAULTS.weights }),
    lowRiskMin: settingsShape.lowRiskMin.default(ANALYTICS_DEFAULTS.lowRiskMin),
    mediumRiskMin: settingsShape.mediumRiskMin.default(ANALYTICS_DEFAULTS.mediumRiskMin),
    allowPublishableRevenue: settingsShape.allowPublishableRevenue.default(ANALYTICS_DEFAULTS.allowPublishableRevenue),
  })
  .refine(riskOrder, riskOrderIssue)
  .meta({ id: 'AnalyticsSettings', description: 'Analytics settings of an environment (ANALYTICS.md)' });
export type TAnalyticsSettings = z.infer<typeof ZAnalyticsSettings>;

/** A partial update: omitted fields keep their value; `weights` is given whole (it must sum to 1). */
export const ZAnalyticsSettingsPatch = z.strictObject(settingsShape).partial();
export type TAnalyticsSettingsPatch = z.infer<typeof ZAnalyticsSettingsPatch>;

/** The settings the stored scores depend on: changing any of them recomputes every customer. */
export const SCORE_SETTINGS = [
  'churnDays',
  'newDays',
  'reactivationGapDays',
  'recencyHorizonDays',
  'engagementTarget',
  'weights',
  'lowRiskMin',
  'mediumRiskMin',
] as const satisfies readonly (keyof TAnalyticsSettings)[];

const count = (description: string) => z.number().int().min(0).meta({ description });

/** `/customers/stats` (ANALYTICS.md): live customers only; `stages` sum to `total`. */
export const ZCustomerStats = z
  .object({
    total: count('Live (not deleted) customers'),
    active: count('Live customers with an event in the last activeDays'),
    atRisk: count('Live customers in the at_risk stage'),
    churned: count('Live customers in the churned stage'),
    stages: z
      .object({
        new: count('Stage new'),
        dormant: count('Stage dormant'),
        active: count('Stage active'),
        reactivated: count('Stage reactivated'),
        atRisk: count('Stage at_risk'),
        churned: count('Stage churned'),
      })
      .meta({ description: 'Live customers per lifecycle stage' }),
  })
  .meta({ id: 'CustomerStats', description: 'Customer counts by activity and lifecycle stage' });
export type TCustomerStats = z.infer<typeof ZCustomerStats>;

export const ZCustomerStatsQuery = z.object({
  envId: z.string(),
  /** Only `activeDays` is read: the stages are the stored ones. */
  settings: z.object({ activeDays: z.number().int().min(1) }),
  now: z.date(),
});
export type TCustomerStatsQuery = z.infer<typeof ZCustomerStatsQuery>;

/** Score settings as the engine needs them (allowPublishableRevenue and activeDays play no part). */
export const ZScoreSettings = z.object({
  churnDays: z.number(),
  newDays: z.number(),
  reactivationGapDays: z.number(),
  recencyHorizonDays: z.number(),
  engagementTarget: z.number(),
  weights: z.object({ recency: z.number(), engagement: z.number(), monetary: z.number() }),
  lowRiskMin: z.number(),
  mediumRiskMin: z.number(),
});
export type TScoreSettings = z.infer<typeof ZScoreSettings>;

/** The largest set one refresh statement takes; callers chunk bigger ones. */
export const MAX_REFRESH_SET = 10_000;

const refreshCommon = { envId: z.string(), settings: ZScoreSettings, now: z.date() };

/** Refresh the stored scores of given customers, or of the next chunk of an environment in id order. */
export const ZScoreRefreshInput = z.union([
  z.object({ ...refreshCommon, customerIds: z.array(z.string()).max(MAX_REFRESH_SET) }),
  z.object({ ...refreshCommon, afterId: z.string().nullable(), limit: z.number().int().min(1).max(MAX_REFRESH_SET) }),
]);
export type TScoreRefreshInput = z.infer<typeof ZScoreRefreshInput>;

export const ZScoreRefreshResult = z.object({
  /** Live customers whose scores were computed. */
  examined: z.number().int(),
  /** Of those, the ones whose stored scores changed (and were rewritten). */
  changed: z.number().int(),
  /** Lifecycle and risk transitions recorded. */
  transitions: z.number().int(),
  /** The largest customer id examined (the next chunk starts after it); null when none. */
  lastId: z.string().nullable(),
});
export type TScoreRefreshResult = z.infer<typeof ZScoreRefreshResult>;

export const TRANSITION_KINDS = ['lifecycle', 'risk'] as const;

/** A change of lifecycle stage or risk level, as recorded by a score refresh. */
export const ZCustomerTransition = z.object({
  id: z.string().meta({ description: 'Position in the environment’s transition log (a decimal integer)' }),
  customerId: z.string(),
  kind: z.enum(TRANSITION_KINDS),
  from: z.union([z.enum(LIFECYCLE_STAGES), z.enum(RISK_LEVELS)]).nullable(),
  to: z.union([z.enum(LIFECYCLE_STAGES), z.enum(RISK_LEVELS)]).nullable(),
  health: z.number().int().nullable(),
  previousHealth: z.number().int().nullable(),
  at: z.date(),
});
export type TCustomerTransition = z.infer<typeof ZCustomerTransition>;

/** Transitions in (at, id) order after a cursor; optionally of one customer. */
export const ZTransitionQuery = z.object({
  envId: z.string(),
  customerId: z.string().optional(),
  after: z.object({ at: z.date(), id: z.string() }).nullable().optional(),
  limit: z.number().int().min(1).max(1000),
});
export type TTransitionQuery = z.infer<typeof ZTransitionQuery>;

/** Why every customer of an environment is recomputed. */
export const RECOMPUTE_REASONS = ['settings', 'hourly', 'manual'] as const;

/** The latest full recompute of an environment's scores: what the settings page shows as progress. */
export const ZRecomputeStatus = z.object({
  reason: z.enum(RECOMPUTE_REASONS),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  /** Live customers when it started (null while queued). */
  total: z.number().int().nullable(),
  examined: z.number().int(),
  changed: z.number().int(),
  transitions: z.number().int(),
  error: z.string().nullable(),
  requestedAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type TRecomputeStatus = z.infer<typeof ZRecomputeStatus>;
