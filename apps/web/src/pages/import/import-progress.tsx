import { formatNumber } from '../../lib/format';

export function ImportProgress({ done, total, onCancel }: { done: number; total: number; onCancel?: () => void }) {
  const pct = total === 0 ? 100 : Math.round((done / total) * 100);
  return (
    <div className="stack-sm" data-testid="import-progress">
      <div className="progress-label">
        <span>
          Importing… {formatNumber(done)} / {formatNumber(total)} rows
        </span>
        <span className="num">{pct}%</span>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-label="Import progress"
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      {onCancel && (
        <div>
          <button type="button" className="btn btn-sm" onClick={onCancel}>
            Stop after this batch
          </button>
        </div>
      )}
    </div>
  );
}
