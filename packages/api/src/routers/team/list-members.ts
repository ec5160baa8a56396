import { listMembers } from '@tenure/core';
import { ZListMembersOutput } from './list-members.types';
import { teamReader } from './procedures';

export const listMembersRoute = teamReader
  .output(ZListMembersOutput)
  .query(async ({ ctx }) => ({ members: await listMembers(ctx.db, ctx.staff.workspaceId) }));
