import type { ReactNode } from 'react';
import { Icon, type IconName } from './icons';

export function EmptyState({ icon = 'inbox', title, children }: { icon?: IconName; title: ReactNode; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <div className="empty-icon">
        <Icon name={icon} size={28} />
      </div>
      <h3>{title}</h3>
      {children && <div className="empty-text">{children}</div>}
    </div>
  );
}
