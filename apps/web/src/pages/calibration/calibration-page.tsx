/**
 * Health calibration: every customer's health band recomputed as of `days` ago, and how many of
 * each band have churned since — the evidence that the score predicts churn.
 */
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { BackLink } from '../../components/detail-fallback';
import { EmptyState } from '../../components/empty-state';
import { ChartPlaceholder } from '../../components/lazy-chart';
import { PageHeader } from '../../components/page-header';
import { QueryView } from '../../components/query-view';
import { Segmented } from '../../components/segmented';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { RISK_COLORS } from '../../lib/score-colors';
import { useTRPC } from '../../lib/trpc';
import '../../styles/health.css';
import '../../styles/reports.css';
import { BAND_LABELS, CalibrationChart } from './calibration-chart';

const DAY_CHOICES = ['7', '14', '30', '60', '90', '180'] as const;

export default function CalibrationPage() {
  const trpc = useTRPC();
  const [search, setSearch] = useSearchParams();
  const days = (DAY_CHOICES as readonly string[]).includes(search.get('days') ?? '') ? (search.get('days') as string) : '30';
  const calibration = useQuery({
    ...trpc.analytics.healthCalibration.queryOptions({ days: Number(days) }),
    placeholderData: (previous) => previous,
  });
  const total = calibration.data?.bands.reduce((s, b) => s + b.customers, 0) ?? 0;

  return (
    <div className="stack" data-testid="calibration-page">
      <BackLink to="/dashboard">Dashboard</BackLink>
      <PageHeader
        title="Health calibration"
        subtitle="Each customer's health recomputed as it stood some days ago, from the events up to then, and how many of each risk band have churned since. A score that predicts churn shows rates rising from low to high risk."
      />
      <div className="card">
        <div className="toolbar">
          <Segmented
            label="Days back"
            value={days}
            options={DAY_CHOICES.map((d) => ({ value: d, label: `${d} days ago` }))}
            onChange={(d) => setSearch(d === '30' ? {} : { days: d })}
            testId="calibration-days"
          />
        </div>
        <div className="card-body stack">
          <QueryView
            query={calibration}
            errorTitle="Could not compute the calibration"
            loading={<ChartPlaceholder height={300} />}
            isEmpty={() => total === 0}
            empty={
              <EmptyState icon="activity" title={`No customers were around ${days} days ago`}>
                <p>Calibration needs customers first seen before then who had not churned yet. Try fewer days back.</p>
              </EmptyState>
            }
          >
            {(answer) => (
              <div className="stack" aria-busy={calibration.isFetching} data-testid="calibration-result">
                <p className="cohort-legend">
                  Bands as of {formatDate(answer.asOf)} ({formatNumber(total)} customers first seen by then and not churned yet); churn
                  counted now, {formatDateTime(answer.computedAt)}.
                </p>
                <CalibrationChart answer={answer} />
                <div className="band-legend">
                  {answer.bands.map((b) => (
                    <div
                      key={b.band}
                      className="card stat-card"
                      style={{ borderTopColor: RISK_COLORS[b.band] }}
                      data-testid={`band-${b.band}`}
                    >
                      <span className="stat-card-label">{BAND_LABELS[b.band]}</span>
                      <span className="stat-card-value">{formatNumber(b.customers)}</span>
                      <span className="stat-card-caption">
                        customers then · {formatNumber(b.churnedSince)} churned since
                        {b.churnRate === null ? '' : ` (${(b.churnRate * 100).toFixed(1)}%)`}
                      </span>
                    </div>
                  ))}
                </div>
              </div>
            )}
          </QueryView>
        </div>
      </div>
    </div>
  );
}
