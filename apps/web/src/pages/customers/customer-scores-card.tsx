/** The computed fields: health and its parts, engagement, expansion, risk, LTV, lifecycle. */
import type { TCustomer } from '@tenure/contract';
import { Badge } from '../../components/badge';
import { HealthScore, LifecycleBadge, RiskBadge, ScoreBar } from '../../components/customer-badges';
import { JsonView } from '../../components/json-view';
import { KeyValueList } from '../../components/key-value-list';
import { formatDate, formatDateTime, formatMoney, formatRelative } from '../../lib/format';

export function CustomerScoresCard({ customer: c, currency }: { customer: TCustomer; currency: string }) {
  const delta = c.health !== null && c.previousHealth !== null ? Math.round(c.health - c.previousHealth) : null;
  return (
    <div className="card">
      <div className="card-header">
        <h2>Scores</h2>
        <span className="muted small" title={formatDateTime(c.scoresComputedAt)}>
          {c.scoresComputedAt ? `Computed ${formatRelative(c.scoresComputedAt)}` : 'Not computed yet'}
        </span>
      </div>
      <div className="card-body stack">
        <div className="stat-row">
          <div className="stat">
            <div className="stat-label">Health</div>
            <div className="stat-value">
              <HealthScore health={c.health} />
              {delta !== null && delta !== 0 && (
                <span
                  className={`delta ${delta > 0 ? 'delta-up' : 'delta-down'}`}
                  title={`Previously ${Math.round(c.previousHealth ?? 0)}`}
                >
                  {delta > 0 ? `▲ ${delta}` : `▼ ${-delta}`}
                </span>
              )}
            </div>
          </div>
          <div className="stat">
            <div className="stat-label">Lifetime value</div>
            <div className="stat-value">{formatMoney(c.ltv, currency)}</div>
          </div>
          <div className="stat">
            <div className="stat-label">Lifecycle</div>
            <div className="stat-value">
              <LifecycleBadge stage={c.lifecycleStage} />
            </div>
          </div>
          <div className="stat">
            <div className="stat-label">Risk</div>
            <div className="stat-value">
              <RiskBadge risk={c.riskLevel} />
            </div>
          </div>
        </div>
        {c.healthComponents ? (
          <div className="score-grid">
            <ScoreBar label="Recency" value={c.healthComponents.recency} />
            <ScoreBar label="Engagement (health part)" value={c.healthComponents.engagement} />
            <ScoreBar label="Monetary trend" value={c.healthComponents.monetary} />
          </div>
        ) : (
          <p className="muted small">
            {c.lastActivityAt
              ? 'No health components yet: scores have not been computed for this customer.'
              : 'No health components: the customer has no events yet.'}
          </p>
        )}
        <div className="score-grid">
          <ScoreBar label="Engagement score" value={c.engagementScore} />
          <ScoreBar label="Expansion score" value={c.expansionScore} />
        </div>
        <KeyValueList
          items={[
            {
              label: 'Last activity',
              value: c.lastActivityAt && <time title={formatDateTime(c.lastActivityAt)}>{formatRelative(c.lastActivityAt)}</time>,
            },
            { label: 'Scores computed', value: c.scoresComputedAt && formatDateTime(c.scoresComputedAt) },
            {
              label: 'Segments',
              value:
                c.segments.length > 0 ? (
                  <span className="chips">
                    {c.segments.map((s) => (
                      <Badge key={s.id} tone="violet" title={`Since ${formatDate(s.since)}`}>
                        {s.name}
                      </Badge>
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
