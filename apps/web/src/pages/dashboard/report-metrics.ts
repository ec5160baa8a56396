/** The report's metrics as the dashboard shows them: labels, formatting, and the change against the previous window. */
import type { TReportMetric, TReportMetrics } from '@tenure/contract';
import { formatMoney, formatNumber } from '../../lib/format';

export const METRIC_LABELS: Record<TReportMetric, string> = {
  events: 'Events',
  activeCustomers: 'Active customers',
  newCustomers: 'New customers',
  churnedCustomers: 'Churned customers',
  revenue: 'Revenue',
};

/** Whether a rise is good news (churn is the one metric where it is not). */
export const RISE_IS_GOOD: Record<TReportMetric, boolean> = {
  events: true,
  activeCustomers: true,
  newCustomers: true,
  churnedCustomers: false,
  revenue: true,
};

export function formatMetric(metric: TReportMetric, value: number | undefined, currency: string): string {
  if (value === undefined) return '—';
  return metric === 'revenue' ? formatMoney(value, currency) : formatNumber(value);
}

export interface Change {
  direction: 'up' | 'down' | 'flat';
  /** "12.5%", "new" when the previous window had none, "0%" when equal. */
  text: string;
  tone: 'good' | 'bad' | 'neutral';
}

/** The change from the previous window's value to this one's. */
export function changeOf(metric: TReportMetric, current: TReportMetrics, previous: TReportMetrics): Change | null {
  const now = current[metric];
  const before = previous[metric];
  if (now === undefined || before === undefined) return null;
  if (now === before) return { direction: 'flat', text: '0%', tone: 'neutral' };
  const direction = now > before ? 'up' : 'down';
  const good = (direction === 'up') === RISE_IS_GOOD[metric];
  const tone = good ? 'good' : 'bad';
  if (before === 0) return { direction, text: 'new', tone };
  const pct = Math.abs((now - before) / Math.abs(before)) * 100;
  return { direction, text: `${pct >= 10 ? pct.toFixed(0) : pct.toFixed(1)}%`, tone };
}
