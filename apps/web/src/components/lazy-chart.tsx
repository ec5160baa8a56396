/** `Chart` as its own lazy chunk, with a placeholder of the same height while echarts loads. */
import { lazy, Suspense } from 'react';
import type { ChartProps } from './chart';

const Chart = lazy(() => import('./chart'));

export type { ChartProps };

export function LazyChart(props: ChartProps) {
  return (
    <Suspense fallback={<ChartPlaceholder height={props.height} />}>
      <Chart {...props} />
    </Suspense>
  );
}

export function ChartPlaceholder({ height }: { height: number }) {
  return <div className="chart-placeholder skeleton" style={{ height }} aria-busy="true" />;
}
