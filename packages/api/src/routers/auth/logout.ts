import { invalidateSession } from '@tenure/core';
import { userProcedure } from '../../trpc';
import { ZLogoutOutput } from './logout.types';

export const logoutRoute = userProcedure.output(ZLogoutOutput).mutation(async ({ ctx }) => {
  await invalidateSession(ctx.db, ctx.user.sessionId);
  ctx.cookies.clear();
  return { ok: true as const };
});
