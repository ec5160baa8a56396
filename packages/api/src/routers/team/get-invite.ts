import { previewInvite } from '@tenure/core';
import { publicProcedure } from '../../trpc';
import { ZGetInviteInput, ZGetInviteOutput } from './get-invite.types';

/** Public: what an invite link offers (workspace, role, email), before anyone signs in. */
export const getInviteRoute = publicProcedure
  .input(ZGetInviteInput)
  .output(ZGetInviteOutput)
  .query(({ ctx, input }) => previewInvite(ctx.db, input.token));
