import { ZRecomputeStatus } from '@tenure/contract';
import { z } from 'zod';
import { staffMeta } from '../../meta';

/** Any staff member of the environment may follow a recompute (the settings page polls it). */
export const getRecomputeStatusMeta = staffMeta('analytics:read');

export const ZGetRecomputeStatusOutput = z.object({ recompute: ZRecomputeStatus.nullable() });
