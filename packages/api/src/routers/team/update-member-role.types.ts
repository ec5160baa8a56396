import { ZMember, ZRoleChange } from '@tenure/contract';
import { z } from 'zod';

export const ZUpdateMemberRoleInput = ZRoleChange;
export type TUpdateMemberRoleInput = z.infer<typeof ZUpdateMemberRoleInput>;

export const ZUpdateMemberRoleOutput = z.object({ member: ZMember });
