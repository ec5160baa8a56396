import { EmptyState } from '../../components/empty-state';
import { AttributeTable } from '../../components/attribute-table';

export function CustomerAttributesCard({ attributes }: { attributes: Record<string, unknown> }) {
  const count = Object.keys(attributes).length;
  return (
    <div className="card">
      <div className="card-header">
        <h2>Attributes</h2>
        <span className="muted small">{count} custom fields</span>
      </div>
      {count === 0 ? (
        <div className="card-body">
          <EmptyState icon="file" title="No custom attributes">
            <p>Attributes sent with the customer (or extra CSV columns) show up here.</p>
          </EmptyState>
        </div>
      ) : (
        <div className="table-wrap">
          <AttributeTable values={attributes} />
        </div>
      )}
    </div>
  );
}
