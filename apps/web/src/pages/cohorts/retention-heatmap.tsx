/**
 * The retention matrix as an ECharts heatmap: one row per cohort with the size-weighted summary
 * row on top, one column per period, cells shaded by rate (revenue rates above 100 % saturate).
 * Hovering a cell shows the cohort, the period and eligible / active (or revenue) behind the rate.
 */
import type { TRetentionAnswer } from '@tenure/contract';
import { useMemo } from 'react';
import type { EChartsOption } from '../../components/chart';
import { LazyChart } from '../../components/lazy-chart';
import { formatMoney, formatNumber } from '../../lib/format';

type Cell = TRetentionAnswer['summary'][number];

export const SUMMARY_LABEL = 'All cohorts';
const ROW = 30;

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(rate >= 0.995 || rate === 0 ? 0 : 1)}%`);

function periodName(groupBy: TRetentionAnswer['groupBy'], k: number) {
  return `${groupBy === 'week' ? 'Week' : 'Month'} ${k}`;
}

function describe(answer: TRetentionAnswer, cohort: string, size: number | null, cell: Cell, currency: string): string {
  const head = `<strong>${cohort}</strong>${size === null ? '' : ` · ${formatNumber(size)} customers`}<br/>${periodName(answer.groupBy, cell.period)}`;
  const body =
    'revenue' in cell
      ? `Revenue ${formatMoney(cell.revenue, currency)} from ${formatNumber(cell.eligible)} eligible`
      : `${formatNumber(cell.active)} active of ${formatNumber(cell.eligible)} eligible`;
  return `${head}<br/>${body}<br/>Rate: <strong>${percent(cell.rate)}</strong>`;
}

function heatmapOption(answer: TRetentionAnswer, currency: string): EChartsOption {
  const rows = [{ cohort: SUMMARY_LABEL, size: null as number | null, cells: answer.summary }].concat(
    answer.cohorts.map((c) => ({ cohort: c.cohort, size: c.size as number | null, cells: c.retention })),
  );
  const periods = answer.summary.map((c) => periodName(answer.groupBy, c.period));
  const data = rows.flatMap((row, y) =>
    row.cells.map((cell, x) => ({
      value: [x, y, cell.rate === null ? '-' : Math.round(cell.rate * 1000) / 10],
      itemStyle: y === 0 ? { borderColor: '#344054', borderWidth: 1 } : undefined,
      // Light text on the dark end of the scale.
      label: { color: cell.rate !== null && cell.rate > 0.55 ? '#ffffff' : '#101828' },
    })),
  );
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 34, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: periods,
      position: 'top',
      splitArea: { show: false },
      axisTick: { show: false },
      axisLabel: { color: '#475467' },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => (r.size === null ? r.cohort : `${r.cohort}  (${formatNumber(r.size)})`)),
      axisTick: { show: false },
      axisLabel: { color: '#344054', fontWeight: 500 },
    },
    visualMap: {
      show: false,
      min: 0,
      max: 100,
      dimension: 2,
      inRange: { color: ['#f5f8ff', '#b2ccff', '#528bff', '#155eef', '#00359e'] },
      outOfRange: { color: ['#00359e'] },
    },
    tooltip: {
      formatter: (p: unknown) => {
        const [x, y] = (p as { value: [number, number] }).value;
        const row = rows[y];
        const cell = row?.cells[x];
        return row && cell ? describe(answer, row.cohort, row.size, cell, currency) : '';
      },
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: {
          show: true,
          fontSize: 11,
          formatter: (p: unknown) => {
            const v = (p as { value: [number, number, number | '-'] }).value[2];
            return v === '-' ? '' : `${v}%`;
          },
        },
        itemStyle: { borderColor: '#fff', borderWidth: 2, borderRadius: 3 },
        emphasis: { itemStyle: { borderColor: '#101828', borderWidth: 1 } },
      },
    ],
  };
}

export function RetentionHeatmap({ answer, currency }: { answer: TRetentionAnswer; currency: string }) {
  const option = useMemo(() => heatmapOption(answer, currency), [answer, currency]);
  const height = 50 + ROW * (answer.cohorts.length + 1);
  const label = `Retention by ${answer.groupBy} cohort over ${answer.summary.length} periods; all cohorts: ${answer.summary
    .map((c) => percent(c.rate))
    .join(', ')}`;
  return <LazyChart option={option} height={height} label={label} testId="retention-heatmap" />;
}
