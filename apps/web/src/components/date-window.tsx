/** A window of two UTC dates, `[from, until)`, for a toolbar; the URL keeps it, so empty means unset. */
type Window = { start?: string; end?: string };

export function DateWindow({
  start,
  end,
  onChange,
  fromLabel,
  testIdPrefix,
  resetLabel,
  invalid = !!(start && end && start >= end),
}: Window & {
  onChange: (changes: Window) => void;
  fromLabel: string;
  /** The inputs are `<prefix>-start` and `<prefix>-end`. */
  testIdPrefix: string;
  /** A button that clears both dates, shown while either is set. */
  resetLabel?: string;
  /** Marks the end date; by default when the window holds no day. */
  invalid?: boolean;
}) {
  return (
    <span className="window-inputs">
      <label className="inline-field">
        <span>{fromLabel}</span>
        <input
          className="input"
          type="date"
          value={start ?? ''}
          max={end}
          onChange={(e) => onChange({ start: e.target.value || undefined })}
          data-testid={`${testIdPrefix}-start`}
        />
      </label>
      <label className="inline-field">
        <span>until</span>
        <input
          className="input"
          type="date"
          value={end ?? ''}
          min={start}
          aria-invalid={invalid}
          onChange={(e) => onChange({ end: e.target.value || undefined })}
          data-testid={`${testIdPrefix}-end`}
        />
      </label>
      {resetLabel && (start || end) && (
        <button type="button" className="btn btn-ghost" onClick={() => onChange({ start: undefined, end: undefined })}>
          {resetLabel}
        </button>
      )}
    </span>
  );
}
