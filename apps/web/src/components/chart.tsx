/**
 * ECharts through echarts-for-react's core build (its ESM files: the CommonJS ones reach Vite as a
 * module object instead of a component) with only the charts and components the SPA
 * uses registered, so the chunk stays small. Import it through `LazyChart`: echarts is then
 * fetched with the first page that draws a chart, never with the initial bundle.
 */
import type { EChartsOption } from 'echarts';
import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { useState } from 'react';
import type { EChartsInstance } from 'echarts-for-react/esm/types';

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export type { EChartsInstance, EChartsOption };

export interface ChartProps {
  option: EChartsOption;
  height: number;
  /** A text equivalent of the chart for screen readers (the canvas itself says nothing). */
  label: string;
  onEvents?: Record<string, (params: never) => void>;
  onReady?: (chart: EChartsInstance) => void;
  testId?: string;
}

export default function Chart({ option, height, label, onEvents, onReady, testId }: ChartProps) {
  // echarts-for-react draws asynchronously: busy until the instance that takes clicks exists.
  const [ready, setReady] = useState(false);
  return (
    <div role="img" aria-label={label} aria-busy={!ready} data-testid={testId}>
      <EChartsReactCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height, width: '100%' }}
        onEvents={onEvents}
        onChartReady={(chart) => {
          onReady?.(chart);
          setReady(true);
        }}
      />
    </div>
  );
}
