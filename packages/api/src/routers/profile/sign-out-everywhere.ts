import { signOutEverywhere } from '@tenure/core';
import { userProcedure } from '../../trpc';
import { ZSignOutEverywhereOutput } from './sign-out-everywhere.types';

/** Ends every session of the user, this one included. */
export const signOutEverywhereRoute = userProcedure.output(ZSignOutEverywhereOutput).mutation(async ({ ctx }) => {
  const result = await signOutEverywhere(ctx.db, ctx.user.userId);
  ctx.cookies.clear();
  return result;
});
