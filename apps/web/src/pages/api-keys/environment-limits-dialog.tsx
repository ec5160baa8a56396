/**
 * Change the environment's ceilings: a number per class, or empty for the server's default. The
 * form is checked with the contract's schema, as the server checks it; keys see the change within
 * the key cache's few seconds.
 */
import { formatPath, type TEnvironmentRateLimitsOutput, ZSetEnvironmentRateLimitsInput } from '@tenure/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Dialog } from '../../components/dialog';
import { ErrorAlert } from '../../components/error-alert';
import { FormActions, TextField } from '../../components/form';
import { toast } from '../../components/toaster';
import { formatNumber } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';

interface Props {
  open: boolean;
  current: TEnvironmentRateLimitsOutput;
  onClose: () => void;
}

export function EnvironmentLimitsDialog({ open, current, onClose }: Props) {
  return (
    <Dialog open={open} onClose={onClose} title="Environment rate limits" testId="environment-limits-dialog">
      {/* The dialog mounts its body per opening, so the form starts from the stored values each time. */}
      <LimitsForm current={current} onClose={onClose} />
    </Dialog>
  );
}

const text = (value: number | null) => (value === null ? '' : String(value));
const limit = (value: string) => (value.trim() === '' ? null : Number(value));
const placeholder = (fallback: number | undefined) => (fallback === undefined ? 'default' : `default (${formatNumber(fallback)})`);

function LimitsForm({ current, onClose }: Omit<Props, 'open'>) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rateLimit, setRateLimit] = useState(text(current.rateLimit));
  const [ingestRateLimit, setIngestRateLimit] = useState(text(current.ingestRateLimit));
  const [touched, setTouched] = useState(false);

  const save = useMutation({
    ...trpc.apiKeys.setEnvironmentLimits.mutationOptions(),
    onSuccess: (saved) => {
      queryClient.setQueryData(trpc.apiKeys.environmentLimits.queryKey(), saved);
      toast.success('Rate limits saved');
      onClose();
    },
  });

  const parsed = ZSetEnvironmentRateLimitsInput.safeParse({ rateLimit: limit(rateLimit), ingestRateLimit: limit(ingestRateLimit) });
  const issues = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [formatPath(i.path.slice(0, 1)), i.message]));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (parsed.success) save.mutate(parsed.data);
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <p className="muted small">Requests per second for all keys of this environment together. Leave a field empty for the default.</p>
      <div className="form-grid">
        <TextField
          label="Reads and writes"
          inputMode="numeric"
          placeholder={placeholder(current.defaults?.environment.rateLimit)}
          value={rateLimit}
          onChange={(e) => setRateLimit(e.target.value)}
          error={touched ? issues.rateLimit : undefined}
          testId="environment-limits-rate"
        />
        <TextField
          label="Ingestion"
          inputMode="numeric"
          placeholder={placeholder(current.defaults?.environment.ingestRateLimit)}
          value={ingestRateLimit}
          onChange={(e) => setIngestRateLimit(e.target.value)}
          error={touched ? issues.ingestRateLimit : undefined}
          testId="environment-limits-ingest"
        />
      </div>
      {save.error && <ErrorAlert error={save.error} title="Could not save the rate limits" />}
      <FormActions
        onCancel={onClose}
        pending={save.isPending}
        pendingLabel="Saving…"
        disabled={touched && !parsed.success}
        testId="environment-limits-save"
      >
        Save limits
      </FormActions>
    </form>
  );
}
