import { ZUserId } from '@tenure/contract';
import { z } from 'zod';

export const ZRemoveMemberInput = z.object({ userId: ZUserId });
export type TRemoveMemberInput = z.infer<typeof ZRemoveMemberInput>;

export const ZRemoveMemberOutput = z.object({ removed: z.literal(true), userId: z.string() });
