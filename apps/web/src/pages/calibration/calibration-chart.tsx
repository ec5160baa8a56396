/** Churn rate since asOf per health band as of asOf: the bars a calibrated score makes rise from low to high risk. */
import type { TCalibrationAnswer } from '@tenure/contract';
import { useMemo } from 'react';
import type { EChartsOption } from '../../components/chart';
import { LazyChart } from '../../components/lazy-chart';
import { formatNumber } from '../../lib/format';
import { RISK_COLORS } from '../../lib/score-colors';

export const BAND_LABELS = { low: 'Low risk', medium: 'Medium risk', high: 'High risk', none: 'No score' } as const;

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

function option(answer: TCalibrationAnswer): EChartsOption {
  return {
    animationDuration: 300,
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: answer.bands.map((b) => BAND_LABELS[b.band]),
      axisTick: { show: false },
      axisLabel: { color: '#475467' },
    },
    yAxis: {
      type: 'value',
      max: (v: { max: number }) => Math.min(1, Math.max(0.1, Math.ceil(v.max * 10) / 10)),
      axisLabel: { color: '#475467', formatter: (v: number) => `${Math.round(v * 100)}%` },
      splitLine: { lineStyle: { color: '#eaecf0' } },
    },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const band = answer.bands[(p as { dataIndex: number }).dataIndex];
        if (!band) return '';
        return `<strong>${BAND_LABELS[band.band]}</strong><br/>${formatNumber(band.churnedSince)} of ${formatNumber(band.customers)} churned since (${percent(band.churnRate)})`;
      },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 72,
        data: answer.bands.map((b) => ({ value: b.churnRate ?? 0, itemStyle: { color: RISK_COLORS[b.band], borderRadius: [4, 4, 0, 0] } })),
        label: {
          show: true,
          position: 'top',
          color: '#101828',
          formatter: (p: unknown) => percent(answer.bands[(p as { dataIndex: number }).dataIndex]?.churnRate ?? null),
        },
      },
    ],
  };
}

export function CalibrationChart({ answer }: { answer: TCalibrationAnswer }) {
  const chart = useMemo(() => option(answer), [answer]);
  return (
    <LazyChart
      option={chart}
      height={300}
      label={`Churn rate since ${answer.asOf.slice(0, 10)} by health band then: ${answer.bands.map((b) => `${BAND_LABELS[b.band]} ${percent(b.churnRate)}`).join(', ')}`}
      testId="calibration-chart"
    />
  );
}
