/**
 * What a role allows, from the same role → permission map the server checks (ROLE_PERMISSIONS).
 * The server enforces it; the SPA only hides what would be refused.
 */
import { type Permission, ROLE_PERMISSIONS, type Role } from '@tenure/contract';

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
