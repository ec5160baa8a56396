/** One numeric setting: label, input with its unit, what it means, and the schema's message under it. */
import type { ReactNode } from 'react';

interface SettingFieldProps {
  id: string;
  label: string;
  unit?: ReactNode;
  hint: ReactNode;
  value: string;
  error?: string;
  step?: string;
  onChange: (value: string) => void;
}

export function SettingField({ id, label, unit, hint, value, error, step = '1', onChange }: SettingFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field setting-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="input-with-unit">
        <input
          id={id}
          className="input num"
          type="number"
          inputMode="decimal"
          step={step}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error !== undefined}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          data-testid={`setting-${id}`}
        />
        {unit !== undefined && <span className="input-unit">{unit}</span>}
      </div>
      {error && (
        <span className="field-error" id={errorId} data-testid={`setting-${id}-error`}>
          {error}
        </span>
      )}
      <span className="field-hint" id={hintId}>
        {hint}
      </span>
    </div>
  );
}
