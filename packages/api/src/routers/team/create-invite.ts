import { createInvite, invitePath } from '@tenure/core';
import { ZCreateInviteInput, ZCreateInviteOutput } from './create-invite.types';
import { teamManager } from './procedures';

export const createInviteRoute = teamManager
  .input(ZCreateInviteInput)
  .output(ZCreateInviteOutput)
  .mutation(async ({ ctx, input }) => {
    const { invite, token } = await createInvite(ctx.db, ctx.staff, input);
    const path = invitePath(token);
    return { invite, token, path, url: ctx.appUrl ? `${ctx.appUrl}${path}` : null };
  });
