/**
 * Customers per lifecycle stage as horizontal bars. A click anywhere on a stage's row (not only on
 * its bar, which can be a sliver) opens the customers in that stage.
 */
import type { TAnalyticsSettings, TCustomerStats } from '@tenure/contract';
import { useMemo, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import type { EChartsInstance, EChartsOption } from '../../components/chart';
import { LazyChart } from '../../components/lazy-chart';
import { formatNumber, formatShare, humanize } from '../../lib/format';
import { STAGE_COLORS } from '../../lib/score-colors';
import { STAGE_ORDER, type Stage, stageDescription } from '../../lib/stage-descriptions';
import { customersHref } from '../customers/use-customer-list-params';

/** Fixed so a row's position is known: the e2e test clicks rows by it. */
export const STAGE_CHART = { height: 264, top: 4, bottom: 4, rows: STAGE_ORDER.length } as const;

const countOf = (stats: TCustomerStats, stage: Stage) => (stage === 'at_risk' ? stats.stages.atRisk : stats.stages[stage]);

const categoryAxis = { type: 'category', inverse: true, axisTick: { show: false }, axisLine: { show: false } } as const;

function stageOption(stats: TCustomerStats, settings: TAnalyticsSettings): EChartsOption {
  return {
    animationDuration: 300,
    grid: { left: 96, right: 104, top: STAGE_CHART.top, bottom: STAGE_CHART.bottom, outerBoundsMode: 'none' },
    xAxis: { type: 'value', show: false },
    // Stage names on the left, "count share" in a right-aligned column on the right.
    yAxis: [
      { ...categoryAxis, data: STAGE_ORDER.map((stage) => humanize(stage)), axisLabel: { color: '#475467', fontSize: 13 } },
      {
        ...categoryAxis,
        position: 'right',
        data: STAGE_ORDER.map(
          (stage) => `{count|${formatNumber(countOf(stats, stage))}}{share|${formatShare(countOf(stats, stage), stats.total)}}`,
        ),
        axisLabel: {
          rich: {
            count: { color: '#101828', fontSize: 13, fontWeight: 600, width: 48, align: 'right' },
            share: { color: '#98a2b3', fontSize: 12, width: 40, align: 'right' },
          },
        },
      },
    ],
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { dataIndex } = p as { dataIndex: number };
        const stage = STAGE_ORDER[dataIndex] as Stage;
        return `<strong>${humanize(stage)}</strong>: ${formatNumber(countOf(stats, stage))}<br/>${stageDescription(stage, settings)}`;
      },
    },
    series: [
      {
        type: 'bar',
        barWidth: '62%',
        showBackground: true,
        backgroundStyle: { color: '#f2f4f7', borderRadius: 4 },
        data: STAGE_ORDER.map((stage) => ({ value: countOf(stats, stage), itemStyle: { color: STAGE_COLORS[stage], borderRadius: 4 } })),
      },
    ],
  };
}

export function StageChartCard({ stats, settings }: { stats: TCustomerStats; settings: TAnalyticsSettings }) {
  const navigate = useNavigate();
  const option = useMemo(() => stageOption(stats, settings), [stats, settings]);
  // The chart's handlers are bound once, when it is ready: they read the latest navigate from here.
  const go = useRef(navigate);
  go.current = navigate;

  const onReady = (chart: EChartsInstance) => {
    const zr = chart.getZr();
    const stageAt = (x: number, y: number): Stage | undefined => {
      if (!chart.containPixel('grid', [x, y])) return undefined;
      const [, row] = chart.convertFromPixel({ seriesIndex: 0 }, [x, y]) as number[];
      return STAGE_ORDER[Math.round(row ?? -1)];
    };
    zr.on('mousemove', (e) => zr.setCursorStyle(stageAt(e.offsetX, e.offsetY) ? 'pointer' : 'default'));
    zr.on('click', (e) => {
      const stage = stageAt(e.offsetX, e.offsetY);
      if (stage) go.current(customersHref({ lifecycleStage: stage }));
    });
  };

  const summary = STAGE_ORDER.map((stage) => `${humanize(stage)} ${countOf(stats, stage)}`).join(', ');
  return (
    <div className="card">
      <div className="card-header">
        <h2>Lifecycle stages</h2>
        <span className="muted small">Click a stage to see its customers</span>
      </div>
      <div className="card-body">
        <LazyChart
          option={option}
          height={STAGE_CHART.height}
          label={`Customers per lifecycle stage: ${summary}`}
          onReady={onReady}
          testId="stage-chart"
        />
      </div>
    </div>
  );
}
