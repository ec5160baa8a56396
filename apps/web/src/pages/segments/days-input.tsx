/** A whole number of days, at least 1, with its unit after it (a rule's window or value). */
export function DaysInput({
  value,
  onChange,
  label,
  invalid,
  placeholder,
  testId,
}: {
  value: string;
  onChange: (text: string) => void;
  label: string;
  invalid: boolean;
  placeholder?: string;
  testId: string;
}) {
  return (
    <span className="input-with-unit">
      <input
        className="input input-sm rule-number"
        type="number"
        min={1}
        step={1}
        value={value}
        placeholder={placeholder}
        aria-label={label}
        aria-invalid={invalid}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
      <span className="input-unit">days</span>
    </span>
  );
}
