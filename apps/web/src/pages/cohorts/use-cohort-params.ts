/**
 * The cohort pages keep every switch in the URL (shareable, back-button friendly): grouping,
 * criteria, metric, periods or months, and the acquisition window (`YYYY-MM-DD`, UTC days).
 */
import { COHORT_GROUP_BYS, LTV_GROUP_BYS, RETENTION_CRITERIA, RETENTION_METRICS } from '@tenure/contract';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { isoDay, oneOf } from '../../lib/url-params';

function boundedInt(value: string | null, min: number, max: number, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

export const RETENTION_DEFAULTS = { groupBy: 'month', criteria: 'on', metric: 'customers', periods: 12 } as const;
export const LTV_DEFAULTS = { groupBy: 'month', months: 12 } as const;

function useParamWriter(defaults: Record<string, unknown>) {
  const [, setSearchParams] = useSearchParams();
  return useCallback(
    (changes: Record<string, string | number | undefined>) =>
      setSearchParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === '' || value === defaults[key]) next.delete(key);
          else next.set(key, String(value));
        }
        return next;
      }),
    [setSearchParams, defaults],
  );
}

export function useRetentionParams() {
  const [search] = useSearchParams();
  const params = useMemo(
    () => ({
      groupBy: oneOf(search.get('groupBy'), COHORT_GROUP_BYS, RETENTION_DEFAULTS.groupBy),
      criteria: oneOf(search.get('criteria'), RETENTION_CRITERIA, RETENTION_DEFAULTS.criteria),
      metric: oneOf(search.get('metric'), RETENTION_METRICS, RETENTION_DEFAULTS.metric),
      periods: boundedInt(search.get('periods'), 1, 52, RETENTION_DEFAULTS.periods),
      start: isoDay(search.get('start')),
      end: isoDay(search.get('end')),
    }),
    [search],
  );
  return { params, update: useParamWriter(RETENTION_DEFAULTS) };
}

export function useLtvParams() {
  const [search] = useSearchParams();
  const params = useMemo(
    () => ({
      groupBy: oneOf(search.get('groupBy'), LTV_GROUP_BYS, LTV_DEFAULTS.groupBy),
      months: boundedInt(search.get('months'), 1, 36, LTV_DEFAULTS.months),
      start: isoDay(search.get('start')),
      end: isoDay(search.get('end')),
    }),
    [search],
  );
  return { params, update: useParamWriter(LTV_DEFAULTS) };
}
