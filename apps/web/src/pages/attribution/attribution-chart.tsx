/** Attributed revenue per source, campaign or medium as horizontal bars, largest on top. */
import type { TAttributionAnswer } from '@tenure/contract';
import { useMemo } from 'react';
import type { EChartsOption } from '../../components/chart';
import { LazyChart } from '../../components/lazy-chart';
import { formatDecimal, formatMoney } from '../../lib/format';

/** Bars shown; the table lists every row. */
export const CHART_ROWS = 12;

function barOption(answer: TAttributionAnswer): EChartsOption {
  const rows = answer.rows.slice(0, CHART_ROWS);
  return {
    animationDuration: 300,
    grid: { left: 8, right: 96, top: 4, bottom: 4, containLabel: true },
    xAxis: { type: 'value', show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.key),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: '#475467', fontSize: 13, width: 160, overflow: 'truncate' },
    },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const row = rows[(p as { dataIndex: number }).dataIndex];
        if (!row) return '';
        return `<strong>${row.key}</strong><br/>${formatMoney(row.revenue, answer.currency)} · ${formatDecimal(row.conversions, 2)} conversions`;
      },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        data: rows.map((r) => r.revenue),
        itemStyle: { color: '#4f46e5', borderRadius: [0, 4, 4, 0] },
        label: {
          show: true,
          position: 'right',
          color: '#101828',
          formatter: (p: unknown) => formatMoney((p as { value: number }).value, answer.currency),
        },
      },
    ],
  };
}

export function AttributionChart({ answer }: { answer: TAttributionAnswer }) {
  const option = useMemo(() => barOption(answer), [answer]);
  const shown = answer.rows.slice(0, CHART_ROWS);
  return (
    <LazyChart
      option={option}
      height={Math.max(120, shown.length * 34 + 8)}
      label={`Attributed revenue by ${answer.groupBy} (${answer.model}): ${shown.map((r) => `${r.key} ${formatMoney(r.revenue, answer.currency)}`).join(', ')}`}
      testId="attribution-chart"
    />
  );
}
