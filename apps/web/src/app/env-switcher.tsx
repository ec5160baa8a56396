/**
 * Workspace picker (when the user has several) and the live/test toggle. Switching changes the
 * `x-tenure-environment` header and the query-key prefix, so every screen refetches; detail
 * pages of the old environment make no sense in the new one, so we go back to the section list.
 */
import { useLocation, useNavigate } from 'react-router-dom';
import { setEnvironmentId } from '../lib/env-store';
import { type TWorkspace, useCurrent } from '../lib/session';

export function EnvSwitcher() {
  const { session, workspace, environment } = useCurrent();
  const navigate = useNavigate();
  const location = useLocation();

  const switchTo = (envId: string | undefined) => {
    if (!envId || envId === environment.id) return;
    setEnvironmentId(envId);
    const section = location.pathname.split('/')[1] ?? '';
    if (location.pathname !== `/${section}` || location.search) navigate(`/${section}`);
  };

  const envOf = (ws: TWorkspace, mode: 'live' | 'test') => ws.environments.find((e) => e.mode === mode)?.id;

  return (
    <div className="env-switcher" data-testid="env-switcher">
      {session.workspaces.length > 1 && (
        <select
          className="select select-sm"
          aria-label="Workspace"
          value={workspace.id}
          onChange={(e) => {
            const next = session.workspaces.find((w) => w.id === e.target.value);
            if (next) switchTo(envOf(next, environment.mode) ?? next.environments[0]?.id);
          }}
        >
          {session.workspaces.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      )}
      <fieldset className="segmented">
        <legend className="visually-hidden">Environment</legend>
        {(['live', 'test'] as const).map((mode) => {
          const id = envOf(workspace, mode);
          const checked = environment.mode === mode;
          return (
            <button
              key={mode}
              type="button"
              aria-pressed={checked}
              data-testid={`env-${mode}`}
              data-mode={mode}
              className={`segmented-option${checked ? ' is-active' : ''} mode-${mode}`}
              disabled={!id}
              onClick={() => switchTo(id)}
            >
              {mode === 'live' ? 'Live' : 'Test'}
            </button>
          );
        })}
      </fieldset>
    </div>
  );
}
