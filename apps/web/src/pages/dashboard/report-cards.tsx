/** One card per report metric: the window's total and its change against the previous window; a card picks the chart's metric. */
import { REPORT_METRICS, type TReportAnswer, type TReportMetric } from '@tenure/contract';
import { SkeletonLine } from '../../components/skeleton';
import { changeOf, formatMetric, METRIC_LABELS } from './report-metrics';

const ARROWS = { up: '▲', down: '▼', flat: '' } as const;

export function ReportCards({
  answer,
  currency,
  selected,
  onSelect,
}: {
  answer: TReportAnswer;
  currency: string;
  selected: TReportMetric;
  onSelect: (metric: TReportMetric) => void;
}) {
  return (
    <div className="report-cards">
      {REPORT_METRICS.map((metric) => {
        const change = changeOf(metric, answer.totals, answer.previous);
        return (
          <button
            key={metric}
            type="button"
            className={`card report-card${metric === selected ? ' is-selected' : ''}`}
            aria-pressed={metric === selected}
            title={`${METRIC_LABELS[metric]}: ${formatMetric(metric, answer.totals[metric], currency)} in this period, ${formatMetric(metric, answer.previous[metric], currency)} in the one before`}
            onClick={() => onSelect(metric)}
            data-testid={`report-card-${metric}`}
          >
            <span className="report-card-label">{METRIC_LABELS[metric]}</span>
            <span className="report-card-value" data-testid={`report-value-${metric}`}>
              {formatMetric(metric, answer.totals[metric], currency)}
            </span>
            <span className="report-card-change">
              {change && (
                <span className={`change change-${change.tone}`} data-testid={`report-change-${metric}`}>
                  {ARROWS[change.direction]} {change.text}
                </span>
              )}
              <span className="muted"> vs {formatMetric(metric, answer.previous[metric], currency)}</span>
            </span>
          </button>
        );
      })}
    </div>
  );
}

export function ReportCardsSkeleton() {
  return (
    <div className="report-cards" aria-busy="true">
      {REPORT_METRICS.map((metric) => (
        <div key={metric} className="card report-card">
          <SkeletonLine width="55%" />
          <SkeletonLine width="40%" />
          <SkeletonLine width="75%" />
        </div>
      ))}
    </div>
  );
}
