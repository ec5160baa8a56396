/**
 * Reports and health calibration (ANALYTICS.md "Reports", "Beyond the usual") across the
 * analytics boundary: the answers' schemas and the plain-data questions and exact figures an
 * analytics engine exchanges with core.
 */
import { z } from 'zod';
import type { TScoreSettings } from './analytics';
import { isoTime } from './customer';

export const REPORT_RANGES = ['7d', '30d', '90d'] as const;
export type TReportRange = (typeof REPORT_RANGES)[number];
export const REPORT_METRICS = ['events', 'activeCustomers', 'newCustomers', 'churnedCustomers', 'revenue'] as const;
export type TReportMetric = (typeof REPORT_METRICS)[number];
export const REPORT_INTERVALS = ['day', 'week'] as const;
export type TReportInterval = (typeof REPORT_INTERVALS)[number];

export const REPORT_METRIC_DESCRIPTIONS: Record<TReportMetric, string> = {
  events: 'Events with effective time in the window',
  activeCustomers: 'Distinct customers with an event in the window',
  newCustomers: 'Customers first seen in the window',
  churnedCustomers:
    'Distinct customers with a churn moment in the window: e + churnDays for an event e whose next event came more than churnDays later (or never), firstSeenAt + churnDays without events; moments up to now only',
  revenue: 'Revenue of the events in the window (refunds negative), in the workspace currency, 2 decimal places',
};

const count = (description: string) => z.number().int().min(0).optional().meta({ description });

/** The metrics asked for; the others are left out. Deleted customers and their events count (history stays put). */
const metricsShape = {
  events: count(REPORT_METRIC_DESCRIPTIONS.events),
  activeCustomers: count(REPORT_METRIC_DESCRIPTIONS.activeCustomers),
  newCustomers: count(REPORT_METRIC_DESCRIPTIONS.newCustomers),
  churnedCustomers: count(REPORT_METRIC_DESCRIPTIONS.churnedCustomers),
  revenue: z.number().optional().meta({ description: REPORT_METRIC_DESCRIPTIONS.revenue, example: 1249.5 }),
};

export const ZReportMetrics = z
  .object(metricsShape)
  .meta({ id: 'ReportMetrics', description: 'The metrics asked for over one window (the others are left out)' });
export type TReportMetrics = z.infer<typeof ZReportMetrics>;

export const ZReportPoint = z
  .object({
    date: z
      .string()
      .meta({ description: 'First day of the bucket (the UTC day, or the ISO week’s Monday), `YYYY-MM-DD`', example: '2026-11-30' }),
    ...metricsShape,
  })
  .meta({ id: 'ReportPoint', description: 'One bucket of the series, counted over its intersection with the window' });

export const ZReportAnswer = z
  .object({
    range: z.enum(REPORT_RANGES).nullable().meta({ description: 'The range asked for; null for an explicit start/end' }),
    interval: z.enum(REPORT_INTERVALS).meta({ description: 'Bucket size of the series' }),
    start: isoTime('Start of the window: excluded for a range (the last N days are (now − N d, now]), included for start/end'),
    end: isoTime('End of the window: included for a range (now), excluded for start/end'),
    previousStart: isoTime('Start of the previous window of equal length, just before'),
    previousEnd: isoTime('End of the previous window (= start)'),
    currency: z.string().meta({ description: 'ISO 4217 code of revenue (the workspace currency)', example: 'USD' }),
    totals: ZReportMetrics.meta({
      description: 'The metrics over the whole window (activeCustomers distinct over it, not a sum of buckets)',
    }),
    previous: ZReportMetrics.meta({ description: 'The same metrics over the previous window' }),
    series: z.array(ZReportPoint).meta({ description: 'One bucket per UTC day (or ISO week) touching the window, in order' }),
    asOf: isoTime('When the answer was computed (`now` of the range); a cached answer is up to 60 s old'),
  })
  .meta({
    id: 'Report',
    description: 'How the business moves: metrics over a window, the previous window and a series (ANALYTICS.md "Reports")',
  });
export type TReportAnswer = z.infer<typeof ZReportAnswer>;

export const CALIBRATION_BANDS = ['low', 'medium', 'high', 'none'] as const;
export type TCalibrationBand = (typeof CALIBRATION_BANDS)[number];
export const MIN_CALIBRATION_DAYS = 7;
export const MAX_CALIBRATION_DAYS = 180;

export const ZCalibrationBand = z
  .object({
    band: z.enum(CALIBRATION_BANDS).meta({ description: 'Risk level as of asOf (`none`: no events before asOf, so no health)' }),
    customers: z
      .number()
      .int()
      .min(0)
      .meta({ description: 'Customers in the band as of asOf (first seen by then and not yet churned)', example: 412 }),
    churnedSince: z.number().int().min(0).meta({ description: 'Of those, the ones whose lifecycle stage is `churned` now', example: 37 }),
    churnRate: z
      .number()
      .nullable()
      .meta({ description: 'churnedSince / customers, 4 decimal places; null when the band is empty', example: 0.0898 }),
  })
  .meta({ id: 'CalibrationBand', description: 'One risk band of the calibration' });

export const ZCalibrationAnswer = z
  .object({
    days: z.number().int().meta({ description: 'How far back the scores were recomputed', example: 30 }),
    asOf: isoTime('The point in time of the recomputed health: now − days'),
    bands: z.array(ZCalibrationBand).meta({ description: 'low, medium, high, none, in that order' }),
    computedAt: isoTime('When the answer was computed (`now`); a cached answer is up to 60 s old'),
  })
  .meta({
    id: 'HealthCalibration',
    description: 'Health bands as of a past time and how many of each band have churned since: the evidence that the score predicts churn',
  });
export type TCalibrationAnswer = z.infer<typeof ZCalibrationAnswer>;

// ── The engine's side ────────────────────────────────────────────────────────────────────────

/** A window: `(start, end]` when `includeEnd` (the last N days), else `[start, end)` (explicit bounds). */
export interface TReportWindow {
  start: Date;
  end: Date;
  includeEnd: boolean;
}

export interface TReportQuery {
  envId: string;
  window: TReportWindow;
  previous: TReportWindow;
  interval: TReportInterval;
  metrics: TReportMetric[];
  churnDays: number;
  now: Date;
}

/** Exact figures of one window or bucket; revenue in minor units; metrics not asked for are 0. */
export interface TMetricCounts {
  events: number;
  activeCustomers: number;
  newCustomers: number;
  churnedCustomers: number;
  revenueMinor: number;
}

export interface TReportFigures {
  totals: TMetricCounts;
  previous: TMetricCounts;
  /** Buckets with any figure, keyed by their first day (days since 1970-01-01). */
  series: (TMetricCounts & { day: number })[];
}

export interface TCalibrationQuery {
  envId: string;
  asOf: Date;
  settings: TScoreSettings;
}

export interface TCalibrationFigure {
  band: TCalibrationBand;
  customers: number;
  churnedSince: number;
}
