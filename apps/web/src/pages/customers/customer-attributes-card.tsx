import { EmptyState } from '../../components/empty-state';
import { AttributeValue } from '../../components/attribute-value';

export function CustomerAttributesCard({ attributes }: { attributes: Record<string, unknown> }) {
  const entries = Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="card">
      <div className="card-header">
        <h2>Attributes</h2>
        <span className="muted small">{entries.length} custom fields</span>
      </div>
      {entries.length === 0 ? (
        <div className="card-body">
          <EmptyState icon="file" title="No custom attributes">
            <p>Attributes sent with the customer (or extra CSV columns) show up here.</p>
          </EmptyState>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table table-kv">
            <tbody>
              {entries.map(([key, value]) => (
                <tr key={key}>
                  <th className="mono">{key}</th>
                  <td>
                    <AttributeValue value={value} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
