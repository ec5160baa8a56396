/**
 * Team procedures: staff sessions only (API keys get 403), in the workspace of the environment
 * the SPA sends in its header, like the API key screens.
 */
import { AppError } from '@tenure/contract';
import type { TeamActor } from '@tenure/core';
import { staffMeta } from '../../meta';
import { scoped } from '../../trpc';

function staffProcedure(permission: 'team:read' | 'team:manage') {
  return scoped.meta(staffMeta(permission)).use(({ ctx, next }) => {
    // staffOnly already refuses keys; this narrows the actor to a signed-in person.
    if (ctx.actor.kind !== 'session') throw new AppError('FORBIDDEN', 'This operation is only available to staff in the app');
    const staff: TeamActor = { workspaceId: ctx.actor.workspaceId, userId: ctx.actor.userId };
    return next({ ctx: { staff } });
  });
}

/** Any member of the workspace (every role reads the team). */
export const teamReader = staffProcedure('team:read');

/** Owners and admins. */
export const teamManager = staffProcedure('team:manage');
