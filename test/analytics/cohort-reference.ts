/**
 * ANALYTICS.md's retention and LTV cohorts written a second time, plainly, in JavaScript over a
 * test's own customers and events: the cohort tests compare the API with this model.
 */
import { DAY } from './reference';

export interface RefCustomer {
  firstSeenAt: Date;
  source: string | null;
  campaign: string | null;
  /** Effective times and revenue (currency units) of the customer's live events. */
  events: { at: Date; revenue?: number }[];
}

export interface RefRetentionParams {
  groupBy: 'week' | 'month' | 'campaign' | 'source';
  start?: Date;
  end?: Date;
  periods: number;
  criteria: 'on' | 'on_or_after';
  metric: 'customers' | 'revenue';
}

/** Half away from zero; the 1e-9 absorbs binary error at exact ties. */
const round = (x: number, places: number) => {
  const f = 10 ** places;
  return (Math.sign(x) * Math.floor(Math.abs(x) * f + 0.5 + 1e-9)) / f;
};
const cents = (x = 0) => Math.round(x * 100);

function cohortOf(c: RefCustomer, groupBy: RefRetentionParams['groupBy']): string {
  const d = c.firstSeenAt;
  if (groupBy === 'month') return d.toISOString().slice(0, 7);
  if (groupBy === 'week') {
    const monday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY;
    return new Date(monday).toISOString().slice(0, 10);
  }
  return (groupBy === 'campaign' ? c.campaign : c.source) ?? '(none)';
}

/** Code point order (REST.md), obtained another way: UTF-8 bytes compare in code point order. */
const utf8Order = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

function groupCohorts(customers: RefCustomer[], groupBy: RefRetentionParams['groupBy'], start?: Date, end?: Date) {
  const groups = new Map<string, RefCustomer[]>();
  for (const c of customers) {
    if (start && c.firstSeenAt < start) continue;
    if (end && c.firstSeenAt >= end) continue;
    const key = cohortOf(c, groupBy);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const list = [...groups].map(([cohort, members]) => ({ cohort, members }));
  const timed = groupBy === 'month' || groupBy === 'week';
  return list.sort((a, b) =>
    timed
      ? a.cohort.localeCompare(b.cohort)
      : b.members.length - a.members.length || utf8Order(a.cohort.toLowerCase(), b.cohort.toLowerCase()) || utf8Order(a.cohort, b.cohort),
  );
}

export function referenceRetention(customers: RefCustomer[], p: RefRetentionParams, now: Date) {
  const L = (p.groupBy === 'week' ? 7 : 30) * DAY;
  const t = now.getTime();
  type Figures = { eligible: number; num: number; den: number; active?: number; revenue?: number };
  const cell = (members: RefCustomer[], k: number): Figures => {
    const eligible = members.filter((c) => c.firstSeenAt.getTime() + k * L <= t);
    const from = (c: RefCustomer) => c.firstSeenAt.getTime() + k * L;
    const inPeriod = (c: RefCustomer, e: { at: Date }) => e.at.getTime() >= from(c) && e.at.getTime() < from(c) + L && e.at.getTime() <= t;
    if (p.metric === 'revenue') {
      const revenue = eligible.reduce((s, c) => s + c.events.filter((e) => inPeriod(c, e)).reduce((x, e) => x + cents(e.revenue), 0), 0);
      const base = eligible.reduce(
        (s, c) =>
          s +
          c.events
            .filter((e) => e.at.getTime() >= c.firstSeenAt.getTime() && e.at.getTime() < c.firstSeenAt.getTime() + L)
            .reduce((x, e) => x + cents(e.revenue), 0),
        0,
      );
      return { eligible: eligible.length, num: revenue, den: base, revenue: revenue / 100 };
    }
    const active = eligible.filter((c) =>
      c.events.some((e) => (p.criteria === 'on' ? inPeriod(c, e) : e.at.getTime() >= from(c) && e.at.getTime() <= t)),
    ).length;
    return { eligible: eligible.length, num: active, den: eligible.length, active };
  };
  const toCell = (k: number, x: Figures) =>
    p.metric === 'revenue'
      ? { period: k, eligible: x.eligible, revenue: x.revenue, rate: x.den > 0 ? round(x.num / x.den, 4) : null }
      : { period: k, eligible: x.eligible, active: x.active, rate: x.den > 0 ? round(x.num / x.den, 4) : null };
  const cohorts = groupCohorts(customers, p.groupBy, p.start, p.end);
  const ks = Array.from({ length: p.periods }, (_, k) => k);
  const summary = ks.map((k) => {
    const parts = cohorts.map((c) => cell(c.members, k));
    const sum = (f: (x: (typeof parts)[number]) => number) => parts.reduce((s, x) => s + f(x), 0);
    return toCell(k, {
      eligible: sum((x) => x.eligible),
      num: sum((x) => x.num),
      den: sum((x) => x.den),
      active: sum((x) => x.active ?? 0),
      revenue: sum((x) => x.num) / 100,
    });
  });
  return {
    cohorts: cohorts.map((c) => ({ cohort: c.cohort, size: c.members.length, retention: ks.map((k) => toCell(k, cell(c.members, k))) })),
    summary,
  };
}

export function referenceLtv(
  customers: RefCustomer[],
  p: { groupBy: 'month' | 'campaign' | 'source'; months: number; start?: Date; end?: Date },
  settings: { activeDays: number; churnDays: number },
  now: Date,
) {
  const t = now.getTime();
  const M = 30 * DAY;
  return groupCohorts(customers, p.groupBy, p.start, p.end).map(({ cohort, members }) => {
    const ltv = Array.from({ length: p.months }, (_, m) => {
      const eligible = members.filter((c) => c.firstSeenAt.getTime() + (m + 1) * M <= t);
      if (eligible.length === 0) return null;
      const sum = eligible.reduce(
        (s, c) =>
          s + c.events.filter((e) => e.at.getTime() < c.firstSeenAt.getTime() + (m + 1) * M).reduce((x, e) => x + cents(e.revenue), 0),
        0,
      );
      return round(sum / 100 / eligible.length, 2);
    });
    const last = (c: RefCustomer) => Math.max(...c.events.map((e) => e.at.getTime()), Number.NEGATIVE_INFINITY);
    const revenue30 = members.reduce(
      (s, c) => s + c.events.filter((e) => e.at.getTime() > t - 30 * DAY && e.at.getTime() <= t).reduce((x, e) => x + cents(e.revenue), 0),
      0,
    );
    const activeNow = members.filter((c) => last(c) > t - settings.activeDays * DAY).length;
    const lapsed = members.filter((c) => {
      const moment = last(c) + settings.churnDays * DAY;
      return moment > t - 30 * DAY && moment <= t;
    }).length;
    const base = members.filter((c) =>
      c.events.some((e) => e.at.getTime() > t - 30 * DAY - settings.churnDays * DAY && e.at.getTime() <= t - 30 * DAY),
    ).length;
    const predictedLtv = activeNow === 0 || base === 0 || lapsed === 0 ? null : round(revenue30 / 100 / activeNow / (lapsed / base), 2);
    return { cohort, size: members.length, ltv, predictedLtv };
  });
}
