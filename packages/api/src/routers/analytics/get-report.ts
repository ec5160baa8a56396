import { REPORT_METRICS } from '@tenure/contract';
import { getReport } from '@tenure/core';
import { sendSnapshotHeaders } from '../../snapshot';
import { scoped } from '../../trpc';
import { parseBound } from '../customers/cohort-window';
import { getReportMeta, ZGetReportInput, ZGetReportOutput } from './get-report.types';

export const getReportRoute = scoped
  .meta(getReportMeta)
  .input(ZGetReportInput)
  .output(ZGetReportOutput)
  .query(async ({ ctx, input }) => {
    const metrics = REPORT_METRICS.filter((m) => !input.metrics || input.metrics.includes(m));
    const params = {
      range: input.range ?? null,
      start: parseBound(input.start),
      end: parseBound(input.end),
      metrics,
      interval: input.interval,
    };
    const snapshot = await getReport(ctx.db, ctx.envId, params, { engine: ctx.analytics, fresh: ctx.noCache });
    sendSnapshotHeaders(ctx, snapshot);
    return snapshot.value;
  });
