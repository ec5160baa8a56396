import { ZProfileUpdate, ZStaffUser } from '@tenure/contract';
import { z } from 'zod';

export const ZUpdateProfileInput = ZProfileUpdate;
export type TUpdateProfileInput = z.infer<typeof ZUpdateProfileInput>;

export const ZUpdateProfileOutput = z.object({ user: ZStaffUser });
