/** What happened to the scores after a settings change: queued or running with progress, done, failed, or not needed. */
import { Alert } from '../../components/alert';
import { formatDateTime, formatNumber, formatRelative } from '../../lib/format';
import type { RecomputeStatus } from './use-recompute-status';

const REASONS = { settings: 'after a settings change', hourly: 'by the hourly refresh', manual: 'on request' } as const;

const when = (iso: string | null) =>
  iso ? (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelative(iso)}
    </time>
  ) : (
    'at an unknown time'
  );

export function RecomputeStatusPanel({ status }: { status: RecomputeStatus }) {
  switch (status.state) {
    case 'running':
      return <RecomputeProgress progress={status.progress} />;
    case 'done': {
      const r = status.recompute;
      if (!status.fromThisSave) {
        return (
          <p className="muted small" data-testid="recompute-last">
            Scores of {formatNumber(r.examined)} customers last recomputed {REASONS[r.reason]}, {when(r.finishedAt)}.
          </p>
        );
      }
      return (
        <div data-testid="recompute-done">
          <Alert tone="success" title={`Settings saved. Scores of ${formatNumber(r.examined)} customers recomputed.`}>
            {formatNumber(r.changed)} changed, {formatNumber(r.transitions)} stage or risk transitions recorded. Finished{' '}
            {when(r.finishedAt)}
            {r.finishedAt && ` (${formatDateTime(r.finishedAt)})`}.
          </Alert>
        </div>
      );
    }
    case 'failed':
      return (
        <div data-testid="recompute-failed">
          <Alert tone="error" title="The recompute of the scores failed">
            {status.recompute.error ?? 'No reason was recorded.'} The settings are saved; scores follow them at the next refresh.
          </Alert>
        </div>
      );
    case 'not-needed':
      return (
        <div data-testid="recompute-not-needed">
          <Alert tone="success" title="Settings saved.">
            No setting the scores depend on changed, so no customer was recomputed.
          </Alert>
        </div>
      );
    default:
      return null;
  }
}

function RecomputeProgress({ progress }: { progress: { examined: number; total: number } | null }) {
  const percent = progress && progress.total > 0 ? Math.min(100, Math.round((progress.examined / progress.total) * 100)) : null;
  return (
    <div className="recompute" role="status" data-testid="recompute-running">
      <div className="progress-label">
        <span>{progress ? "Recomputing every customer's scores…" : 'Recompute queued…'}</span>
        {progress && (
          <span className="muted num">
            {formatNumber(progress.examined)} of {formatNumber(progress.total)} customers
          </span>
        )}
      </div>
      <div
        className={`progress${percent === null ? ' progress-indeterminate' : ''}`}
        role="progressbar"
        aria-label="Recompute progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
      >
        <div className="progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
    </div>
  );
}
