import type { ReactNode } from 'react';

export interface KeyValueItem {
  label: ReactNode;
  /** null, undefined and '' render as a muted dash. */
  value: ReactNode;
  /** A stable React key when the label is not a string. */
  key?: string;
}

export function KeyValueList({ items }: { items: KeyValueItem[] }) {
  return (
    <dl className="kv-list">
      {items.map((item, i) => (
        <div className="kv-row" key={item.key ?? (typeof item.label === 'string' ? item.label : i)}>
          <dt>{item.label}</dt>
          <dd>{item.value === null || item.value === undefined || item.value === '' ? <span className="muted">—</span> : item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
