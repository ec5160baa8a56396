/** A member's role: a select when the signed-in user may change it, else a badge. Changes apply at once. */
import type { Role, TMember } from '@tenure/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from '../../components/toaster';
import { errorMessage } from '../../lib/errors';
import { SESSION_KEY } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { RoleBadge } from './role-badge';
import { ROLE_LABEL } from './roles';

interface Props {
  member: TMember;
  /** Roles offered (the current one included); empty when the role cannot be changed. */
  choices: Role[];
  /** Why it cannot be changed, shown as a tooltip. */
  lockedReason: string | null;
}

export function MemberRoleCell({ member, choices, lockedReason }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation({
    ...trpc.team.members.updateRole.mutationOptions(),
    onSuccess: ({ member: changed }) => {
      toast.success(`${changed.name ?? changed.email} is now ${ROLE_LABEL[changed.role].toLowerCase()}`);
      void queryClient.invalidateQueries(trpc.team.members.list.queryFilter());
      // The signed-in user may have changed their own role.
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
    onError: (error) => toast.error(`Role not changed: ${errorMessage(error)}`),
  });

  if (choices.length === 0) {
    return (
      <span title={lockedReason ?? undefined}>
        <RoleBadge role={member.role} />
      </span>
    );
  }
  return (
    <select
      className="select select-sm team-role-select"
      aria-label={`Role of ${member.name ?? member.email}`}
      value={member.role}
      disabled={update.isPending}
      title={lockedReason ?? undefined}
      onChange={(e) => update.mutate({ userId: member.userId, role: e.target.value as Role })}
      data-testid="member-role"
    >
      {choices.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABEL[role]}
        </option>
      ))}
    </select>
  );
}
