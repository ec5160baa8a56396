/** API key scopes and staff roles map onto one permission set (PRODUCT.md). */
export const SCOPES = [
  'customers:read',
  'customers:write',
  'events:read',
  'events:write',
  'analytics:read',
  'segments:read',
  'segments:write',
  'webhooks:write',
] as const;
export type Scope = (typeof SCOPES)[number];

/** Staff-only permissions, never granted to an API key. `team:read` (see the members) is every role's. */
export const STAFF_PERMISSIONS = ['keys:manage', 'team:read', 'team:manage', 'settings:write', 'workspace:delete'] as const;
export type StaffPermission = (typeof STAFF_PERMISSIONS)[number];

export type Permission = Scope | StaffPermission;

export const ROLES = ['owner', 'admin', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

const READ_SCOPES: Scope[] = ['customers:read', 'events:read', 'analytics:read', 'segments:read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: [...SCOPES, 'keys:manage', 'team:read', 'team:manage', 'settings:write', 'workspace:delete'],
  admin: [...SCOPES, 'keys:manage', 'team:read', 'team:manage', 'settings:write'],
  member: [...SCOPES, 'team:read'],
  viewer: [...READ_SCOPES, 'team:read'],
};

/** What a publishable key may do regardless of its declared scopes: ingest and identify. */
export const PUBLISHABLE_PERMISSIONS: readonly Scope[] = ['events:write', 'customers:write'];

export const KEY_TYPES = ['secret', 'publishable'] as const;
export type KeyType = (typeof KEY_TYPES)[number];

export const MODES = ['live', 'test'] as const;
export type Mode = (typeof MODES)[number];
