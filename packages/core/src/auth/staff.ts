/** Turns a validated session plus the environment chosen in the SPA into an actor. */
import { AppError, ROLE_PERMISSIONS, type Role } from '@tenure/contract';
import { type DB, type Kysely, userQueries } from '@tenure/db';
import type { Actor } from '../actor';
import type { SessionUser } from './sessions';

export async function sessionActor(db: Kysely<DB>, user: SessionUser, envId: string): Promise<Actor & { kind: 'session' }> {
  const membership = await userQueries.findRoleForEnvironment(db, user.userId, envId);
  // Not a member of the environment's workspace: the environment does not exist for this user.
  if (!membership) throw new AppError('NOT_FOUND', 'Environment not found');
  const role = membership.role as Role;
  return {
    kind: 'session',
    userId: user.userId,
    email: user.email,
    sessionId: user.sessionId,
    workspaceId: membership.workspaceId,
    envId,
    role,
    permissions: new Set(ROLE_PERMISSIONS[role]),
  };
}

export interface WorkspaceMembership {
  id: string;
  slug: string;
  name: string;
  currency: string;
  role: Role;
  environments: { id: string; mode: 'live' | 'test' }[];
}

export async function listMemberships(db: Kysely<DB>, userId: string): Promise<WorkspaceMembership[]> {
  const rows = await userQueries.listUserWorkspaces(db, userId);
  const byId = new Map<string, WorkspaceMembership>();
  for (const r of rows) {
    let ws = byId.get(r.workspaceId);
    if (!ws) {
      ws = { id: r.workspaceId, slug: r.slug, name: r.name, currency: r.currency, role: r.role as Role, environments: [] };
      byId.set(r.workspaceId, ws);
    }
    ws.environments.push({ id: r.environmentId, mode: r.mode });
  }
  return [...byId.values()];
}
