import { listMemberships } from '@tenure/core';
import { userProcedure } from '../../trpc';
import { ZSessionOutput } from './login.types';

export const meRoute = userProcedure.output(ZSessionOutput).query(async ({ ctx }) => ({
  user: { id: ctx.user.userId, email: ctx.user.email, name: ctx.user.name },
  workspaces: await listMemberships(ctx.db, ctx.user.userId),
}));
