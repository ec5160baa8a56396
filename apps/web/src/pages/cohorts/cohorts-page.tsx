/**
 * Retention cohorts: who keeps coming back, by when or where customers were acquired. Every switch
 * lives in the URL; the heatmap is a lazy chunk (echarts loads with the first chart).
 */
import { useQuery } from '@tanstack/react-query';
import { COHORT_GROUP_BYS, type RETENTION_CRITERIA, type RETENTION_METRICS } from '@tenure/contract';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { QueryView } from '../../components/query-view';
import { ChoiceSelect, CountSelect, type SelectOption } from '../../components/select';
import { SkeletonCard } from '../../components/skeleton';
import { formatDateTime, humanize } from '../../lib/format';
import { useCurrent } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import '../../styles/cohorts.css';
import { RetentionHeatmap } from './retention-heatmap';
import { useRetentionParams } from './use-cohort-params';
import { WindowInputs } from './window-inputs';

const PERIOD_CHOICES = [4, 6, 8, 12, 16, 24, 36, 52];
const CRITERIA_OPTIONS: SelectOption<(typeof RETENTION_CRITERIA)[number]>[] = [
  { value: 'on', label: 'Active in the period' },
  { value: 'on_or_after', label: 'Active in the period or later' },
];
const METRIC_OPTIONS: SelectOption<(typeof RETENTION_METRICS)[number]>[] = [
  { value: 'customers', label: 'Customers retained' },
  { value: 'revenue', label: 'Revenue retained' },
];

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
          <ChoiceSelect
            label="Group by"
            value={params.groupBy}
            options={COHORT_GROUP_BYS.map((g) => ({ value: g, label: `By ${g === 'week' || g === 'month' ? `${g} acquired` : g}` }))}
            onChange={(groupBy) => update({ groupBy })}
            testId="cohort-group-by"
          />
          <ChoiceSelect
            label="Criteria"
            value={params.criteria}
            options={CRITERIA_OPTIONS}
            onChange={(criteria) => update({ criteria })}
            testId="cohort-criteria"
          />
          <ChoiceSelect
            label="Metric"
            value={params.metric}
            options={METRIC_OPTIONS}
            onChange={(metric) => update({ metric })}
            testId="cohort-metric"
          />
          <CountSelect
            label="Periods"
            value={params.periods}
            choices={PERIOD_CHOICES}
            format={(n) => `${n} periods`}
            onChange={(periods) => update({ periods })}
            testId="cohort-periods"
          />
          <WindowInputs start={params.start} end={params.end} onChange={update} />
        </div>
        <div className="card-body">
          <QueryView
            query={cohorts}
            errorTitle="Could not load the cohorts"
            loading={<SkeletonCard lines={8} />}
            isEmpty={(answer) => answer.cohorts.length === 0}
            empty={
              <EmptyState icon="users" title="No customers acquired in this window">
                <p>Widen the acquisition window, or import customers and events to see how they retain.</p>
              </EmptyState>
            }
          >
            {(answer) => (
              <div className="stack-sm" aria-busy={cohorts.isFetching}>
                <p className="cohort-legend">
                  {params.metric === 'revenue'
                    ? 'Each cell: the revenue of the period over the same customers’ first-period revenue.'
                    : params.criteria === 'on'
                      ? 'Each cell: the share of customers whose period has started who were active in it.'
                      : 'Each cell: the share of customers whose period has started who were active in it or any later period.'}{' '}
                  The top row weighs every cohort by its size. {humanize(params.groupBy)} cohorts, as of {formatDateTime(answer.asOf)}.
                </p>
                <RetentionHeatmap answer={answer} currency={currency} />
              </div>
            )}
          </QueryView>
        </div>
      </div>
    </div>
  );
}
