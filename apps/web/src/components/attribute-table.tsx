/** A key/value table of custom fields (customer attributes, event properties), keys sorted. */
import { AttributeValue } from './attribute-value';

export function AttributeTable({ values }: { values: Record<string, unknown> }) {
  return (
    <table className="table table-kv">
      <tbody>
        {Object.entries(values)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, value]) => (
            <tr key={key}>
              <th className="mono">{key}</th>
              <td>
                <AttributeValue value={value} />
              </td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
