/**
 * Renders attribute values readably: scalars inline, arrays of scalars as chips, arrays of flat
 * objects as nested tables (whose cells may hold one more such array, REST.md's nesting limit).
 */
import { Badge } from './badge';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function Scalar({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="muted">null</span>;
  if (typeof value === 'boolean') return <Badge tone={value ? 'green' : 'gray'}>{String(value)}</Badge>;
  if (typeof value === 'number') return <span className="num">{value.toLocaleString()}</span>;
  return <span className="break">{String(value)}</span>;
}

function ObjectTable({ items }: { items: Record<string, unknown>[] }) {
  const columns = [...new Set(items.flatMap((item) => Object.keys(item)))];
  return (
    <table className="table table-nested">
      <thead>
        <tr>
          {columns.map((col) => (
            <th key={col}>{col}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: array items have no guaranteed id
          <tr key={i}>
            {columns.map((col) => (
              <td key={col}>{col in item ? <AttributeValue value={item[col]} /> : <span className="muted">—</span>}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AttributeValue({ value }: { value: unknown }) {
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">empty list</span>;
    if (value.every(isPlainObject)) return <ObjectTable items={value} />;
    return (
      <ul className="value-list">
        {value.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: array items have no guaranteed id
          <li key={i}>{isPlainObject(item) || Array.isArray(item) ? <AttributeValue value={item} /> : <Scalar value={item} />}</li>
        ))}
      </ul>
    );
  }
  if (isPlainObject(value)) {
    return (
      <table className="table table-nested">
        <tbody>
          {Object.entries(value).map(([k, v]) => (
            <tr key={k}>
              <th>{k}</th>
              <td>
                <AttributeValue value={v} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return <Scalar value={value} />;
}
