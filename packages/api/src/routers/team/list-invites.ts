import { listInvites } from '@tenure/core';
import { ZListInvitesOutput } from './list-invites.types';
import { teamManager } from './procedures';

/** Open invites (not accepted, not revoked; expired ones included, marked by expiresAt). */
export const listInvitesRoute = teamManager
  .output(ZListInvitesOutput)
  .query(async ({ ctx }) => ({ invites: await listInvites(ctx.db, ctx.staff.workspaceId) }));
