/** Sign out everywhere: ends every session of the account, this one included, and returns to sign-in. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { SESSION_KEY } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';

export function SessionsCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const signOut = useMutation({
    ...trpc.profile.signOutEverywhere.mutationOptions(),
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
      navigate('/login', { replace: true });
    },
  });

  return (
    <div className="card">
      <div className="card-header">
        <h2>Sessions</h2>
      </div>
      <div className="card-body row team-leave">
        <div>
          <strong>Sign out everywhere</strong>
          <p className="muted small">Lost a device, or signed in on a shared computer? End every session of your account, this one too.</p>
        </div>
        <button
          type="button"
          className="btn btn-danger-outline"
          onClick={() => setConfirming(true)}
          data-testid="profile-sign-out-everywhere"
        >
          Sign out everywhere
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        onClose={() => {
          signOut.reset();
          setConfirming(false);
        }}
        title="Sign out everywhere?"
        confirmLabel="Sign out everywhere"
        pending={signOut.isPending}
        error={signOut.error}
        onConfirm={() => signOut.mutate()}
      >
        <p>Every browser and device signed in to your account is signed out, including this one.</p>
      </ConfirmDialog>
    </div>
  );
}
