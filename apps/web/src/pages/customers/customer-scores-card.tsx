/**
 * The computed fields: health and its parts, risk, lifecycle stage with the reason for it,
 * engagement and expansion, LTV, segments and the next action, as of `scoresComputedAt`.
 */
import type { TCustomer } from '@tenure/contract';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { LifecycleBadge, ScoreBar } from '../../components/customer-badges';
import { ErrorAlert } from '../../components/error-alert';
import { JsonView } from '../../components/json-view';
import { KeyValueList } from '../../components/key-value-list';
import { SkeletonLine } from '../../components/skeleton';
import { formatDate, formatDateTime, formatMoney, formatRelative } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { CustomerHealthPanel } from './customer-health-panel';
import { lifecycleReason } from './lifecycle-reason';
import { useReactivationGap } from './use-reactivation-gap';
import '../../styles/segments.css';

export function CustomerScoresCard({ customer: c, currency }: { customer: TCustomer; currency: string }) {
  const trpc = useTRPC();
  // The weights, thresholds and stage rules of this environment explain the numbers below.
  const settings = useQuery(trpc.analytics.getSettings.queryOptions());
  const reactivation = useReactivationGap(c);
  const s = settings.data?.settings;

  return (
    <div className="card" data-testid="customer-scores">
      <div className="card-header">
        <h2>Health and scores</h2>
        <span
          className="muted small"
          title={c.scoresComputedAt ? formatDateTime(c.scoresComputedAt) : undefined}
          data-testid="scores-as-of"
        >
          {c.scoresComputedAt ? `Scores as of ${formatRelative(c.scoresComputedAt)}` : 'Scores not computed yet'}
        </span>
      </div>
      <div className="card-body stack">
        {settings.isError && (
          <ErrorAlert error={settings.error} title="Could not load the analytics settings" onRetry={() => settings.refetch()} />
        )}
        <CustomerHealthPanel customer={c} settings={s} />
        <div className="lifecycle-line">
          <span className="stat-label">Lifecycle</span>
          <LifecycleBadge stage={c.lifecycleStage} />
          <span className="muted" data-testid="lifecycle-reason">
            {s ? lifecycleReason(c, s, reactivation.gapDays) : <SkeletonLine width="220px" />}
          </span>
        </div>
        {reactivation.error && (
          <ErrorAlert error={reactivation.error} title="Could not read the events behind the comeback" onRetry={reactivation.retry} />
        )}
        <div className="score-grid">
          <ScoreBar
            label="Engagement score"
            value={c.engagementScore}
            hint={s ? `events in 30 days; 100 at ${s.engagementTarget}` : 'events in the last 30 days'}
          />
          <ScoreBar label="Expansion score" value={c.expansionScore} hint="revenue growth (60%) and engagement (40%)" />
        </div>
        <KeyValueList
          items={[
            { label: 'Lifetime value', value: formatMoney(c.ltv, currency) },
            {
              label: 'Last activity',
              value: c.lastActivityAt && <time title={formatDateTime(c.lastActivityAt)}>{formatRelative(c.lastActivityAt)}</time>,
            },
            { label: 'Scores computed', value: c.scoresComputedAt ? formatDateTime(c.scoresComputedAt) : 'Not computed yet' },
            {
              label: 'Segments',
              value:
                c.segments.length > 0 ? (
                  <span className="chips">
                    {c.segments.map((seg) => (
                      <Link
                        key={seg.id}
                        to={`/segments/${seg.id}`}
                        className="badge badge-violet segment-chip"
                        title={`In this segment since ${formatDate(seg.since)}`}
                        data-testid="customer-segment"
                      >
                        {seg.name}
                      </Link>
                    ))}
                  </span>
                ) : null,
            },
            { label: 'Next action', value: c.nextAction && <JsonView value={c.nextAction} /> },
          ]}
        />
      </div>
    </div>
  );
}
