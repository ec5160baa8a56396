/** Search box (debounced into the URL) and the lifecycle / risk / activity filters. */
import { LIFECYCLE_STAGES, RISK_LEVELS } from '@tenure/contract';
import { useEffect, useRef, useState } from 'react';
import { Icon } from '../../components/icons';
import { ChoiceSelect, type SelectOption } from '../../components/select';
import { humanize } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import type { CustomerListParams, LifecycleStage, RiskLevel } from './use-customer-list-params';

/** Each filter's first option, the empty value, means "any". */
const STAGE_OPTIONS: SelectOption<LifecycleStage | ''>[] = [
  { value: '', label: 'All stages' },
  ...LIFECYCLE_STAGES.map((stage) => ({ value: stage, label: humanize(stage) })),
];
const RISK_OPTIONS: SelectOption<RiskLevel | ''>[] = [
  { value: '', label: 'Any risk' },
  ...RISK_LEVELS.map((risk) => ({ value: risk, label: `${humanize(risk)} risk` })),
];
const ACTIVITY_OPTIONS: SelectOption<'true' | 'false' | ''>[] = [
  { value: '', label: 'Active and inactive' },
  { value: 'true', label: 'Active' },
  { value: 'false', label: 'Inactive' },
];

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
      <ChoiceSelect
        label="Lifecycle stage"
        value={params.lifecycleStage ?? ''}
        options={STAGE_OPTIONS}
        onChange={(stage) => update({ lifecycleStage: stage || undefined })}
      />
      <ChoiceSelect
        label="Risk level"
        value={params.riskLevel ?? ''}
        options={RISK_OPTIONS}
        onChange={(risk) => update({ riskLevel: risk || undefined })}
      />
      <ChoiceSelect
        label="Activity"
        value={params.active ?? ''}
        options={ACTIVITY_OPTIONS}
        onChange={(active) => update({ active: active || undefined })}
      />
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
