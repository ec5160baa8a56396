import { ZProfileUpdate } from '@tenure/contract';
import { z } from 'zod';
import { ZStaffUser } from '../auth/login.types';

export const ZUpdateProfileInput = ZProfileUpdate;
export type TUpdateProfileInput = z.infer<typeof ZUpdateProfileInput>;

export const ZUpdateProfileOutput = z.object({ user: ZStaffUser });
