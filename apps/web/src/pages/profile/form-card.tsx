/** A profile card that is one form: its fields, the server's error, and the submit button. */
import type { FormEvent, ReactNode } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { SubmitButton, type SubmitButtonProps } from '../../components/form';

export function FormCard({
  title,
  onSubmit,
  error,
  submit,
  children,
}: {
  title: string;
  onSubmit: (e: FormEvent) => void;
  error: unknown;
  submit: SubmitButtonProps;
  children: ReactNode;
}) {
  return (
    <div className="card">
      <div className="card-header">
        <h2>{title}</h2>
      </div>
      <form className="card-body form" onSubmit={onSubmit} noValidate>
        {children}
        {error ? <ErrorAlert error={error} /> : null}
        <div>
          <SubmitButton {...submit} />
        </div>
      </form>
    </div>
  );
}
