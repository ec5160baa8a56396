/**
 * The dashboard's report (GET /reports): metric cards with the change against the previous
 * window, the chosen metric over time with the previous window as a faint line, and the range and
 * interval switches, all kept in the URL.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { DateWindow } from '../../components/date-window';
import { EmptyState } from '../../components/empty-state';
import { ChartPlaceholder } from '../../components/lazy-chart';
import { QueryView } from '../../components/query-view';
import { Segmented } from '../../components/segmented';
import { formatDate, formatDateTime } from '../../lib/format';
import { useCurrent } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import '../../styles/reports.css';
import { ReportCards, ReportCardsSkeleton } from './report-cards';
import { ReportChart } from './report-chart';
import { METRIC_LABELS } from './report-metrics';
import { RANGE_CHOICES, type RangeChoice, useReportParams } from './use-report-params';

const RANGE_LABELS: Record<RangeChoice, string> = { '7d': '7 days', '30d': '30 days', '90d': '90 days', custom: 'Custom' };
const today = () => new Date().toISOString().slice(0, 10);
const daysBefore = (iso: string, days: number) => new Date(Date.parse(iso) - days * 86_400_000).toISOString().slice(0, 10);

export function ReportSection() {
  const trpc = useTRPC();
  const { currency } = useCurrent();
  const { params, update } = useReportParams();
  const input = params.custom
    ? { start: params.custom.start, end: params.custom.end, interval: params.interval }
    : { range: params.range === 'custom' ? ('30d' as const) : params.range, interval: params.interval };
  const report = useQuery({ ...trpc.analytics.report.queryOptions(input), placeholderData: (previous) => previous });
  // The previous window's buckets for the faint line: the same question over [previousStart, previousEnd).
  const previous = useQuery({
    ...trpc.analytics.report.queryOptions({
      start: report.data?.previousStart ?? '',
      end: report.data?.previousEnd ?? '',
      interval: params.interval,
      metrics: params.metric,
    }),
    enabled: !!report.data,
    placeholderData: (prev) => prev,
  });

  const toolbar = (
    <div className="toolbar report-toolbar">
      <Segmented
        label="Range"
        value={params.range}
        options={RANGE_CHOICES.map((r) => ({ value: r, label: RANGE_LABELS[r] }))}
        onChange={(range) =>
          update(range === 'custom' ? { range, start: params.start ?? daysBefore(today(), 30), end: params.end ?? today() } : { range })
        }
        testId="report-range"
      />
      {params.range === 'custom' && (
        <DateWindow
          start={params.start}
          end={params.end}
          onChange={update}
          fromLabel="From"
          testIdPrefix="report"
          invalid={!params.custom}
        />
      )}
      <span className="toolbar-spacer" />
      <Segmented
        label="Interval"
        value={params.interval}
        options={[
          { value: 'day', label: 'Daily' },
          { value: 'week', label: 'Weekly' },
        ]}
        onChange={(interval) => update({ interval })}
        testId="report-interval"
      />
    </div>
  );

  return (
    <section className="stack" aria-label="Report" data-testid="report-section">
      <div className="section-heading">
        <h2>How the business moves</h2>
        <Link to="/calibration" className="section-link" data-testid="calibration-link">
          Does the health score predict churn? See the calibration →
        </Link>
      </div>
      <div className="card">
        {toolbar}
        <div className="card-body stack">
          <QueryView
            query={report}
            errorTitle="Could not load the report"
            loading={
              <>
                <ReportCardsSkeleton />
                <ChartPlaceholder height={280} />
              </>
            }
          >
            {(answer) => (
              <div className="stack" aria-busy={report.isFetching} data-testid="report-body">
                <ReportCards answer={answer} currency={currency} selected={params.metric} onSelect={(metric) => update({ metric })} />
                {answer.totals.events === 0 && answer.previous.events === 0 ? (
                  <EmptyState icon="activity" title="No events in this period or the one before">
                    <p>Pick a longer range, or send events through the API to see how the business moves.</p>
                  </EmptyState>
                ) : (
                  <div className="stack-sm">
                    <p className="cohort-legend">
                      {METRIC_LABELS[params.metric]} per {params.interval === 'day' ? 'UTC day' : 'ISO week'}{' '}
                      {answer.range
                        ? `in the last ${answer.range.replace('d', ' days')} (${formatDateTime(answer.start)} to ${formatDateTime(answer.end)})`
                        : `from ${formatDate(answer.start)} through ${formatDate(new Date(Date.parse(answer.end) - 1).toISOString())}`}
                      ; the dashed line is the period before.
                    </p>
                    <ReportChart answer={answer} previous={previous.data?.series} metric={params.metric} currency={currency} />
                  </div>
                )}
              </div>
            )}
          </QueryView>
        </div>
      </div>
    </section>
  );
}
