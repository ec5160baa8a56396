import { changeMemberRole } from '@tenure/core';
import { teamManager } from './procedures';
import { ZUpdateMemberRoleInput, ZUpdateMemberRoleOutput } from './update-member-role.types';

export const updateMemberRoleRoute = teamManager
  .input(ZUpdateMemberRoleInput)
  .output(ZUpdateMemberRoleOutput)
  .mutation(async ({ ctx, input }) => ({ member: await changeMemberRole(ctx.db, ctx.staff, input) }));
