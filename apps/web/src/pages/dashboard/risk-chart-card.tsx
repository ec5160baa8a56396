/**
 * Customers per risk level as a donut with a legend of links. Customers without events have no
 * health, so no risk level: their slice is shown for completeness but has no list to open.
 */
import type { TAnalyticsSettings } from '@tenure/contract';
import { useMemo, useRef } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { EChartsOption } from '../../components/chart';
import { ErrorAlert } from '../../components/error-alert';
import { ChartPlaceholder, LazyChart } from '../../components/lazy-chart';
import { formatNumber, formatShare } from '../../lib/format';
import { RISK_COLORS } from '../../lib/score-colors';
import { customersHref } from '../customers/use-customer-list-params';
import { type RiskCounts, type RiskLevel, useRiskCounts } from './use-risk-counts';

type Slice = { key: RiskLevel | 'none'; label: string; hint: string; count: number; href: string | null };

function slices(counts: RiskCounts, total: number, s: TAnalyticsSettings): Slice[] {
  const scored = counts.low + counts.medium + counts.high;
  return [
    { key: 'low', label: 'Low risk', hint: `health ≥ ${s.lowRiskMin}`, count: counts.low, href: customersHref({ riskLevel: 'low' }) },
    {
      key: 'medium',
      label: 'Medium risk',
      hint: `${s.mediumRiskMin} ≤ health < ${s.lowRiskMin}`,
      count: counts.medium,
      href: customersHref({ riskLevel: 'medium' }),
    },
    {
      key: 'high',
      label: 'High risk',
      hint: `health < ${s.mediumRiskMin}`,
      count: counts.high,
      href: customersHref({ riskLevel: 'high' }),
    },
    // The counts are separate queries: never show a negative remainder if customers came in between.
    { key: 'none', label: 'No score', hint: 'no events yet', count: Math.max(0, total - scored), href: null },
  ];
}

function riskOption(data: Slice[]): EChartsOption {
  return {
    animationDuration: 300,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    series: [
      {
        type: 'pie',
        radius: ['58%', '88%'],
        avoidLabelOverlap: false,
        label: { show: false },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        data: data.map((d) => ({
          name: d.label,
          value: d.count,
          itemStyle: { color: RISK_COLORS[d.key] },
          cursor: d.href ? 'pointer' : 'default',
        })),
      },
    ],
  };
}

export function RiskChartCard({ total, settings }: { total: number; settings: TAnalyticsSettings }) {
  const risk = useRiskCounts();
  const navigate = useNavigate();
  const data = useMemo(() => (risk.counts ? slices(risk.counts, total, settings) : []), [risk.counts, total, settings]);
  const option = useMemo(() => riskOption(data), [data]);
  const latest = useRef(data);
  latest.current = data;
  const onClick = (p: { dataIndex: number }) => {
    const href = latest.current[p.dataIndex]?.href;
    if (href) navigate(href);
  };

  return (
    <div className="card">
      <div className="card-header">
        <h2>Risk levels</h2>
        <span className="muted small">From each customer's health score</span>
      </div>
      <div className="card-body">
        {risk.error ? (
          <ErrorAlert error={risk.error} title="Could not count customers by risk level" onRetry={() => void risk.refetch()} />
        ) : !risk.counts ? (
          <ChartPlaceholder height={220} />
        ) : (
          <div className="donut-layout">
            <LazyChart
              option={option}
              height={220}
              label={`Customers per risk level: ${data.map((d) => `${d.label} ${d.count}`).join(', ')}`}
              onEvents={{ click: onClick }}
              testId="risk-chart"
            />
            <ul className="chart-legend" data-testid="risk-legend">
              {data.map((d) => (
                <li key={d.key}>
                  <span className="chart-legend-swatch" style={{ background: RISK_COLORS[d.key] }} aria-hidden="true" />
                  <span className="chart-legend-label">
                    {d.href ? <Link to={d.href}>{d.label}</Link> : d.label}
                    <span className="muted small">{d.hint}</span>
                  </span>
                  <span className="chart-legend-value num">
                    {formatNumber(d.count)} <span className="muted small">{formatShare(d.count, total)}</span>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
