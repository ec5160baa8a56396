import { listMemberships } from '@tenure/core';
import { userProcedure } from '../../trpc';
import { ZMeOutput } from './me.types';

export const meRoute = userProcedure.output(ZMeOutput).query(async ({ ctx }) => ({
  user: { id: ctx.user.userId, email: ctx.user.email, name: ctx.user.name },
  workspaces: await listMemberships(ctx.db, ctx.user.userId),
}));
