/** Toolbar selects: one of a few named options, or a count among round numbers. */
export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

/** A choice among named options: the props of a select and of a segmented control alike. */
export interface ChoiceProps<T extends string> {
  /** The accessible name (toolbars have no visible labels). */
  label: string;
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
  testId?: string;
}

export function ChoiceSelect<T extends string>({ label, value, options, onChange, testId }: ChoiceProps<T>) {
  return (
    <select className="select" aria-label={label} value={value} onChange={(e) => onChange(e.target.value as T)} data-testid={testId}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/**
 * A number of periods, months or days: the usual choices in order, and the current value among
 * them when the URL holds another one.
 */
export function CountSelect({
  label,
  value,
  choices,
  format,
  onChange,
  testId,
}: Pick<ChoiceProps<string>, 'label' | 'testId'> & {
  value: number;
  choices: readonly number[];
  format: (n: number) => string;
  onChange: (value: number) => void;
}) {
  const counts = [...new Set([...choices, value])].sort((a, b) => a - b);
  return (
    <ChoiceSelect
      label={label}
      value={String(value)}
      options={counts.map((n) => ({ value: String(n), label: format(n) }))}
      onChange={(n) => onChange(Number(n))}
      testId={testId}
    />
  );
}
