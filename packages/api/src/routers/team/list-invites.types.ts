import { ZInvite } from '@tenure/contract';
import { z } from 'zod';

export const ZListInvitesOutput = z.object({ invites: z.array(ZInvite) });
export type TListInvitesOutput = z.infer<typeof ZListInvitesOutput>;
