import { removeMember } from '@tenure/core';
import { teamManager } from './procedures';
import { ZRemoveMemberInput, ZRemoveMemberOutput } from './remove-member.types';

export const removeMemberRoute = teamManager
  .input(ZRemoveMemberInput)
  .output(ZRemoveMemberOutput)
  .mutation(async ({ ctx, input }) => {
    await removeMember(ctx.db, ctx.staff, input);
    return { removed: true as const, userId: input.userId };
  });
