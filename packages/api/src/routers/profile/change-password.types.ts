import { ZPasswordChange } from '@tenure/contract';
import { z } from 'zod';

export const ZChangePasswordInput = ZPasswordChange;
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

export const ZChangePasswordOutput = z.object({ endedSessions: z.number().int().nonnegative() });
