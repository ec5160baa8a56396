/** Team: members and invites of the current environment's workspace (staff only), and the public invite link. */
import { router } from '../../trpc';
import { acceptInviteRoute } from './accept-invite';
import { createInviteRoute } from './create-invite';
import { getInviteRoute } from './get-invite';
import { leaveWorkspaceRoute } from './leave-workspace';
import { listInvitesRoute } from './list-invites';
import { listMembersRoute } from './list-members';
import { removeMemberRoute } from './remove-member';
import { revokeInviteRoute } from './revoke-invite';
import { updateMemberRoleRoute } from './update-member-role';

export const teamRouter = router({
  members: router({ list: listMembersRoute, updateRole: updateMemberRoleRoute, remove: removeMemberRoute }),
  leave: leaveWorkspaceRoute,
  invites: router({
    list: listInvitesRoute,
    create: createInviteRoute,
    revoke: revokeInviteRoute,
    get: getInviteRoute,
    accept: acceptInviteRoute,
  }),
});
