/** The attribution page keeps its switches in the URL: model, grouping, lookback and the conversions' window (UTC dates). */
import { ATTRIBUTION_GROUP_BYS, ATTRIBUTION_MODELS } from '@tenure/contract';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { isoDay, oneOf } from '../../lib/url-params';

export const LOOKBACK_CHOICES = [1, 7, 14, 30, 60, 90, 180, 365];
const DEFAULTS: Record<string, string> = { model: 'last_touch', groupBy: 'source', lookbackDays: '30' };

export function useAttributionParams() {
  const [search, setSearchParams] = useSearchParams();
  const params = useMemo(() => {
    const lookback = Number(search.get('lookbackDays'));
    return {
      model: oneOf(search.get('model'), ATTRIBUTION_MODELS, 'last_touch'),
      groupBy: oneOf(search.get('groupBy'), ATTRIBUTION_GROUP_BYS, 'source'),
      lookbackDays: Number.isInteger(lookback) && lookback >= 1 && lookback <= 365 ? lookback : 30,
      start: isoDay(search.get('start')),
      end: isoDay(search.get('end')),
    };
  }, [search]);
  const update = useCallback(
    (changes: Record<string, string | number | undefined>) =>
      setSearchParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === '' || String(value) === DEFAULTS[key]) next.delete(key);
          else next.set(key, String(value));
        }
        return next;
      }),
    [setSearchParams],
  );
  return { params, update };
}
