/**
 * ANALYTICS.md's reports written a second time, plainly, in JavaScript: windows, buckets (each
 * counted over its intersection with the window, by brute force over every event), churn moments
 * and the previous window. The tests compare `/reports` with this (never with the code under test).
 */
import { DAY } from './reference';

export interface RefReportCustomer {
  firstSeenAt: Date;
  events: { at: Date; revenue?: number }[];
}

export type Metric = 'events' | 'activeCustomers' | 'newCustomers' | 'churnedCustomers' | 'revenue';
export const METRICS: Metric[] = ['events', 'activeCustomers', 'newCustomers', 'churnedCustomers', 'revenue'];

export interface RefReportParams {
  range?: '7d' | '30d' | '90d';
  start?: Date;
  end?: Date;
  interval: 'day' | 'week';
  metrics?: Metric[];
}

/** A predicate on instants (ms). */
type Span = (x: number) => boolean;

/** e + churnDays for every event whose next one comes more than churnDays later (or never); firstSeenAt + churnDays without events; ≤ now. */
export function churnMoments(c: RefReportCustomer, churnDays: number, now: number): number[] {
  const times = c.events.map((e) => e.at.getTime()).sort((a, b) => a - b);
  const span = churnDays * DAY;
  const moments = times.length
    ? times.filter((t, i) => i === times.length - 1 || (times[i + 1] as number) - t > span).map((t) => t + span)
    : [c.firstSeenAt.getTime() + span];
  return moments.filter((m) => m <= now);
}

function metrics(customers: RefReportCustomer[], inside: Span, churnDays: number, now: number, wanted: Metric[]) {
  let events = 0;
  let cents = 0;
  let active = 0;
  let fresh = 0;
  let churned = 0;
  for (const c of customers) {
    const mine = c.events.filter((e) => inside(e.at.getTime()));
    events += mine.length;
    cents += mine.reduce((s, e) => s + Math.round((e.revenue ?? 0) * 100), 0);
    if (mine.length) active++;
    if (inside(c.firstSeenAt.getTime())) fresh++;
    if (churnMoments(c, churnDays, now).some(inside)) churned++;
  }
  const all = { events, activeCustomers: active, newCustomers: fresh, churnedCustomers: churned, revenue: cents / 100 };
  return Object.fromEntries(METRICS.filter((m) => wanted.includes(m)).map((m) => [m, all[m]]));
}

const utcDay = (ms: number) => Math.floor(ms / DAY);
const iso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** The answer of `/reports` for these customers as of `now` (without asOf and currency). */
export function referenceReport(customers: RefReportCustomer[], p: RefReportParams, now: Date, churnDays = 60) {
  const t = now.getTime();
  const wanted = p.metrics ?? METRICS;
  let start: number;
  let end: number;
  let inW: Span;
  let inP: Span;
  if (p.start && p.end) {
    start = p.start.getTime();
    end = p.end.getTime();
    const len = end - start;
    inW = (x) => x >= start && x < end;
    inP = (x) => x >= start - len && x < start;
  } else {
    const n = Number.parseInt(p.range ?? '30d', 10);
    start = t - n * DAY;
    end = t;
    inW = (x) => x > start && x <= end;
    inP = (x) => x > start - n * DAY && x <= start;
  }
  // Buckets: every day (or Monday-first week) with a non-empty intersection, found by walking days.
  const firstDay = utcDay(start);
  const lastDay = p.start ? utcDay(end - 1) : utcDay(end);
  const bucketStart = (d: number) => (p.interval === 'day' ? d : d - ((new Date(d * DAY).getUTCDay() + 6) % 7));
  const buckets = [...new Set(Array.from({ length: lastDay - firstDay + 1 }, (_, i) => bucketStart(firstDay + i)))];
  const length = p.interval === 'day' ? 1 : 7;
  return {
    range: p.start ? null : (p.range ?? '30d'),
    interval: p.interval,
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    previousStart: new Date(start - (end - start)).toISOString(),
    previousEnd: new Date(start).toISOString(),
    totals: metrics(customers, inW, churnDays, t, wanted),
    previous: metrics(customers, inP, churnDays, t, wanted),
    series: buckets.map((b) => ({
      date: iso(b),
      ...metrics(customers, (x) => x >= b * DAY && x < (b + length) * DAY && inW(x), churnDays, t, wanted),
    })),
  };
}
