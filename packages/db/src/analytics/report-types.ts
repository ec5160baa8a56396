/**
 * Attribution, reports and health calibration as the PostgreSQL engine answers them: plain data,
 * the same shapes as @tenure/contract's attribution.ts and reports.ts (core assigns this engine to
 * its interface, so the compiler checks that both sides agree).
 */
import type { ScoreSettings } from './types';

export type AttributionModel = 'first_touch' | 'last_touch' | 'linear' | 'time_decay' | 'position_based';
export type AttributionGroupBy = 'source' | 'campaign' | 'medium';

export interface CustomerAttributionQuery {
  envId: string;
  customerId: string;
  model: AttributionModel;
  lookbackDays: number;
}

export interface TouchpointRow {
  eventId: string;
  timestamp: Date;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  clickId: string | null;
  referrer: string | null;
  url: string | null;
}

/** Weight and credited revenue (minor units) as exact decimal text, unrounded. */
export interface CreditFigure {
  touchpointEventId: string | null;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  weight: string;
  revenueMinor: string;
}

export interface ConversionFigure {
  eventId: string;
  timestamp: Date;
  revenueMinor: number;
  credits: CreditFigure[];
}

export interface CustomerAttributionFigures {
  touchpoints: TouchpointRow[];
  conversions: ConversionFigure[];
}

export interface AttributionQuery {
  envId: string;
  model: AttributionModel;
  lookbackDays: number;
  groupBy: AttributionGroupBy;
  /** Conversions with effective time in [start, end), or (start, end] when `includeEnd`. */
  start: Date;
  end: Date;
  includeEnd: boolean;
}

export interface AttributionFigure {
  key: string;
  conversions: string;
  revenueMinor: string;
}

export type ReportMetric = 'events' | 'activeCustomers' | 'newCustomers' | 'churnedCustomers' | 'revenue';

/** `(start, end]` when `includeEnd`, else `[start, end)`. */
export interface ReportWindow {
  start: Date;
  end: Date;
  includeEnd: boolean;
}

export interface ReportQuery {
  envId: string;
  window: ReportWindow;
  previous: ReportWindow;
  interval: 'day' | 'week';
  metrics: ReportMetric[];
  churnDays: number;
  now: Date;
}

export interface MetricCounts {
  events: number;
  activeCustomers: number;
  newCustomers: number;
  churnedCustomers: number;
  revenueMinor: number;
}

export interface ReportFigures {
  totals: MetricCounts;
  previous: MetricCounts;
  series: (MetricCounts & { day: number })[];
}

export interface CalibrationQuery {
  envId: string;
  asOf: Date;
  settings: ScoreSettings;
}

export interface CalibrationFigure {
  band: 'low' | 'medium' | 'high' | 'none';
  customers: number;
  churnedSince: number;
}
