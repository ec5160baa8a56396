/**
 * Change the environment's ceilings: a number per class, or empty for the server's default. The
 * form is checked with the contract's schema, as the server checks it; keys see the change within
 * the key cache's few seconds.
 */
import { type TEnvironmentRateLimitsOutput, ZSetEnvironmentRateLimitsInput } from '@tenure/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Dialog } from '../../components/dialog';
import { ErrorAlert } from '../../components/error-alert';
import { FormActions } from '../../components/form';
import { toast } from '../../components/toaster';
import { fieldMessages } from '../../lib/form-issues';
import { useTRPC } from '../../lib/trpc';
import { parseRateLimits, RateLimitFields, rateLimitTexts } from './rate-limit-fields';

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

function LimitsForm({ current, onClose }: Omit<Props, 'open'>) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [limits, setLimits] = useState(() => rateLimitTexts(current));
  const [touched, setTouched] = useState(false);

  const save = useMutation({
    ...trpc.apiKeys.setEnvironmentLimits.mutationOptions(),
    onSuccess: (saved) => {
      queryClient.setQueryData(trpc.apiKeys.environmentLimits.queryKey(), saved);
      toast.success('Rate limits saved');
      onClose();
    },
  });

  const parsed = ZSetEnvironmentRateLimitsInput.safeParse(parseRateLimits(limits));
  const issues = fieldMessages(parsed);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (parsed.success) save.mutate(parsed.data);
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <p className="muted small">Requests per second for all keys of this environment together. Leave a field empty for the default.</p>
      <RateLimitFields
        values={limits}
        onChange={setLimits}
        defaults={current.defaults?.environment ?? null}
        errors={touched ? { rateLimit: issues.rateLimit, ingestRateLimit: issues.ingestRateLimit } : {}}
        testId="environment-limits"
      />
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
