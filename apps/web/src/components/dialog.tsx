/**
 * A modal built on the native <dialog> (focus trap, Escape and top layer for free). Children are
 * only mounted while open, so each opening starts with fresh form state.
 */
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { Icon } from './icons';

interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  /** `drawer` slides in from the right (detail panels). */
  variant?: 'modal' | 'wide' | 'drawer';
  testId?: string;
}

export function Dialog({ open, onClose, title, children, footer, variant = 'modal', testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    // Escape already closes a native dialog; the backdrop click is its mouse equivalent.
    // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard users close with Escape (built in)
    <dialog
      ref={ref}
      className={`dialog dialog-${variant}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onClose={() => open && onClose()}
      onClick={(e) => {
        // A click on the backdrop lands on the <dialog> element itself.
        if (e.target === e.currentTarget) onClose();
      }}
    >
      {open && (
        <div className="dialog-inner">
          <header className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="btn btn-ghost btn-icon" onClick={onClose} aria-label="Close">
              <Icon name="x" />
            </button>
          </header>
          <div className="dialog-body">{children}</div>
          {footer && <footer className="dialog-footer">{footer}</footer>}
        </div>
      )}
    </dialog>
  );
}
