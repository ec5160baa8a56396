/** The acquisition window of a cohort page: two UTC dates, `[from, until)`, kept in the URL. */
export function WindowInputs({
  start,
  end,
  onChange,
}: {
  start?: string;
  end?: string;
  onChange: (changes: { start?: string; end?: string }) => void;
}) {
  const invalid = !!(start && end && start >= end);
  return (
    <span className="window-inputs">
      <label className="inline-field">
        <span>Acquired from</span>
        <input
          className="input"
          type="date"
          value={start ?? ''}
          max={end}
          onChange={(e) => onChange({ start: e.target.value || undefined })}
          data-testid="cohort-start"
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
          data-testid="cohort-end"
        />
      </label>
      {(start || end) && (
        <button type="button" className="btn btn-ghost" onClick={() => onChange({ start: undefined, end: undefined })}>
          All time
        </button>
      )}
    </span>
  );
}
