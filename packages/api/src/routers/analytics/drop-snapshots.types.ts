import { z } from 'zod';
import { staffMeta } from '../../meta';

/**
 * Staff who write customers (an import in the app) drop the environment's cached analytics
 * answers when they finish, so their next look at cohorts includes what they imported.
 */
export const dropSnapshotsMeta = staffMeta('customers:write');

export const ZDropSnapshotsOutput = z.object({ dropped: z.literal(true) });
export type TDropSnapshotsOutput = z.infer<typeof ZDropSnapshotsOutput>;
