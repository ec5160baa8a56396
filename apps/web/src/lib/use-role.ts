/** The signed-in user's role in the current workspace (from `auth.me`, refetched on focus) and what it allows. */
import type { Permission, Role } from '@tenure/contract';
import { can } from './permissions';
import { useCurrent } from './session';

export function useRole(): Role {
  return useCurrent().workspace.role;
}

export function useCan(permission: Permission): boolean {
  return can(useRole(), permission);
}
