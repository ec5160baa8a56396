/** Rows of custom attributes in the edit dialog: change, add, or mark for removal. */
import { Icon } from '../../components/icons';
import { type AttributeDraft, type AttributeKind, emptyAttribute } from './customer-edit-model';

const KINDS: { value: AttributeKind; label: string }[] = [
  { value: 'text', label: 'Text' },
  { value: 'number', label: 'Number' },
  { value: 'boolean', label: 'Boolean' },
  { value: 'json', label: 'JSON (lists)' },
];

interface AttributeEditorProps {
  drafts: AttributeDraft[];
  onChange: (drafts: AttributeDraft[]) => void;
}

export function AttributeEditor({ drafts, onChange }: AttributeEditorProps) {
  const patch = (uid: string, changes: Partial<AttributeDraft>) => onChange(drafts.map((d) => (d.uid === uid ? { ...d, ...changes } : d)));

  const remove = (draft: AttributeDraft) =>
    draft.original ? patch(draft.uid, { removed: !draft.removed }) : onChange(drafts.filter((d) => d.uid !== draft.uid));

  return (
    <fieldset className="fieldset">
      <legend>Attributes</legend>
      {drafts.length === 0 && <p className="muted small">No custom attributes.</p>}
      <div className="attr-rows">
        {drafts.map((d) => (
          <div key={d.uid} className={`attr-row${d.removed ? ' is-removed' : ''}`}>
            <input
              className="input input-sm mono"
              placeholder="key"
              aria-label="Attribute key"
              value={d.key}
              disabled={d.removed}
              onChange={(e) => patch(d.uid, { key: e.target.value })}
            />
            <select
              className="select select-sm"
              aria-label="Value type"
              value={d.kind}
              disabled={d.removed}
              onChange={(e) => {
                const kind = e.target.value as AttributeKind;
                patch(d.uid, { kind, value: kind === 'boolean' ? 'true' : d.value });
              }}
            >
              {KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
            {d.kind === 'boolean' ? (
              <select
                className="select select-sm"
                aria-label="Value"
                value={d.value === 'true' ? 'true' : 'false'}
                disabled={d.removed}
                onChange={(e) => patch(d.uid, { value: e.target.value })}
              >
                <option value="true">true</option>
                <option value="false">false</option>
              </select>
            ) : d.kind === 'json' ? (
              <textarea
                className="input input-sm mono"
                rows={Math.min(6, d.value.split('\n').length)}
                aria-label="Value (JSON)"
                value={d.value}
                disabled={d.removed}
                onChange={(e) => patch(d.uid, { value: e.target.value })}
              />
            ) : (
              <input
                className="input input-sm"
                aria-label="Value"
                inputMode={d.kind === 'number' ? 'decimal' : undefined}
                value={d.value}
                disabled={d.removed}
                onChange={(e) => patch(d.uid, { value: e.target.value })}
              />
            )}
            <button
              type="button"
              className="btn btn-ghost btn-icon btn-sm"
              onClick={() => remove(d)}
              aria-label={d.removed ? `Keep ${d.key}` : `Remove ${d.key || 'attribute'}`}
              title={d.removed ? 'Undo remove' : 'Remove'}
            >
              <Icon name={d.removed ? 'refresh' : 'trash'} />
            </button>
          </div>
        ))}
      </div>
      <button type="button" className="btn btn-sm" onClick={() => onChange([...drafts, emptyAttribute()])}>
        <Icon name="plus" /> Add attribute
      </button>
    </fieldset>
  );
}
