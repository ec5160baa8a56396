/** Who is making a call: a staff session, an API key, or the system itself (CLI, seeding). */
import type { KeyType, Permission, Role } from '@tenure/contract';

export type Actor =
  | {
      kind: 'session';
      userId: string;
      email: string;
      sessionId: string;
      workspaceId: string;
      envId: string;
      role: Role;
      permissions: ReadonlySet<Permission>;
    }
  | {
      kind: 'apiKey';
      keyId: string;
      keyType: KeyType;
      workspaceId: string;
      envId: string;
      permissions: ReadonlySet<Permission>;
    }
  | { kind: 'system'; workspaceId: string; envId: string; permissions: ReadonlySet<Permission> };

/** The environment a write or read is scoped to, and who asked (for the audit log). */
export interface Scope {
  envId: string;
  workspaceId: string;
  actor: Actor;
}

/** Tenure itself acting (CLI, first-run setup, seeding, background jobs): audited as the system, with no API permissions. */
export function systemActor(workspaceId: string, envId: string): Actor & { kind: 'system' } {
  return { kind: 'system', workspaceId, envId, permissions: new Set() };
}
