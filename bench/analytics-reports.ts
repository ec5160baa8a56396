/**
 * The reports, attribution and calibration part of `npm run bench -- analytics`: each answer
 * through HTTP (`Cache-Control: no-cache`, p50 of 5 after a warm-up) beside the plain SQL of the
 * same answer over the raw events (analytics-reports-baseline.ts) in the same run, after checking
 * that both give the same numbers.
 */
import { ANALYTICS_DEFAULTS, ATTRIBUTION_MODELS } from '@tenure/contract';
import { attributionRows, bucketDays, reportWindows, roundRatio } from '@tenure/core';
import type { AnalyticsPart, Row } from './analytics-part';
import { ratioRow } from './analytics-part';
import { type RawCounts, rawAttribution, rawCalibration, rawReport } from './analytics-reports-baseline';

const DAY_MS = 86_400_000;

function same(what: string, api: unknown, raw: unknown): void {
  const a = JSON.stringify(api);
  const b = JSON.stringify(raw);
  if (a !== b) throw new Error(`${what}: the API and the baseline disagree\n${a.slice(0, 600)}\n${b.slice(0, 600)}`);
}

const counts = (c: RawCounts) => ({
  events: c.events,
  activeCustomers: c.activeCustomers,
  newCustomers: c.newCustomers,
  churnedCustomers: c.churnedCustomers,
  revenue: roundRatio(c.revenueMinor, 100, 2),
});

export async function benchReports({ http, pool, envId, size, timed }: AnalyticsPart): Promise<Row[]> {
  const rows: Row[] = [];
  const row = (query: string, api: number, raw: number, target: number) => rows.push(ratioRow(size, query, api, raw, target));
  const { churnDays } = ANALYTICS_DEFAULTS;

  for (const interval of ['day', 'week'] as const) {
    const path = `/reports?range=30d&interval=${interval}`;
    const api = await timed(() => http(path));
    const now = new Date(api.last.asOf);
    const raw = await rawReport(pool, envId, 30, interval, now, churnDays);
    const { window } = reportWindows({ range: '30d', start: null, end: null }, now);
    const zero: RawCounts = { events: 0, activeCustomers: 0, newCustomers: 0, churnedCustomers: 0, revenueMinor: 0 };
    same(
      path,
      { totals: api.last.totals, previous: api.last.previous, series: api.last.series },
      {
        totals: counts(raw.totals),
        previous: counts(raw.previous),
        series: bucketDays(window, interval).map((d) => ({
          date: new Date(d * DAY_MS).toISOString().slice(0, 10),
          ...counts(raw.series.get(d) ?? zero),
        })),
      },
    );
    const base = await timed(() => rawReport(pool, envId, 30, interval, new Date(), churnDays), 'baseline');
    row(`reports 30d, ${interval}`, api.p50, base.p50, 1.0);
  }

  // Every conversion of the data: a window from 2000 to tomorrow.
  const start = new Date('2000-01-01T00:00:00Z');
  const end = new Date(Date.now() + DAY_MS);
  for (const model of ATTRIBUTION_MODELS) {
    const path = `/attribution?model=${model}&groupBy=source&lookbackDays=30&start=${start.toISOString()}&end=${end.toISOString()}`;
    const api = await timed(() => http(path));
    same(path, api.last.rows, attributionRows(await rawAttribution(pool, envId, model, 30, start, end)));
    const base = await timed(() => rawAttribution(pool, envId, model, 30, start, end), 'baseline');
    row(`attribution by source, ${model}, all conversions`, api.p50, base.p50, 1.2);
  }

  const path = '/reports/health-calibration?days=30';
  const api = await timed(() => http(path));
  const asOf = new Date(api.last.asOf);
  const settings = { ...ANALYTICS_DEFAULTS, weights: { ...ANALYTICS_DEFAULTS.weights } };
  const byBand = new Map((await rawCalibration(pool, envId, asOf, settings)).map((r) => [r.band, r]));
  same(
    path,
    api.last.bands,
    ['low', 'medium', 'high', 'none'].map((band) => {
      const customers = byBand.get(band)?.customers ?? 0;
      const churnedSince = byBand.get(band)?.churnedSince ?? 0;
      return { band, customers, churnedSince, churnRate: customers ? roundRatio(churnedSince, customers, 4) : null };
    }),
  );
  const base = await timed(() => rawCalibration(pool, envId, new Date(Date.now() - 30 * DAY_MS), settings), 'baseline');
  row('health calibration, 30 days', api.p50, base.p50, 1.2);
  return rows;
}
