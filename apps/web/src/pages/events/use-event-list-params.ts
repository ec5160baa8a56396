/** The events explorer's filters and page live in the URL (shareable, survive reloads). */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PAGE_SIZES } from '../../components/pagination';
import { applyParamChanges, isoDay, positiveInt } from '../../lib/url-params';

export interface EventListParams {
  page: number;
  limit: number;
  name: string;
  /** A customer id (`cus_…`/`ext_…`), or an email or name to search for. */
  customer: string;
  /** `YYYY-MM-DD` (UTC days), as the date inputs give them. */
  start: string;
  end: string;
}

const DEFAULTS = { page: 1, limit: 20 };

export function useEventListParams() {
  const [searchParams, setSearchParams] = useSearchParams();

  const params = useMemo<EventListParams>(() => {
    const limit = positiveInt(searchParams.get('limit'), 20);
    const date = (key: string) => isoDay(searchParams.get(key)) ?? '';
    return {
      page: positiveInt(searchParams.get('page'), 1),
      limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : 20,
      name: searchParams.get('name') ?? '',
      customer: searchParams.get('customer') ?? '',
      start: date('start'),
      end: date('end'),
    };
  }, [searchParams]);

  const update = useCallback(
    (changes: Partial<EventListParams>) => {
      setSearchParams((prev) => applyParamChanges(prev, changes, DEFAULTS), { replace: true });
    },
    [setSearchParams],
  );

  const hasFilters = Boolean(params.name || params.customer || params.start || params.end);
  return { params, update, hasFilters };
}

/** The list input: whole UTC days, the end day included. */
export function eventListInput(p: EventListParams) {
  return {
    page: p.page,
    limit: p.limit,
    name: p.name || undefined,
    customer: p.customer || undefined,
    start: p.start ? `${p.start}T00:00:00.000Z` : undefined,
    end: p.end ? `${p.end}T23:59:59.999Z` : undefined,
  };
}
