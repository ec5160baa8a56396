/** Filters of the events explorer: name, customer id and a date range (UTC days). */
import { type FormEvent, useEffect, useState } from 'react';
import { Icon } from '../../components/icons';
import type { EventListParams } from './use-event-list-params';

interface EventFiltersProps {
  params: EventListParams;
  update: (changes: Partial<EventListParams>) => void;
  hasFilters: boolean;
}

export function EventFilters({ params, update, hasFilters }: EventFiltersProps) {
  const [name, setName] = useState(params.name);
  const [customerId, setCustomerId] = useState(params.customerId);

  // Follow the URL when it changes from outside (back button, links from a customer).
  useEffect(() => setName(params.name), [params.name]);
  useEffect(() => setCustomerId(params.customerId), [params.customerId]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    update({ name: name.trim(), customerId: customerId.trim() });
  };

  return (
    <form className="toolbar" onSubmit={submit}>
      <input
        className="input"
        placeholder="Event name, e.g. order_completed"
        aria-label="Event name"
        value={name}
        maxLength={50}
        onChange={(e) => setName(e.target.value)}
      />
      <input
        className="input mono"
        placeholder="Customer id (cus_…)"
        aria-label="Customer id"
        value={customerId}
        onChange={(e) => setCustomerId(e.target.value)}
      />
      <label className="inline-label">
        From
        <input
          className="input"
          type="date"
          value={params.start}
          max={params.end || undefined}
          onChange={(e) => update({ start: e.target.value })}
        />
      </label>
      <label className="inline-label">
        To
        <input
          className="input"
          type="date"
          value={params.end}
          min={params.start || undefined}
          onChange={(e) => update({ end: e.target.value })}
        />
      </label>
      <button type="submit" className="btn">
        <Icon name="filter" /> Apply
      </button>
      {hasFilters && (
        <button type="button" className="btn btn-ghost" onClick={() => update({ name: '', customerId: '', start: '', end: '' })}>
          <Icon name="x" /> Clear
        </button>
      )}
    </form>
  );
}
