import { ZInvitePreview, ZInviteToken } from '@tenure/contract';
import { z } from 'zod';

export const ZGetInviteInput = z.object({ token: ZInviteToken });
export const ZGetInviteOutput = ZInvitePreview;
