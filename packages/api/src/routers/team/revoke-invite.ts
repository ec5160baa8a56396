import { revokeInvite } from '@tenure/core';
import { teamManager } from './procedures';
import { ZRevokeInviteInput, ZRevokeInviteOutput } from './revoke-invite.types';

export const revokeInviteRoute = teamManager
  .input(ZRevokeInviteInput)
  .output(ZRevokeInviteOutput)
  .mutation(async ({ ctx, input }) => {
    await revokeInvite(ctx.db, ctx.staff, input.id);
    return { revoked: true as const, id: input.id };
  });
