/** Filters of the events explorer: name, customer (id, email or name) and a date range (UTC days). */
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
  const [customer, setCustomer] = useState(params.customer);

  // Follow the URL when it changes from outside (back button, links from a customer).
  useEffect(() => setName(params.name), [params.name]);
  useEffect(() => setCustomer(params.customer), [params.customer]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    update({ name: name.trim(), customer: customer.trim() });
  };

  return (
    <form className="toolbar" onSubmit={submit}>
      <input
        className="input"
        placeholder="Event, e.g. order_completed"
        aria-label="Event name"
        value={name}
        maxLength={50}
        onChange={(e) => setName(e.target.value)}
      />
      <input
        className="input"
        placeholder="Email, name or id"
        aria-label="Customer"
        value={customer}
        maxLength={200}
        onChange={(e) => setCustomer(e.target.value)}
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
        <button type="button" className="btn btn-ghost" onClick={() => update({ name: '', customer: '', start: '', end: '' })}>
          <Icon name="x" /> Clear
        </button>
      )}
    </form>
  );
}
