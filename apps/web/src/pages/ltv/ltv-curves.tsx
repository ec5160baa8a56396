/** One LTV curve per cohort over months since acquisition (money in the workspace currency). */
import type { TLtvAnswer } from '@tenure/contract';
import { useMemo } from 'react';
import type { EChartsOption } from '../../components/chart';
import { LazyChart } from '../../components/lazy-chart';
import { formatMoney } from '../../lib/format';

const PALETTE = ['#155eef', '#f79009', '#12b76a', '#d92d20', '#7a5af8', '#0ba5ec', '#ee46bc', '#667085', '#66c61c', '#b54708'];

function curvesOption(answer: TLtvAnswer): EChartsOption {
  const months = Array.from({ length: answer.months }, (_, m) => `Month ${m + 1}`);
  return {
    animationDuration: 300,
    color: PALETTE,
    grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
    legend: { type: 'scroll', top: 0 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? formatMoney(v, answer.currency) : '—'),
    },
    xAxis: { type: 'category', data: months, boundaryGap: false, axisLabel: { color: '#475467' } },
    yAxis: {
      type: 'value',
      axisLabel: { color: '#475467', formatter: (v: number) => formatMoney(v, answer.currency) },
      splitLine: { lineStyle: { color: '#eaecf0' } },
    },
    series: answer.cohorts.map((c) => ({
      type: 'line',
      name: c.cohort,
      data: c.ltv,
      showSymbol: answer.months <= 12,
      symbolSize: 5,
      connectNulls: false,
    })),
  };
}

export function LtvCurves({ answer }: { answer: TLtvAnswer }) {
  const option = useMemo(() => curvesOption(answer), [answer]);
  return (
    <LazyChart
      option={option}
      height={360}
      label={`Average lifetime value per customer by ${answer.groupBy} cohort over ${answer.months} months`}
      testId="ltv-curves"
    />
  );
}
