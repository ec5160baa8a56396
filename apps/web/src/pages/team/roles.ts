/** Roles as people read them, and the choices a role may hand out (the contract's teamChangeRefusal decides). */
import { ROLES, type Role, teamChangeRefusal } from '@tenure/contract';
import type { BadgeTone } from '../../components/badge';

export const ROLE_LABEL: Record<Role, string> = { owner: 'Owner', admin: 'Admin', member: 'Member', viewer: 'Viewer' };

export const ROLE_DESCRIPTION: Record<Role, string> = {
  owner: 'Everything, including managing owners and deleting the workspace',
  admin: 'Customer data, API keys and the team (except owners)',
  member: 'Read and write customers and events',
  viewer: 'Read only',
};

export const ROLE_TONE: Record<Role, BadgeTone> = { owner: 'violet', admin: 'blue', member: 'green', viewer: 'gray' };

/** The roles `actor` may give someone who now holds `current` (null: a new invite). */
export function assignableRoles(actor: Role, current: Role | null): Role[] {
  return ROLES.filter((role) => teamChangeRefusal(actor, current, role) === null);
}
