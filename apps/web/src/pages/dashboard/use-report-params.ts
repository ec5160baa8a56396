/**
 * The dashboard report keeps its switches in the URL (shareable, back-button friendly): the range
 * (`7d`, `30d`, `90d`, or `custom` with `start`/`end` as UTC dates `[start, end)`), the bucket
 * interval and the metric the chart shows.
 */
import { REPORT_INTERVALS, REPORT_METRICS, REPORT_RANGES, type TReportMetric } from '@tenure/contract';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { isoDay, oneOf } from '../../lib/url-params';

export const RANGE_CHOICES = [...REPORT_RANGES, 'custom'] as const;
export type RangeChoice = (typeof RANGE_CHOICES)[number];

const DEFAULTS: Record<string, string> = { range: '30d', interval: 'day', metric: 'events' };

/** A custom window without valid dates falls back to the last 30 days (what the API answers by default). */
export function useReportParams() {
  const [search, setSearchParams] = useSearchParams();
  const params = useMemo(() => {
    const range = oneOf(search.get('range'), RANGE_CHOICES, '30d');
    const start = isoDay(search.get('start'));
    const end = isoDay(search.get('end'));
    const custom = range === 'custom' && start && end && start < end ? { start, end } : null;
    return {
      range,
      start,
      end,
      custom,
      interval: oneOf(search.get('interval'), REPORT_INTERVALS, 'day'),
      metric: oneOf(search.get('metric'), REPORT_METRICS, 'events') as TReportMetric,
    };
  }, [search]);
  const update = useCallback(
    (changes: Record<string, string | undefined>) =>
      setSearchParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined || value === '' || value === DEFAULTS[key]) next.delete(key);
            else next.set(key, value);
          }
          if (next.get('range') !== 'custom') {
            next.delete('start');
            next.delete('end');
          }
          return next;
        },
        { replace: false },
      ),
    [setSearchParams],
  );
  return { params, update };
}
