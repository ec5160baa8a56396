/**
 * The chosen environment id, persisted in localStorage. The tRPC link reads it on every request
 * (the `x-tenure-environment` header) and the query keys are prefixed with it, so switching
 * environments refetches everything instead of showing another environment's data.
 */
import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'tenure.environmentId';
const listeners = new Set<() => void>();

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled (private mode, policies); the choice then lives for the tab only.
    return null;
  }
}

let current: string | null = readStored();

export function getEnvironmentId(): string | null {
  return current;
}

export function setEnvironmentId(id: string | null): void {
  if (id === current) return;
  current = id;
  try {
    if (id) window.localStorage.setItem(STORAGE_KEY, id);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // See readStored: keeping it in memory is enough.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useEnvironmentId(): string | null {
  return useSyncExternalStore(subscribe, getEnvironmentId);
}
