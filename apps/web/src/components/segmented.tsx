/** A row of mutually exclusive choices (the segmented control of styles/controls.css). */
import type { ChoiceProps } from './select';

export function Segmented<T extends string>({ label, value, options, onChange, testId }: ChoiceProps<T>) {
  return (
    <fieldset className="segmented" aria-label={label} data-testid={testId}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          className={`segmented-option${o.value === value ? ' is-active' : ''}`}
          aria-pressed={o.value === value}
          onClick={() => onChange(o.value)}
          data-testid={testId ? `${testId}-${o.value}` : undefined}
        >
          {o.label}
        </button>
      ))}
    </fieldset>
  );
}
