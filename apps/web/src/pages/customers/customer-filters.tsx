/** Search box (debounced into the URL) and the lifecycle / risk / activity filters. */
import { LIFECYCLE_STAGES, RISK_LEVELS } from '@tenure/contract';
import { useEffect, useRef, useState } from 'react';
import { Icon } from '../../components/icons';
import { humanize } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import type { CustomerListParams } from './use-customer-list-params';

interface CustomerFiltersProps {
  params: CustomerListParams;
  update: (changes: Partial<CustomerListParams>) => void;
  hasFilters: boolean;
}

export function CustomerFilters({ params, update, hasFilters }: CustomerFiltersProps) {
  const [search, setSearch] = useState(params.search);
  const debounced = useDebouncedValue(search, 300);

  // Push typing to the URL only when the debounced text itself changes, so a URL change from
  // outside is never overwritten by stale typing.
  const urlSearch = useRef(params.search);
  urlSearch.current = params.search;
  const pushed = useRef(debounced);
  useEffect(() => {
    if (debounced === pushed.current) return;
    pushed.current = debounced;
    if (debounced.trim() !== urlSearch.current) update({ search: debounced.trim() });
  }, [debounced, update]);

  // Follow the URL when it changes from outside (back button, "clear filters").
  useEffect(() => {
    setSearch((current) => (current.trim() === params.search ? current : params.search));
  }, [params.search]);

  return (
    <div className="toolbar">
      <div className="search-box">
        <Icon name="search" className="search-icon" />
        <input
          className="input"
          type="search"
          placeholder="Search name, email, company or external id"
          aria-label="Search customers"
          value={search}
          maxLength={200}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="customers-search"
        />
      </div>
      <select
        className="select"
        aria-label="Lifecycle stage"
        value={params.lifecycleStage ?? ''}
        onChange={(e) => update({ lifecycleStage: (e.target.value || undefined) as CustomerListParams['lifecycleStage'] })}
      >
        <option value="">All stages</option>
        {LIFECYCLE_STAGES.map((stage) => (
          <option key={stage} value={stage}>
            {humanize(stage)}
          </option>
        ))}
      </select>
      <select
        className="select"
        aria-label="Risk level"
        value={params.riskLevel ?? ''}
        onChange={(e) => update({ riskLevel: (e.target.value || undefined) as CustomerListParams['riskLevel'] })}
      >
        <option value="">Any risk</option>
        {RISK_LEVELS.map((risk) => (
          <option key={risk} value={risk}>
            {humanize(risk)} risk
          </option>
        ))}
      </select>
      <select
        className="select"
        aria-label="Activity"
        value={params.active ?? ''}
        onChange={(e) => update({ active: (e.target.value || undefined) as CustomerListParams['active'] })}
      >
        <option value="">Active and inactive</option>
        <option value="true">Active</option>
        <option value="false">Inactive</option>
      </select>
      {hasFilters && (
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => {
            setSearch('');
            update({ search: '', lifecycleStage: undefined, riskLevel: undefined, active: undefined, segmentId: undefined });
          }}
        >
          <Icon name="x" /> Clear
        </button>
      )}
    </div>
  );
}
