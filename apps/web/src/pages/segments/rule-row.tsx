/** One row of the rule builder: field (grouped by kind), operator that fits its type, value. */
import { CUSTOMER_RULE_CATALOG, operatorsFor, type RuleOperator } from '@tenure/contract';
import { Icon } from '../../components/icons';
import { DaysInput } from './days-input';
import { ATTRIBUTE_FIELD, newDraft, type RuleDraft, specOf } from './rule-model';
import { OPERATOR_LABEL } from './rule-summary';
import { RuleValueInput } from './rule-value-input';

const GROUPS: { label: string; fields: string[] }[] = [
  { label: 'Profile', fields: ['email', 'name', 'company', 'role', 'locale', 'plan', 'teamSize', 'createdAt'] },
  { label: 'Scores', fields: ['lifecycleStage', 'riskLevel', 'health', 'engagementScore', 'expansionScore', 'ltv'] },
  { label: 'Activity', fields: ['active', 'lastActivityAt', 'eventCount'] },
  { label: 'Acquisition', fields: ['acquisition.source', 'acquisition.medium', 'acquisition.campaign'] },
];

interface Props {
  draft: RuleDraft;
  index: number;
  problems: { part: string; message: string }[];
  onChange: (draft: RuleDraft) => void;
  onRemove: () => void;
}

export function RuleRow({ draft, index, problems, onChange, onRemove }: Props) {
  const spec = specOf(draft.field);
  const operators = spec ? operatorsFor(spec) : [];
  const bad = (part: string) => problems.some((p) => p.part === part);
  const change = (changes: Partial<RuleDraft>) => onChange({ ...draft, ...changes });

  const changeField = (field: string) => {
    const fresh = newDraft(field);
    const next = specOf(field);
    // Keep the operator when the new field takes it too; values are re-entered.
    const operator = next && operatorsFor(next).includes(draft.operator) ? draft.operator : fresh.operator;
    onChange({ ...fresh, id: draft.id, operator, attrKey: draft.attrKey });
  };

  return (
    <li className="rule-row" data-testid="rule-row">
      <div className="rule-inputs">
        <span className="rule-index">{index + 1}</span>
        <select
          className="select select-sm"
          value={draft.field}
          aria-label="Field"
          aria-invalid={bad('field')}
          onChange={(e) => changeField(e.target.value)}
          data-testid="rule-field"
        >
          {GROUPS.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.fields.map((f) => (
                <option key={f} value={f}>
                  {CUSTOMER_RULE_CATALOG.fields[f]?.label ?? f}
                </option>
              ))}
            </optgroup>
          ))}
          <optgroup label="Custom">
            <option value={ATTRIBUTE_FIELD}>Attribute…</option>
          </optgroup>
        </select>
        {draft.field === ATTRIBUTE_FIELD && (
          <input
            className="input input-sm rule-key"
            value={draft.attrKey}
            placeholder="attribute key"
            maxLength={64}
            aria-label="Attribute key"
            aria-invalid={bad('field')}
            onChange={(e) => change({ attrKey: e.target.value })}
            data-testid="rule-attribute-key"
          />
        )}
        <select
          className="select select-sm"
          value={draft.operator}
          aria-label="Operator"
          aria-invalid={bad('operator')}
          onChange={(e) => change({ operator: e.target.value as RuleOperator, list: [] })}
          data-testid="rule-operator"
        >
          {operators.map((op) => (
            <option key={op} value={op}>
              {OPERATOR_LABEL[op]}
            </option>
          ))}
        </select>
        {spec && <RuleValueInput spec={spec} draft={draft} onChange={change} invalid={bad('value')} />}
        {spec?.type === 'count' && (
          <>
            <span className="rule-word">events named</span>
            <input
              className="input input-sm rule-key"
              value={draft.event}
              placeholder="any event"
              maxLength={50}
              aria-label="Event name"
              onChange={(e) => change({ event: e.target.value })}
              data-testid="rule-event"
            />
            <span className="rule-word">in the last</span>
            <DaysInput
              value={draft.withinDays}
              onChange={(withinDays) => change({ withinDays })}
              label="Within the last days"
              invalid={bad('withinDays')}
              placeholder="ever"
              testId="rule-within-days"
            />
          </>
        )}
        <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Remove rule ${index + 1}`} onClick={onRemove}>
          <Icon name="trash" />
        </button>
      </div>
      {problems.length > 0 && (
        <ul className="rule-problems">
          {problems.map((p) => (
            <li key={`${p.part}:${p.message}`} className="field-error">
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
