/** The signed-in user, their role, and sign out. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Icon } from '../components/icons';
import { toast } from '../components/toaster';
import { errorMessage } from '../lib/errors';
import { humanize } from '../lib/format';
import { SESSION_KEY, useCurrent } from '../lib/session';
import { useTRPC } from '../lib/trpc';

export function UserMenu() {
  const { session, workspace } = useCurrent();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const signedOut = () => {
    queryClient.clear();
    queryClient.setQueryData(SESSION_KEY, null);
    navigate('/login', { replace: true });
  };

  const logout = useMutation({
    ...trpc.auth.logout.mutationOptions(),
    onSuccess: signedOut,
    onError: (error) => {
      // The server could not end the session (it may already be gone): say so, then leave anyway.
      toast.error(`Sign out: ${errorMessage(error)}`);
      signedOut();
    },
  });

  const { user } = session;
  const initials = (user.name ?? user.email).slice(0, 1).toUpperCase();

  return (
    <div className="user-menu" ref={ref}>
      <button
        type="button"
        className="user-button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="user-menu"
      >
        <span className="avatar">{initials}</span>
        <span className="user-name">{user.name ?? user.email}</span>
        <Icon name="chevronDown" size={14} />
      </button>
      {open && (
        <div className="menu" role="menu">
          <div className="menu-header">
            <div className="menu-title">{user.name ?? user.email}</div>
            <div className="muted small">{user.email}</div>
            <div className="muted small">
              {humanize(workspace.role)} of {workspace.name}
            </div>
          </div>
          <Link to="/profile" role="menuitem" className="menu-item" onClick={() => setOpen(false)} data-testid="menu-profile">
            <Icon name="user" /> Profile
          </Link>
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            onClick={() => logout.mutate()}
            disabled={logout.isPending}
            data-testid="sign-out"
          >
            <Icon name="logout" /> {logout.isPending ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      )}
    </div>
  );
}
