/** `/invite/:token`, public: what the invite offers, then accept it (new account or existing one). */
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { Alert } from '../../components/alert';
import { AuthCard } from '../../components/auth-card';
import { ErrorAlert } from '../../components/error-alert';
import { Spinner } from '../../components/spinner';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { RoleBadge } from '../team/role-badge';
import { ROLE_DESCRIPTION } from '../team/roles';
import { AcceptInviteForm } from './accept-invite-form';

export default function InvitePage() {
  const { token = '' } = useParams();
  const trpc = useTRPC();
  const session = useSession();
  const invite = useQuery({ ...trpc.team.invites.get.queryOptions({ token }), retry: false });
  const signedInAs = session.data?.user.email;

  return (
    <AuthCard>
      {invite.isPending ? (
        <div className="row invite-loading">
          <Spinner /> Opening the invite…
        </div>
      ) : invite.isError ? (
        <div className="stack">
          <ErrorAlert error={invite.error} title="This invite cannot be used" />
          <p className="muted small">
            Ask whoever invited you for a new link, or <Link to="/login">sign in</Link>.
          </p>
        </div>
      ) : (
        <div className="stack" data-testid="invite-page">
          <div>
            <h1 className="login-title">Join {invite.data.workspaceName}</h1>
            <p className="invite-offer">
              as <RoleBadge role={invite.data.role} />
            </p>
            <p className="muted small invite-role-description">{ROLE_DESCRIPTION[invite.data.role]}</p>
          </div>
          {signedInAs && signedInAs.toLowerCase() !== invite.data.email.toLowerCase() && (
            <Alert tone="warning" title={`You are signed in as ${signedInAs}`}>
              Joining signs you in as {invite.data.email} instead.
            </Alert>
          )}
          <AcceptInviteForm token={token} invite={invite.data} />
          <p className="muted small">The link works once, until {formatDateTime(invite.data.expiresAt)}.</p>
        </div>
      )}
    </AuthCard>
  );
}
