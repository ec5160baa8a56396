/** Member and invite rows as the API shows them (ISO times). */
import type { TInvite, TMember } from '@tenure/contract';
import type { teamQueries } from '@tenure/db';

type MemberRow = NonNullable<Awaited<ReturnType<typeof teamQueries.findMember>>>;
type InviteRow = NonNullable<Awaited<ReturnType<typeof teamQueries.findInvite>>>;

export function toMember(r: MemberRow): TMember {
  return {
    userId: r.userId,
    email: r.email,
    name: r.name,
    role: r.role,
    joinedAt: r.joinedAt.toISOString(),
    lastSignInAt: r.lastSignInAt?.toISOString() ?? null,
  };
}

export function toInvite(r: InviteRow): TInvite {
  return {
    id: r.id,
    email: r.email,
    role: r.role,
    invitedBy: r.invitedBy && r.inviterEmail ? { id: r.invitedBy, email: r.inviterEmail, name: r.inviterName } : null,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
  };
}
