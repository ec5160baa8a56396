/**
 * The signed-in user and their workspaces (`auth.me`), kept under one fixed query key so it
 * survives environment switches, plus the workspace/environment currently chosen.
 */
import { useQuery } from '@tanstack/react-query';
import { useEnvironmentId } from './env-store';
import { isUnauthorized } from './errors';
import { can } from './permissions';
import { type RouterOutputs, trpcClient } from './trpc';

export type TSession = RouterOutputs['auth']['me'];
export type TWorkspace = TSession['workspaces'][number];
export type TEnvironment = TWorkspace['environments'][number];

export const SESSION_KEY = ['session'] as const;

/** `null` means signed out; other failures stay errors so they are shown, not mistaken for a logout. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<TSession | null> => {
      try {
        return await trpcClient.auth.me.query();
      } catch (error) {
        if (isUnauthorized(error)) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    // Roles can change while the app is open (an owner promotes you): check again on every return.
    refetchOnWindowFocus: 'always',
  });
}

export function findEnvironment(session: TSession, envId: string | null) {
  for (const workspace of session.workspaces) {
    const environment = workspace.environments.find((e) => e.id === envId);
    if (environment) return { workspace, environment };
  }
  return null;
}

/** The stored environment when the user still has it, else the first workspace's live one. */
export function resolveEnvironmentId(session: TSession, stored: string | null): string | null {
  if (findEnvironment(session, stored)) return stored;
  const first = session.workspaces[0];
  if (!first) return null;
  return (first.environments.find((e) => e.mode === 'live') ?? first.environments[0])?.id ?? null;
}

export interface CurrentContext {
  session: TSession;
  workspace: TWorkspace;
  environment: TEnvironment;
  currency: string;
  isTest: boolean;
  canManageKeys: boolean;
  canWrite: boolean;
}

/** Only valid inside the authenticated shell, where the session and environment are resolved. */
export function useCurrent(): CurrentContext {
  const { data: session } = useSession();
  const envId = useEnvironmentId();
  if (!session) throw new Error('useCurrent() outside the signed-in app');
  const found = findEnvironment(session, envId);
  if (!found) throw new Error('useCurrent() before an environment was chosen');
  const { workspace, environment } = found;
  return {
    session,
    workspace,
    environment,
    currency: workspace.currency,
    isTest: environment.mode === 'test',
    canManageKeys: can(workspace.role, 'keys:manage'),
    canWrite: can(workspace.role, 'customers:write'),
  };
}
