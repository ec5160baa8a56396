import { clearLoginFailures, hashToken, listMemberships, login, throttleLogin } from '@tenure/core';
import { publicProcedure } from '../../trpc';
import { ZLoginInput, ZSessionOutput } from './login.types';

export const loginRoute = publicProcedure
  .input(ZLoginInput)
  .output(ZSessionOutput)
  .mutation(async ({ ctx, input }) => {
    await throttleLogin(input.email, ctx.ip);
    const session = await login(ctx.db, {
      ...input,
      previousSessionId: ctx.sessionToken ? hashToken(ctx.sessionToken) : null,
    });
    await clearLoginFailures(input.email, ctx.ip);
    ctx.cookies.set(session.token, session.expiresAt);
    const workspaces = await listMemberships(ctx.db, session.userId);
    return { user: session.user, workspaces };
  });
