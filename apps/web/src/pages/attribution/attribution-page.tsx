/**
 * Attribution: which sources, campaigns or media earned the revenue of the conversions in a
 * window, under a chosen model — bars and a table, with what each model does. Switches in the URL.
 */
import { useQuery } from '@tanstack/react-query';
import { ATTRIBUTION_GROUP_BYS, ATTRIBUTION_MODEL_DESCRIPTIONS, ATTRIBUTION_MODELS, type TAttributionModel } from '@tenure/contract';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { Segmented } from '../../components/segmented';
import { SkeletonCard } from '../../components/skeleton';
import { formatDate, formatDateTime, formatDecimal, formatMoney, humanize } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import '../../styles/cohorts.css';
import '../../styles/reports.css';
import { AttributionChart } from './attribution-chart';
import { LOOKBACK_CHOICES, useAttributionParams } from './use-attribution-params';

export const MODEL_LABELS: Record<TAttributionModel, string> = {
  first_touch: 'First touch',
  last_touch: 'Last touch',
  linear: 'Linear',
  time_decay: 'Time decay',
  position_based: 'Position based',
};

export default function AttributionPage() {
  const trpc = useTRPC();
  const { params, update } = useAttributionParams();
  const attribution = useQuery({ ...trpc.analytics.attribution.queryOptions(params), placeholderData: (previous) => previous });
  const data = attribution.data;
  const totalRevenue = data?.rows.reduce((s, r) => s + r.revenue, 0) ?? 0;
  const totalConversions = data?.rows.reduce((s, r) => s + r.conversions, 0) ?? 0;
  const invalidWindow = !!(params.start && params.end && params.start >= params.end);

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
          <select
            className="select"
            aria-label="Group by"
            value={params.groupBy}
            onChange={(e) => update({ groupBy: e.target.value })}
            data-testid="attribution-group-by"
          >
            {ATTRIBUTION_GROUP_BYS.map((g) => (
              <option key={g} value={g}>
                By {g}
              </option>
            ))}
          </select>
          <select
            className="select"
            aria-label="Lookback"
            value={params.lookbackDays}
            onChange={(e) => update({ lookbackDays: Number(e.target.value) })}
            data-testid="attribution-lookback"
          >
            {[...new Set([...LOOKBACK_CHOICES, params.lookbackDays])]
              .sort((a, b) => a - b)
              .map((n) => (
                <option key={n} value={n}>
                  {n === 1 ? '1-day' : `${n}-day`} lookback
                </option>
              ))}
          </select>
          <span className="window-inputs">
            <label className="inline-field">
              <span>Conversions from</span>
              <input
                className="input"
                type="date"
                value={params.start ?? ''}
                max={params.end}
                onChange={(e) => update({ start: e.target.value || undefined })}
                data-testid="attribution-start"
              />
            </label>
            <label className="inline-field">
              <span>until</span>
              <input
                className="input"
                type="date"
                value={params.end ?? ''}
                min={params.start}
                aria-invalid={invalidWindow}
                onChange={(e) => update({ end: e.target.value || undefined })}
                data-testid="attribution-end"
              />
            </label>
            {(params.start || params.end) && (
              <button type="button" className="btn btn-ghost" onClick={() => update({ start: undefined, end: undefined })}>
                Last 30 days
              </button>
            )}
          </span>
        </div>
        <div className="card-body">
          <div className="attribution-layout">
            <div className="stack">
              {attribution.isError ? (
                <ErrorAlert error={attribution.error} title="Could not load the attribution" onRetry={() => void attribution.refetch()} />
              ) : !data ? (
                <SkeletonCard lines={8} />
              ) : data.rows.length === 0 ? (
                <EmptyState icon="dollar" title="No conversions in this window">
                  <p>Conversions are events with revenue. Widen the window, or send orders with their revenue through the API.</p>
                </EmptyState>
              ) : (
                <div className="stack" aria-busy={attribution.isFetching} data-testid="attribution-result">
                  <p className="cohort-legend">
                    {formatMoney(totalRevenue, data.currency)} from {formatDecimal(totalConversions, 2)} conversions between{' '}
                    {formatDate(data.start)} and {formatDate(data.end)}, by {data.groupBy}, {MODEL_LABELS[data.model].toLowerCase()},{' '}
                    {data.lookbackDays}-day lookback · as of {formatDateTime(data.asOf)}
                  </p>
                  <AttributionChart answer={data} />
                  <div className="table-wrap">
                    <table className="table" data-testid="attribution-table">
                      <thead>
                        <tr>
                          <th>{humanize(data.groupBy)}</th>
                          <th className="align-right">Conversions</th>
                          <th className="align-right">Revenue</th>
                          <th>Share of revenue</th>
                        </tr>
                      </thead>
                      <tbody>
                        {data.rows.map((r) => {
                          const share = totalRevenue > 0 ? r.revenue / totalRevenue : 0;
                          return (
                            <tr key={r.key}>
                              <td>{r.key}</td>
                              <td className="align-right num-cell">{formatDecimal(r.conversions, 4)}</td>
                              <td className="align-right num-cell">{formatMoney(r.revenue, data.currency)}</td>
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
              )}
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
