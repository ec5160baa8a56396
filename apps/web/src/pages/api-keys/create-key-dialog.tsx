/** Create a secret or publishable key; secret keys get all scopes or a chosen subset. */
import { SCOPES, type Scope } from '@tenure/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Dialog } from '../../components/dialog';
import { ErrorAlert } from '../../components/error-alert';
import { type RouterOutputs, useTRPC } from '../../lib/trpc';

type Created = RouterOutputs['apiKeys']['create'];

interface Props {
  open: boolean;
  mode: 'live' | 'test';
  onClose: () => void;
  onCreated: (created: Created) => void;
}

export function CreateKeyDialog({ open, mode, onClose, onCreated }: Props) {
  return (
    <Dialog open={open} onClose={onClose} title={`Create a ${mode} API key`}>
      <CreateKeyForm onClose={onClose} onCreated={onCreated} />
    </Dialog>
  );
}

function CreateKeyForm({ onClose, onCreated }: Omit<Props, 'open' | 'mode'>) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [type, setType] = useState<'secret' | 'publishable'>('secret');
  const [name, setName] = useState('');
  const [restricted, setRestricted] = useState(false);
  const [scopes, setScopes] = useState<Scope[]>([]);

  const create = useMutation({
    ...trpc.apiKeys.create.mutationOptions(),
    onSuccess: (created) => {
      void queryClient.invalidateQueries(trpc.apiKeys.list.queryFilter());
      onCreated(created);
    },
  });

  const toggle = (scope: Scope) => setScopes((s) => (s.includes(scope) ? s.filter((x) => x !== scope) : [...s, scope]));
  const invalid = type === 'secret' && restricted && scopes.length === 0;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (invalid) return;
    create.mutate({
      type,
      name: name.trim() || undefined,
      scopes: type === 'secret' && restricted ? SCOPES.filter((s) => scopes.includes(s)) : undefined,
    });
  };

  return (
    <form className="form" onSubmit={submit}>
      <fieldset className="fieldset">
        <legend>Type</legend>
        <label className="radio-card">
          <input type="radio" name="type" checked={type === 'secret'} onChange={() => setType('secret')} />
          <span>
            <strong>Secret</strong>
            <span className="muted small">For your servers. Reads and writes data; keep it private.</span>
          </span>
        </label>
        <label className="radio-card">
          <input type="radio" name="type" checked={type === 'publishable'} onChange={() => setType('publishable')} />
          <span>
            <strong>Publishable</strong>
            <span className="muted small">Safe in browsers and apps. Can only send events and identify customers.</span>
          </span>
        </label>
      </fieldset>
      <label className="field">
        <span className="field-label">Name</span>
        <input
          className="input"
          maxLength={100}
          placeholder="e.g. Billing service"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      {type === 'secret' && (
        <fieldset className="fieldset">
          <legend>Permissions</legend>
          <label className="checkbox">
            <input type="radio" name="access" checked={!restricted} onChange={() => setRestricted(false)} /> All scopes
          </label>
          <label className="checkbox">
            <input type="radio" name="access" checked={restricted} onChange={() => setRestricted(true)} /> Only these scopes
          </label>
          {restricted && (
            <div className="scope-grid">
              {SCOPES.map((scope) => (
                <label key={scope} className="checkbox">
                  <input type="checkbox" checked={scopes.includes(scope)} onChange={() => toggle(scope)} />
                  <code>{scope}</code>
                </label>
              ))}
            </div>
          )}
          {invalid && <p className="field-error">Choose at least one scope.</p>}
        </fieldset>
      )}
      {create.error && <ErrorAlert error={create.error} title="Could not create the key" />}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose} disabled={create.isPending}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={create.isPending || invalid} data-testid="api-keys-create-submit">
          {create.isPending ? 'Creating…' : 'Create key'}
        </button>
      </div>
    </form>
  );
}
