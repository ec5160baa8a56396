/** The team of the current workspace: members for everyone; invites, roles and removal for owners and admins. */
import { useState } from 'react';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { useCurrent } from '../../lib/session';
import { useCan } from '../../lib/use-role';
import { InviteDialog } from './invite-dialog';
import { InvitesCard } from './invites-card';
import { LeaveWorkspaceCard } from './leave-workspace-card';
import { MembersCard } from './members-card';

export default function TeamPage() {
  const { workspace } = useCurrent();
  const manage = useCan('team:manage');
  const [inviting, setInviting] = useState(false);

  return (
    <div className="stack">
      <PageHeader
        title="Team"
        subtitle={`People with access to ${workspace.name}. A role applies to both environments.`}
        actions={
          manage && (
            <button type="button" className="btn btn-primary" onClick={() => setInviting(true)} data-testid="team-invite">
              <Icon name="userPlus" /> Invite
            </button>
          )
        }
      />
      <MembersCard />
      {manage && <InvitesCard />}
      <LeaveWorkspaceCard />
      <InviteDialog open={inviting} myRole={workspace.role} workspaceName={workspace.name} onClose={() => setInviting(false)} />
    </div>
  );
}
