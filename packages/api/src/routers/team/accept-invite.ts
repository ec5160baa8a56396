import { acceptInvite, hashToken, listMemberships } from '@tenure/core';
import { publicProcedure } from '../../trpc';
import { ZAcceptInviteInput, ZAcceptInviteOutput } from './accept-invite.types';

/** Public: joins by invite (new account or the existing one) and signs in, like `auth.login`. */
export const acceptInviteRoute = publicProcedure
  .input(ZAcceptInviteInput)
  .output(ZAcceptInviteOutput)
  .mutation(async ({ ctx, input }) => {
    const accepted = await acceptInvite(ctx.db, input, {
      ip: ctx.ip,
      previousSessionId: ctx.sessionToken ? hashToken(ctx.sessionToken) : null,
    });
    ctx.cookies.set(accepted.token, accepted.expiresAt);
    return { user: accepted.user, workspaces: await listMemberships(ctx.db, accepted.user.id), workspaceId: accepted.workspaceId };
  });
