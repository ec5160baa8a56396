/**
 * Attribution: which sources, campaigns or media earned the revenue of the conversions in a
 * window, under a chosen model — bars and a table, with what each model does. Switches in the URL.
 */
import { useQuery } from '@tanstack/react-query';
import { ATTRIBUTION_GROUP_BYS, ATTRIBUTION_MODEL_DESCRIPTIONS, ATTRIBUTION_MODELS, type TAttributionAnswer } from '@tenure/contract';
import { DateWindow } from '../../components/date-window';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { QueryView } from '../../components/query-view';
import { Segmented } from '../../components/segmented';
import { ChoiceSelect, CountSelect } from '../../components/select';
import { SkeletonCard } from '../../components/skeleton';
import { formatDate, formatDateTime, formatDecimal, formatMoney, humanize } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import '../../styles/cohorts.css';
import '../../styles/reports.css';
import { AttributionChart } from './attribution-chart';
import { MODEL_LABELS } from './model-labels';
import { LOOKBACK_CHOICES, useAttributionParams } from './use-attribution-params';

/** The credits of one answer: what they add up to, the bars and the table with each row's share. */
function AttributionResult({ answer, fetching }: { answer: TAttributionAnswer; fetching: boolean }) {
  const totalRevenue = answer.rows.reduce((s, r) => s + r.revenue, 0);
  const totalConversions = answer.rows.reduce((s, r) => s + r.conversions, 0);
  return (
    <div className="stack" aria-busy={fetching} data-testid="attribution-result">
      <p className="cohort-legend">
        {formatMoney(totalRevenue, answer.currency)} from {formatDecimal(totalConversions, 2)} conversions between{' '}
        {formatDate(answer.start)} and {formatDate(answer.end)}, by {answer.groupBy}, {MODEL_LABELS[answer.model].toLowerCase()},{' '}
        {answer.lookbackDays}-day lookback · as of {formatDateTime(answer.asOf)}
      </p>
      <AttributionChart answer={answer} />
      <div className="table-wrap">
        <table className="table" data-testid="attribution-table">
          <thead>
            <tr>
              <th>{humanize(answer.groupBy)}</th>
              <th className="align-right">Conversions</th>
              <th className="align-right">Revenue</th>
              <th>Share of revenue</th>
            </tr>
          </thead>
          <tbody>
            {answer.rows.map((r) => {
              const share = totalRevenue > 0 ? r.revenue / totalRevenue : 0;
              return (
                <tr key={r.key}>
                  <td>{r.key}</td>
                  <td className="align-right num-cell">{formatDecimal(r.conversions, 4)}</td>
                  <td className="align-right num-cell">{formatMoney(r.revenue, answer.currency)}</td>
                  <td>
                    <span className="share-bar" style={{ width: `${Math.max(2, share * 120)}px` }} />{' '}
                    <span className="muted small">{(share * 100).toFixed(1)}%</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export default function AttributionPage() {
  const trpc = useTRPC();
  const { params, update } = useAttributionParams();
  const attribution = useQuery({ ...trpc.analytics.attribution.queryOptions(params), placeholderData: (previous) => previous });

  return (
    <div className="stack" data-testid="attribution-page">
      <PageHeader
        title="Attribution"
        subtitle="Which campaigns earned the revenue: every conversion (an event with revenue) credits the touchpoints its customer had in the lookback window before it."
      />
      <div className="card">
        <div className="toolbar">
          <Segmented
            label="Model"
            value={params.model}
            options={ATTRIBUTION_MODELS.map((m) => ({ value: m, label: MODEL_LABELS[m] }))}
            onChange={(model) => update({ model })}
            testId="attribution-model"
          />
          <ChoiceSelect
            label="Group by"
            value={params.groupBy}
            options={ATTRIBUTION_GROUP_BYS.map((g) => ({ value: g, label: `By ${g}` }))}
            onChange={(groupBy) => update({ groupBy })}
            testId="attribution-group-by"
          />
          <CountSelect
            label="Lookback"
            value={params.lookbackDays}
            choices={LOOKBACK_CHOICES}
            format={(n) => `${n}-day lookback`}
            onChange={(lookbackDays) => update({ lookbackDays })}
            testId="attribution-lookback"
          />
          <DateWindow
            start={params.start}
            end={params.end}
            onChange={update}
            fromLabel="Conversions from"
            testIdPrefix="attribution"
            resetLabel="Last 30 days"
          />
        </div>
        <div className="card-body">
          <div className="attribution-layout">
            <div className="stack">
              <QueryView
                query={attribution}
                errorTitle="Could not load the attribution"
                loading={<SkeletonCard lines={8} />}
                isEmpty={(answer) => answer.rows.length === 0}
                empty={
                  <EmptyState icon="dollar" title="No conversions in this window">
                    <p>Conversions are events with revenue. Widen the window, or send orders with their revenue through the API.</p>
                  </EmptyState>
                }
              >
                {(answer) => <AttributionResult answer={answer} fetching={attribution.isFetching} />}
              </QueryView>
            </div>
            <aside className="card" aria-label="Attribution models">
              <div className="card-header">
                <h2>Models</h2>
              </div>
              <div className="card-body">
                <ul className="model-list" data-testid="model-explanations">
                  {ATTRIBUTION_MODELS.map((m) => (
                    <li key={m} className={m === params.model ? 'is-active' : undefined}>
                      <strong>{MODEL_LABELS[m]}</strong>
                      {ATTRIBUTION_MODEL_DESCRIPTIONS[m]}
                    </li>
                  ))}
                </ul>
                <p className="muted small">
                  A conversion without touchpoints in its lookback counts as <code>(direct)</code>; a touchpoint without the field grouped
                  by as <code>(none)</code>.
                </p>
              </div>
            </aside>
          </div>
        </div>
      </div>
    </div>
  );
}
