import { z } from 'zod';

export const ZRevokeInviteInput = z.object({ id: z.string().min(1).max(100) });
export type TRevokeInviteInput = z.infer<typeof ZRevokeInviteInput>;

export const ZRevokeInviteOutput = z.object({ revoked: z.literal(true), id: z.string() });
