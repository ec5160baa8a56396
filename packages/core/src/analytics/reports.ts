/**
 * `/reports` (ANALYTICS.md "Reports"): the windows (the last N days, or [start, end), and the
 * previous window of equal length), one bucket per UTC day or ISO week touching the window (with
 * zeros where nothing happened), the engine's exact figures formatted (money rounded once, half
 * away from zero), served through the snapshot cache.
 */
import {
  REPORT_METRICS,
  type TMetricCounts,
  type TReportAnswer,
  type TReportInterval,
  type TReportMetric,
  type TReportMetrics,
  type TReportRange,
  type TReportWindow,
} from '@tenure/contract';
import type { DB, Kysely } from '@tenure/db';
import { loadEnvironment } from '../settings';
import type { ServeOptions } from './cohorts';
import { createAnalyticsEngine } from './engine';
import { analyticsCall } from './failure';
import { roundRatio } from './ratio';
import { type Snapshot, serveSnapshot } from './serving';

const DAY_MS = 86_400_000;

export interface ReportParams {
  /** The last N days; null with an explicit start and end. */
  range: TReportRange | null;
  start: Date | null;
  end: Date | null;
  metrics: TReportMetric[];
  interval: TReportInterval;
}

/** The window and the one of equal length just before it. */
export function reportWindows(params: Pick<ReportParams, 'range' | 'start' | 'end'>, now: Date) {
  if (params.start && params.end) {
    const length = params.end.getTime() - params.start.getTime();
    const window: TReportWindow = { start: params.start, end: params.end, includeEnd: false };
    const previous: TReportWindow = { start: new Date(params.start.getTime() - length), end: params.start, includeEnd: false };
    return { window, previous };
  }
  const days = Number.parseInt(params.range ?? '30d', 10);
  const start = new Date(now.getTime() - days * DAY_MS);
  const window: TReportWindow = { start, end: now, includeEnd: true };
  const previous: TReportWindow = { start: new Date(start.getTime() - days * DAY_MS), end: start, includeEnd: true };
  return { window, previous };
}

/** The first day (days since 1970-01-01) of every bucket touching the window, in order. */
export function bucketDays(window: TReportWindow, interval: TReportInterval): number[] {
  const first = Math.floor(window.start.getTime() / DAY_MS);
  const last = window.includeEnd ? Math.floor(window.end.getTime() / DAY_MS) : Math.ceil(window.end.getTime() / DAY_MS) - 1;
  // 1970-01-05 (day 4) was a Monday: an ISO week starts on days ≡ 4 (mod 7).
  const monday = (d: number) => d - ((((d + 3) % 7) + 7) % 7);
  const step = interval === 'week' ? 7 : 1;
  const out: number[] = [];
  for (let d = interval === 'week' ? monday(first) : first; d <= last; d += step) out.push(d);
  return out;
}

const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Only the metrics asked for, in the order of REPORT_METRICS; revenue in currency units. */
function pick(counts: TMetricCounts, metrics: TReportMetric[]): TReportMetrics {
  const out: TReportMetrics = {};
  for (const m of REPORT_METRICS) {
    if (!metrics.includes(m)) continue;
    if (m === 'revenue') out.revenue = roundRatio(counts.revenueMinor, 100, 2);
    else out[m] = counts[m];
  }
  return out;
}

const zero: TMetricCounts = { events: 0, activeCustomers: 0, newCustomers: 0, churnedCustomers: 0, revenueMinor: 0 };

/** `/reports`, from a snapshot unless `fresh`. */
export async function getReport(
  db: Kysely<DB>,
  envId: string,
  params: ReportParams,
  opts: ServeOptions = {},
): Promise<Snapshot<TReportAnswer>> {
  const engine = opts.engine ?? createAnalyticsEngine(db);
  return serveSnapshot(db, envId, 'report', { ...params }, { fresh: opts.fresh ?? false }, async (now) => {
    const env = await loadEnvironment(db, envId);
    const { window, previous } = reportWindows(params, now);
    const figures = await analyticsCall('report', () =>
      engine.report({
        envId,
        window,
        previous,
        interval: params.interval,
        metrics: params.metrics,
        churnDays: env.settings.churnDays,
        now,
      }),
    );
    const byDay = new Map(figures.series.map((p) => [p.day, p]));
    return {
      range: params.start && params.end ? null : (params.range ?? '30d'),
      interval: params.interval,
      start: window.start.toISOString(),
      end: window.end.toISOString(),
      previousStart: previous.start.toISOString(),
      previousEnd: previous.end.toISOString(),
      currency: env.currency,
      totals: pick(figures.totals, params.metrics),
      previous: pick(figures.previous, params.metrics),
      series: bucketDays(window, params.interval).map((day) => ({ date: dateOf(day), ...pick(byDay.get(day) ?? zero, params.metrics) })),
      asOf: now.toISOString(),
    };
  });
}
