/** The value part of a rule row: an input that fits the field's type and the operator. */
import type { RuleFieldSpec } from '@tenure/contract';
import { type KeyboardEvent, useState } from 'react';
import { Icon } from '../../components/icons';
import { humanize } from '../../lib/format';
import { DaysInput } from './days-input';
import type { JsonValueType, RuleDraft } from './rule-model';

interface Props {
  spec: RuleFieldSpec;
  draft: RuleDraft;
  onChange: (changes: Partial<RuleDraft>) => void;
  invalid: boolean;
}

export function RuleValueInput({ spec, draft, onChange, invalid }: Props) {
  const op = draft.operator;
  if (op === 'exists' || op === 'notExists') return null;
  if (op === 'withinLastDays') {
    return <DaysInput value={draft.text} onChange={(text) => onChange({ text })} label="Days" invalid={invalid} testId="rule-value" />;
  }
  if (op === 'before' || op === 'after') {
    return (
      <input
        className="input input-sm"
        type="date"
        value={draft.text}
        aria-label="Date"
        aria-invalid={invalid}
        onChange={(e) => onChange({ text: e.target.value })}
        data-testid="rule-value"
      />
    );
  }
  if (op === 'in' || op === 'notIn') {
    if (spec.type === 'enum') return <EnumChoices values={spec.values ?? []} draft={draft} onChange={onChange} />;
    return (
      <>
        {spec.type === 'json' && <JsonTypeSelect draft={draft} onChange={onChange} />}
        <ListInput draft={draft} onChange={onChange} invalid={invalid} numeric={['number', 'money'].includes(spec.type)} />
      </>
    );
  }
  if (spec.type === 'enum' || spec.type === 'boolean') {
    const values = spec.type === 'boolean' ? ['true', 'false'] : (spec.values ?? []);
    return (
      <select
        className="select select-sm"
        value={draft.text}
        aria-label="Value"
        onChange={(e) => onChange({ text: e.target.value })}
        data-testid="rule-value"
      >
        {values.map((v) => (
          <option key={v} value={v}>
            {spec.type === 'boolean' ? (v === 'true' ? 'Yes' : 'No') : humanize(v)}
          </option>
        ))}
      </select>
    );
  }
  const ordered = ['gt', 'gte', 'lt', 'lte'].includes(op);
  const numeric = ['number', 'money', 'count'].includes(spec.type) || (spec.type === 'json' && (ordered || draft.valueType === 'number'));
  return (
    <>
      {spec.type === 'json' && !ordered && op !== 'contains' && op !== 'notContains' && (
        <JsonTypeSelect draft={draft} onChange={onChange} />
      )}
      {spec.type === 'json' && draft.valueType === 'boolean' && !ordered ? (
        <select className="select select-sm" value={draft.text} aria-label="Value" onChange={(e) => onChange({ text: e.target.value })}>
          <option value="">Choose…</option>
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      ) : (
        <input
          className={`input input-sm ${numeric ? 'rule-number' : 'rule-text'}`}
          type={numeric ? 'number' : 'text'}
          step={spec.type === 'money' ? 0.01 : spec.type === 'count' ? 1 : 'any'}
          value={draft.text}
          placeholder={numeric ? '0' : 'Value'}
          maxLength={1000}
          aria-label="Value"
          aria-invalid={invalid}
          onChange={(e) => onChange({ text: e.target.value })}
          data-testid="rule-value"
        />
      )}
    </>
  );
}

function JsonTypeSelect({ draft, onChange }: { draft: RuleDraft; onChange: (c: Partial<RuleDraft>) => void }) {
  return (
    <select
      className="select select-sm"
      value={draft.valueType}
      aria-label="Value type"
      onChange={(e) => onChange({ valueType: e.target.value as JsonValueType, text: '' })}
    >
      <option value="text">text</option>
      <option value="number">number</option>
      <option value="boolean">true / false</option>
    </select>
  );
}

function EnumChoices({
  values,
  draft,
  onChange,
}: {
  values: readonly string[];
  draft: RuleDraft;
  onChange: (c: Partial<RuleDraft>) => void;
}) {
  return (
    <span className="rule-choices">
      {values.map((v) => (
        <label key={v} className="checkbox">
          <input
            type="checkbox"
            checked={draft.list.includes(v)}
            onChange={(e) => onChange({ list: e.target.checked ? [...draft.list, v] : draft.list.filter((x) => x !== v) })}
          />
          {humanize(v)}
        </label>
      ))}
    </span>
  );
}

/** Several values: type one and press Enter (or a comma) to add it; × removes it. */
function ListInput({
  draft,
  onChange,
  invalid,
  numeric,
}: {
  draft: RuleDraft;
  onChange: (c: Partial<RuleDraft>) => void;
  invalid: boolean;
  numeric: boolean;
}) {
  const [typed, setTyped] = useState('');
  const add = () => {
    const values = typed
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v && !draft.list.includes(v));
    if (values.length) onChange({ list: [...draft.list, ...values] });
    setTyped('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add();
    } else if (e.key === 'Backspace' && !typed && draft.list.length) onChange({ list: draft.list.slice(0, -1) });
  };
  return (
    <span className="rule-list" aria-invalid={invalid}>
      {draft.list.map((v) => (
        <span key={v} className="badge badge-blue rule-list-item">
          {v}
          <button
            type="button"
            className="rule-list-remove"
            aria-label={`Remove ${v}`}
            onClick={() => onChange({ list: draft.list.filter((x) => x !== v) })}
          >
            <Icon name="x" size={11} />
          </button>
        </span>
      ))}
      <input
        className="rule-list-input"
        value={typed}
        inputMode={numeric ? 'decimal' : undefined}
        placeholder={draft.list.length ? 'Add…' : 'Type a value, press Enter'}
        aria-label="Add a value"
        onChange={(e) => setTyped(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={add}
        data-testid="rule-list-input"
      />
    </span>
  );
}
