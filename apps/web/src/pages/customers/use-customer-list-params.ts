/**
 * The customer list's page, sort, search and filters live in the URL, so a reload, the back
 * button from a detail page, or a shared link shows the same list.
 */
import { CUSTOMER_SORT_KEYS, type CustomerSortKey, LIFECYCLE_STAGES, RISK_LEVELS } from '@tenure/contract';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PAGE_SIZES } from '../../components/pagination';
import { applyParamChanges, positiveInt } from '../../lib/url-params';

export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface CustomerListParams {
  page: number;
  limit: number;
  sortBy: CustomerSortKey;
  sortOrder: 'asc' | 'desc';
  search: string;
  lifecycleStage?: LifecycleStage;
  riskLevel?: RiskLevel;
  active?: 'true' | 'false';
  /** Members of a segment (`seg_…`). */
  segmentId?: string;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

const DEFAULTS = { page: 1, limit: 20, sortBy: 'createdAt', sortOrder: 'desc', search: '' } as const;

/** The filters another page may link the list with (the dashboard's cards and charts). */
export type CustomerListFilters = Pick<CustomerListParams, 'lifecycleStage' | 'riskLevel' | 'active' | 'segmentId'>;

/** A link to the customer list with these filters, in the URL keys this hook reads. */
export function customersHref(filters: CustomerListFilters = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  const search = query.toString();
  return search ? `/customers?${search}` : '/customers';
}

export function useCustomerListParams() {
  const [searchParams, setSearchParams] = useSearchParams();

  const params = useMemo<CustomerListParams>(() => {
    const limit = positiveInt(searchParams.get('limit'), DEFAULTS.limit);
    return {
      page: positiveInt(searchParams.get('page'), DEFAULTS.page),
      limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULTS.limit,
      sortBy: oneOf(CUSTOMER_SORT_KEYS, searchParams.get('sortBy')) ?? DEFAULTS.sortBy,
      sortOrder: oneOf(['asc', 'desc'] as const, searchParams.get('sortOrder')) ?? DEFAULTS.sortOrder,
      search: searchParams.get('search') ?? '',
      lifecycleStage: oneOf(LIFECYCLE_STAGES, searchParams.get('lifecycleStage')),
      riskLevel: oneOf(RISK_LEVELS, searchParams.get('riskLevel')),
      active: oneOf(['true', 'false'] as const, searchParams.get('active')),
      segmentId: searchParams.get('segmentId') || undefined,
    };
  }, [searchParams]);

  /** Merges changes into the URL; anything but a page change goes back to page 1. */
  const update = useCallback(
    (changes: Partial<CustomerListParams>) => {
      setSearchParams((prev) => applyParamChanges(prev, changes, DEFAULTS), { replace: true });
    },
    [setSearchParams],
  );

  const hasFilters = Boolean(params.search || params.lifecycleStage || params.riskLevel || params.active || params.segmentId);
  return { params, update, hasFilters };
}
