import { updateProfileName } from '@tenure/core';
import { userProcedure } from '../../trpc';
import { ZUpdateProfileInput, ZUpdateProfileOutput } from './update-profile.types';

export const updateProfileRoute = userProcedure
  .input(ZUpdateProfileInput)
  .output(ZUpdateProfileOutput)
  .mutation(async ({ ctx, input }) => {
    await updateProfileName(ctx.db, ctx.user.userId, input.name);
    return { user: { id: ctx.user.userId, email: ctx.user.email, name: input.name } };
  });
