import { leaveWorkspace } from '@tenure/core';
import { ZLeaveWorkspaceOutput } from './leave-workspace.types';
import { teamReader } from './procedures';

/** Leave the workspace of the current environment (any role; never the last owner). */
export const leaveWorkspaceRoute = teamReader.output(ZLeaveWorkspaceOutput).mutation(async ({ ctx }) => {
  await leaveWorkspace(ctx.db, ctx.staff);
  return { left: true as const, workspaceId: ctx.staff.workspaceId };
});
