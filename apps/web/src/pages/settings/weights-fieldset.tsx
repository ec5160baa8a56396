/** The three health weights with their live sum, which must be 1 (the schema's tolerance). */
import { WEIGHT_SUM_TOLERANCE } from '@tenure/contract';
import { formatDecimal } from '../../lib/format';
import { type FieldErrors, type SettingsDraft, WEIGHT_KEYS, type WeightKey, weightSum } from './settings-draft';
import { SettingField } from './setting-field';

const WEIGHTS: Record<WeightKey, { label: string; hint: string }> = {
  recency: { label: 'Recency weight', hint: 'How recently the customer did anything' },
  engagement: { label: 'Engagement weight', hint: 'How many events in the last 30 days' },
  monetary: { label: 'Monetary weight', hint: 'Revenue of the last 30 days against the 30 before' },
};

/** "0.35" → "35%": how much of health the weight is, while typing. */
function percentOf(text: string): string {
  const n = Number(text);
  return text.trim() === '' || !Number.isFinite(n) ? '' : `${formatDecimal(n * 100, 2)}%`;
}

interface WeightsFieldsetProps {
  draft: SettingsDraft;
  errors: FieldErrors;
  onChange: (key: WeightKey, value: string) => void;
}

export function WeightsFieldset({ draft, errors, onChange }: WeightsFieldsetProps) {
  const sum = weightSum(draft);
  const balanced = sum !== null && Math.abs(sum - 1) <= WEIGHT_SUM_TOLERANCE;
  return (
    <div className="stack-sm">
      <div className="settings-grid">
        {WEIGHT_KEYS.map((key) => (
          <SettingField
            key={key}
            id={`weight-${key}`}
            label={WEIGHTS[key].label}
            unit={percentOf(draft.weights[key])}
            hint={WEIGHTS[key].hint}
            step="0.05"
            value={draft.weights[key]}
            error={errors[`weights.${key}`]}
            onChange={(value) => onChange(key, value)}
          />
        ))}
      </div>
      <div className={`weight-sum${balanced ? ' is-balanced' : ' is-off'}`} data-testid="weight-sum" aria-live="polite">
        Sum of weights: <strong className="num">{sum === null ? '—' : formatDecimal(sum, 4)}</strong>
        {balanced ? ' ✓' : ' — must be exactly 1'}
      </div>
      {errors.weights && (
        <span className="field-error" data-testid="setting-weights-error">
          {errors.weights}
        </span>
      )}
    </div>
  );
}
