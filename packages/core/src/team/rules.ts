/** The team rules as errors: who may change whom (contract's teamChangeRefusal) and the last owner. */
import { AppError, type Role, teamChangeRefusal } from '@tenure/contract';

/** Throws FORBIDDEN unless `actorRole` may act on `targetRole` and give it `newRole` (see teamChangeRefusal). */
export function assertMayManage(actorRole: Role, targetRole: Role | null, newRole: Role | null): void {
  const refusal = teamChangeRefusal(actorRole, targetRole, newRole);
  if (refusal) throw new AppError('FORBIDDEN', refusal);
}

export const LAST_OWNER_MESSAGE = 'A workspace needs at least one owner: make someone else an owner first';

/** The last owner can neither leave, be removed, nor be demoted. */
export function assertOwnerRemains(otherOwners: number): void {
  if (otherOwners === 0) throw new AppError('CONFLICT', LAST_OWNER_MESSAGE, { reason: 'LAST_OWNER' });
}
