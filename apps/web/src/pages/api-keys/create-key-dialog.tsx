/**
 * Create a secret or publishable key; secret keys get all scopes or a chosen subset; either may
 * get its own rate limits. The form is checked with the contract's schema, as the server checks it.
 */
import { SCOPES, type Scope, ZCreateApiKeyInput } from '@tenure/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Dialog } from '../../components/dialog';
import { ErrorAlert } from '../../components/error-alert';
import { FormActions, TextField } from '../../components/form';
import { fieldMessages } from '../../lib/form-issues';
import { type RouterOutputs, useTRPC } from '../../lib/trpc';
import { parseRateLimits, RateLimitFields, type RateLimitTexts } from './rate-limit-fields';

type Created = RouterOutputs['apiKeys']['create'];

interface Props {
  open: boolean;
  mode: 'live' | 'test';
  /** The server's per-key defaults, shown as the placeholders of empty limits (null: not known yet). */
  keyDefaults: { rateLimit: number; ingestRateLimit: number } | null;
  onClose: () => void;
  onCreated: (created: Created) => void;
}

export function CreateKeyDialog({ open, mode, keyDefaults, onClose, onCreated }: Props) {
  return (
    <Dialog open={open} onClose={onClose} title={`Create a ${mode} API key`}>
      <CreateKeyForm keyDefaults={keyDefaults} onClose={onClose} onCreated={onCreated} />
    </Dialog>
  );
}

function CreateKeyForm({ keyDefaults, onClose, onCreated }: Omit<Props, 'open' | 'mode'>) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [type, setType] = useState<'secret' | 'publishable'>('secret');
  const [name, setName] = useState('');
  const [restricted, setRestricted] = useState(false);
  const [scopes, setScopes] = useState<Scope[]>([]);
  const [limits, setLimits] = useState<RateLimitTexts>({ rateLimit: '', ingestRateLimit: '' });
  const [touched, setTouched] = useState(false);

  const create = useMutation({
    ...trpc.apiKeys.create.mutationOptions(),
    onSuccess: (created) => {
      void queryClient.invalidateQueries(trpc.apiKeys.list.queryFilter());
      onCreated(created);
    },
  });

  const toggle = (scope: Scope) => setScopes((s) => (s.includes(scope) ? s.filter((x) => x !== scope) : [...s, scope]));
  const parsed = ZCreateApiKeyInput.safeParse({
    type,
    name: name.trim() || undefined,
    scopes: type === 'secret' && restricted ? SCOPES.filter((s) => scopes.includes(s)) : undefined,
    ...parseRateLimits(limits),
  });
  const issues = fieldMessages(parsed);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (parsed.success) create.mutate(parsed.data);
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
      <TextField label="Name" maxLength={100} placeholder="e.g. Billing service" value={name} onChange={(e) => setName(e.target.value)} />
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
          {touched && issues.scopes && <p className="field-error">{issues.scopes}</p>}
        </fieldset>
      )}
      <fieldset className="fieldset">
        <legend>Rate limits</legend>
        <p className="muted small">
          Requests per second for this key; leave empty for the server defaults. Bursts of twice the rate are allowed.
        </p>
        <RateLimitFields
          values={limits}
          onChange={setLimits}
          defaults={keyDefaults}
          errors={touched ? { rateLimit: issues.rateLimit, ingestRateLimit: issues.ingestRateLimit } : {}}
        />
      </fieldset>
      {create.error && <ErrorAlert error={create.error} title="Could not create the key" />}
      <FormActions
        onCancel={onClose}
        pending={create.isPending}
        pendingLabel="Creating…"
        disabled={touched && !parsed.success}
        testId="api-keys-create-submit"
      >
        Create key
      </FormActions>
    </form>
  );
}
