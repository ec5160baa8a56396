import { ZInviteId } from '@tenure/contract';
import { z } from 'zod';

export const ZRevokeInviteInput = z.object({ id: ZInviteId });
export type TRevokeInviteInput = z.infer<typeof ZRevokeInviteInput>;

export const ZRevokeInviteOutput = z.object({ revoked: z.literal(true), id: z.string() });
