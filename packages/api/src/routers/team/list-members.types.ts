import { ZMember } from '@tenure/contract';
import { z } from 'zod';

export const ZListMembersOutput = z.object({ members: z.array(ZMember) });
export type TListMembersOutput = z.infer<typeof ZListMembersOutput>;
