/**
 * The chosen metric per day or week of the window, with the same buckets of the previous window
 * as a faint dashed line (aligned by position: bucket i of each window).
 */
import type { TReportAnswer, TReportMetric } from '@tenure/contract';
import { useMemo } from 'react';
import type { EChartsOption } from '../../components/chart';
import { LazyChart } from '../../components/lazy-chart';
import { formatDate } from '../../lib/format';
import { formatMetric, METRIC_LABELS } from './report-metrics';

function wholeMoney(currency: string): Intl.NumberFormat | null {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 });
  } catch {
    return null;
  }
}

function chartOption(
  answer: TReportAnswer,
  previous: TReportAnswer['series'] | undefined,
  metric: TReportMetric,
  currency: string,
): EChartsOption {
  const format = (v: unknown) => (typeof v === 'number' ? formatMetric(metric, v, currency) : '—');
  // Axis ticks are round numbers: money without cents.
  const whole = metric === 'revenue' ? wholeMoney(currency) : null;
  const axisFormat = (v: number) => (whole ? whole.format(v) : formatMetric(metric, v, currency));
  return {
    animationDuration: 300,
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, data: ['This period', 'Previous period'] },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const rows = params as { seriesName: string; dataIndex: number; value: number; color: string }[];
        const i = rows[0]?.dataIndex ?? 0;
        return rows
          .map((r) => {
            const date = r.seriesName === 'This period' ? answer.series[i]?.date : previous?.[i]?.date;
            return `<span style="color:${r.color}">●</span> ${formatDate(date)}: <strong>${format(r.value)}</strong>`;
          })
          .join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: answer.series.map((p) => p.date),
      axisLabel: { color: '#475467', formatter: (d: string) => formatDate(d).replace(/,? \d{4}$/, '') },
      axisTick: { alignWithLabel: true },
    },
    yAxis: {
      type: 'value',
      minInterval: metric === 'revenue' ? 0 : 1,
      axisLabel: { color: '#475467', formatter: (v: number) => axisFormat(v) },
      splitLine: { lineStyle: { color: '#eaecf0' } },
    },
    series: [
      {
        name: 'This period',
        type: 'line',
        data: answer.series.map((p) => p[metric] ?? 0),
        color: '#4f46e5',
        showSymbol: answer.series.length <= 31,
        symbolSize: 5,
        areaStyle: { opacity: 0.08 },
        lineStyle: { width: 2 },
      },
      {
        name: 'Previous period',
        type: 'line',
        data: answer.series.map((_, i) => previous?.[i]?.[metric] ?? null),
        color: '#98a2b3',
        showSymbol: false,
        lineStyle: { width: 1.5, type: 'dashed', opacity: 0.6 },
        emphasis: { disabled: true },
      },
    ],
  };
}

export function ReportChart({
  answer,
  previous,
  metric,
  currency,
}: {
  answer: TReportAnswer;
  previous: TReportAnswer['series'] | undefined;
  metric: TReportMetric;
  currency: string;
}) {
  const option = useMemo(() => chartOption(answer, previous, metric, currency), [answer, previous, metric, currency]);
  const total = formatMetric(metric, answer.totals[metric], currency);
  return (
    <LazyChart
      option={option}
      height={280}
      label={`${METRIC_LABELS[metric]} per ${answer.interval}: ${total} in this period, ${formatMetric(metric, answer.previous[metric], currency)} in the previous one`}
      testId="report-chart"
    />
  );
}
