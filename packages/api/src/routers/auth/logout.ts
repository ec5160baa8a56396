import { invalidateSession } from '@tenure/core';
import { z } from 'zod';
import { userProcedure } from '../../trpc';

export const logoutRoute = userProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
  await invalidateSession(ctx.db, ctx.user.sessionId);
  ctx.cookies.clear();
  return { ok: true as const };
});
