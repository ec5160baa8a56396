/**
 * Retention cohorts: who keeps coming back, by when or where customers were acquired. Every switch
 * lives in the URL; the heatmap is a lazy chunk (echarts loads with the first chart).
 */
import { useQuery } from '@tanstack/react-query';
import { COHORT_GROUP_BYS } from '@tenure/contract';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { SkeletonCard } from '../../components/skeleton';
import { formatDateTime, humanize } from '../../lib/format';
import { useCurrent } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import '../../styles/cohorts.css';
import { RetentionHeatmap } from './retention-heatmap';
import { useRetentionParams } from './use-cohort-params';
import { WindowInputs } from './window-inputs';

const PERIOD_CHOICES = [4, 6, 8, 12, 16, 24, 36, 52];

export default function CohortsPage() {
  const trpc = useTRPC();
  const { currency } = useCurrent();
  const { params, update } = useRetentionParams();
  const cohorts = useQuery({ ...trpc.customers.cohorts.queryOptions(params), placeholderData: (previous) => previous });
  const L = params.groupBy === 'week' ? '7-day' : '30-day';

  return (
    <div className="stack" data-testid="cohorts-page">
      <PageHeader
        title="Retention cohorts"
        subtitle={`Customers grouped by acquisition ${params.groupBy}; each column is a ${L} period of their own lifetime, counted from when each was first seen.`}
      />
      <div className="card">
        <div className="toolbar cohort-toolbar">
          <select
            className="select"
            aria-label="Group by"
            value={params.groupBy}
            onChange={(e) => update({ groupBy: e.target.value })}
            data-testid="cohort-group-by"
          >
            {COHORT_GROUP_BYS.map((g) => (
              <option key={g} value={g}>
                By {g === 'week' || g === 'month' ? `${g} acquired` : g}
              </option>
            ))}
          </select>
          <select
            className="select"
            aria-label="Criteria"
            value={params.criteria}
            onChange={(e) => update({ criteria: e.target.value })}
            data-testid="cohort-criteria"
          >
            <option value="on">Active in the period</option>
            <option value="on_or_after">Active in the period or later</option>
          </select>
          <select
            className="select"
            aria-label="Metric"
            value={params.metric}
            onChange={(e) => update({ metric: e.target.value })}
            data-testid="cohort-metric"
          >
            <option value="customers">Customers retained</option>
            <option value="revenue">Revenue retained</option>
          </select>
          <select
            className="select"
            aria-label="Periods"
            value={params.periods}
            onChange={(e) => update({ periods: Number(e.target.value) })}
            data-testid="cohort-periods"
          >
            {[...new Set([...PERIOD_CHOICES, params.periods])]
              .sort((a, b) => a - b)
              .map((n) => (
                <option key={n} value={n}>
                  {n} periods
                </option>
              ))}
          </select>
          <WindowInputs start={params.start} end={params.end} onChange={update} />
        </div>
        <div className="card-body">
          {cohorts.isError ? (
            <ErrorAlert error={cohorts.error} title="Could not load the cohorts" onRetry={() => void cohorts.refetch()} />
          ) : !cohorts.data ? (
            <SkeletonCard lines={8} />
          ) : cohorts.data.cohorts.length === 0 ? (
            <EmptyState icon="users" title="No customers acquired in this window">
              <p>Widen the acquisition window, or import customers and events to see how they retain.</p>
            </EmptyState>
          ) : (
            <div className="stack-sm" aria-busy={cohorts.isFetching}>
              <p className="cohort-legend">
                {params.metric === 'revenue'
                  ? 'Each cell: the revenue of the period over the same customers’ first-period revenue.'
                  : params.criteria === 'on'
                    ? 'Each cell: the share of customers whose period has started who were active in it.'
                    : 'Each cell: the share of customers whose period has started who were active in it or any later period.'}{' '}
                The top row weighs every cohort by its size. {humanize(params.groupBy)} cohorts, as of {formatDateTime(cohorts.data.asOf)}.
              </p>
              <RetentionHeatmap answer={cohorts.data} currency={currency} />
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
