/**
 * LTV cohorts: what a customer is worth over the months after acquisition, per cohort, and the
 * predicted lifetime value (ARPA / churn). Every switch lives in the URL; the chart is a lazy chunk.
 */
import { useQuery } from '@tanstack/react-query';
import { LTV_GROUP_BYS, type TLtvAnswer } from '@tenure/contract';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { QueryView } from '../../components/query-view';
import { ChoiceSelect, CountSelect } from '../../components/select';
import { SkeletonCard } from '../../components/skeleton';
import { formatDateTime, formatMoney, formatNumber } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import '../../styles/cohorts.css';
import { useLtvParams } from '../cohorts/use-cohort-params';
import { WindowInputs } from '../cohorts/window-inputs';
import { LtvCurves } from './ltv-curves';

const MONTH_CHOICES = [3, 6, 12, 18, 24, 36];

/** Milestone months shown in the table (those within the months asked for). */
const MILESTONES = [1, 3, 6, 12, 24, 36];

function LtvTable({ answer }: { answer: TLtvAnswer }) {
  const milestones = MILESTONES.filter((m) => m <= answer.months);
  if (!milestones.includes(answer.months)) milestones.push(answer.months);
  return (
    <div className="table-wrap">
      <table className="table ltv-table" data-testid="ltv-table">
        <thead>
          <tr>
            <th>Cohort</th>
            <th className="num">Customers</th>
            {milestones.map((m) => (
              <th
                key={m}
                className="num"
                title={`Average revenue per customer in their first ${m} month${m === 1 ? '' : 's'}, over those who completed them`}
              >
                LTV month {m}
              </th>
            ))}
            <th className="num">Predicted LTV</th>
          </tr>
        </thead>
        <tbody>
          {answer.cohorts.map((c) => (
            <tr key={c.cohort}>
              <td>{c.cohort}</td>
              <td className="num">{formatNumber(c.size)}</td>
              {milestones.map((m) => (
                <td key={m} className="num">
                  {formatMoney(c.ltv[m - 1], answer.currency)}
                </td>
              ))}
              <td
                className="num"
                title={
                  c.predictedLtv === null
                    ? 'Not enough activity to predict: no customer active now, none active 30 days ago, or none lapsed in the last 30 days'
                    : 'Revenue of the last 30 days per active customer, divided by the share that lapsed'
                }
              >
                {formatMoney(c.predictedLtv, answer.currency)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function LtvPage() {
  const trpc = useTRPC();
  const { params, update } = useLtvParams();
  const ltv = useQuery({ ...trpc.customers.ltvCohorts.queryOptions(params), placeholderData: (previous) => previous });

  return (
    <div className="stack" data-testid="ltv-page">
      <PageHeader
        title="Lifetime value"
        subtitle="Average revenue per customer over the months after acquisition, per cohort. A month counts once a customer has completed it."
      />
      <div className="card">
        <div className="toolbar cohort-toolbar">
          <ChoiceSelect
            label="Group by"
            value={params.groupBy}
            options={LTV_GROUP_BYS.map((g) => ({ value: g, label: `By ${g === 'month' ? 'month acquired' : g}` }))}
            onChange={(groupBy) => update({ groupBy })}
            testId="ltv-group-by"
          />
          <CountSelect
            label="Months"
            value={params.months}
            choices={MONTH_CHOICES}
            format={(n) => `${n} months`}
            onChange={(months) => update({ months })}
            testId="ltv-months"
          />
          <WindowInputs start={params.start} end={params.end} onChange={update} />
        </div>
        <div className="card-body">
          <QueryView
            query={ltv}
            errorTitle="Could not load lifetime value"
            loading={<SkeletonCard lines={8} />}
            isEmpty={(answer) => answer.cohorts.length === 0}
            empty={
              <EmptyState icon="users" title="No customers acquired in this window">
                <p>Widen the acquisition window, or import customers and events to see what they are worth.</p>
              </EmptyState>
            }
          >
            {(answer) => (
              <div className="stack" aria-busy={ltv.isFetching}>
                <LtvCurves answer={answer} />
                <LtvTable answer={answer} />
                <p className="cohort-legend">
                  Money in {answer.currency}, as of {formatDateTime(answer.asOf)}.
                </p>
              </div>
            )}
          </QueryView>
        </div>
      </div>
    </div>
  );
}
