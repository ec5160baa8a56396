import { getHealthCalibration } from '@tenure/core';
import { sendSnapshotHeaders } from '../../snapshot';
import { scoped } from '../../trpc';
import { getHealthCalibrationMeta, ZGetHealthCalibrationInput, ZGetHealthCalibrationOutput } from './get-health-calibration.types';

export const getHealthCalibrationRoute = scoped
  .meta(getHealthCalibrationMeta)
  .input(ZGetHealthCalibrationInput)
  .output(ZGetHealthCalibrationOutput)
  .query(async ({ ctx, input }) => {
    const snapshot = await getHealthCalibration(ctx.db, ctx.envId, input, { engine: ctx.analytics, fresh: ctx.noCache });
    sendSnapshotHeaders(ctx, snapshot);
    return snapshot.value;
  });
