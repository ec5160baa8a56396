/** A figure with its label above it (`.stat` of styles), and anything that explains it below. */
import type { ReactNode } from 'react';

export function Stat({
  label,
  value,
  valueClassName,
  testId,
  children,
}: {
  label: ReactNode;
  value: ReactNode;
  /** Added to the value's class, e.g. `text-red`. */
  valueClassName?: string;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <div className="stat">
      <div className="stat-label">{label}</div>
      <div className={valueClassName ? `stat-value ${valueClassName}` : 'stat-value'} data-testid={testId}>
        {value}
      </div>
      {children}
    </div>
  );
}
