/** Form pieces (the `.field` and `.dialog-actions` of styles): a labelled input, the submit button, Cancel + submit. */
import type { InputHTMLAttributes, ReactNode } from 'react';

/** A labelled input with its message under it; the message also marks the input invalid. */
export function TextField({
  label,
  error,
  testId,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'className'> & { label: ReactNode; error?: string | null; testId?: string }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input className="input" {...input} aria-invalid={!!error} data-testid={testId} />
      {error && <span className="field-error">{error}</span>}
    </label>
  );
}

export interface SubmitButtonProps {
  /** The button's text; `pendingLabel` replaces it while the request runs. */
  children: ReactNode;
  pending: boolean;
  pendingLabel: string;
  /** Disabled for another reason than a request in flight. */
  disabled?: boolean;
  /** Full width (the sign-in cards). */
  block?: boolean;
  testId?: string;
}

export function SubmitButton({ children, pending, pendingLabel, disabled, block, testId }: SubmitButtonProps) {
  return (
    <button
      type="submit"
      className={block ? 'btn btn-primary btn-block' : 'btn btn-primary'}
      disabled={pending || disabled}
      data-testid={testId}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}

/** A dialog form's footer: Cancel (disabled while saving) and the submit button. */
export function FormActions({ onCancel, ...submit }: SubmitButtonProps & { onCancel: () => void }) {
  return (
    <div className="dialog-actions">
      <button type="button" className="btn" onClick={onCancel} disabled={submit.pending}>
        Cancel
      </button>
      <SubmitButton {...submit} />
    </div>
  );
}
