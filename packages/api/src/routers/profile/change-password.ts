import { changePassword } from '@tenure/core';
import { userProcedure } from '../../trpc';
import { ZChangePasswordInput, ZChangePasswordOutput } from './change-password.types';

/** Changes the password and ends the user's other sessions; this one stays signed in. */
export const changePasswordRoute = userProcedure
  .input(ZChangePasswordInput)
  .output(ZChangePasswordOutput)
  .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.user, input, { ip: ctx.ip }));
