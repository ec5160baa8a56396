import type { Permission } from '@tenure/contract';
import { NavLink } from 'react-router-dom';
import { Brand } from '../components/brand';
import { Icon, type IconName } from '../components/icons';
import { can } from '../lib/permissions';
import { useRole } from '../lib/use-role';

/** `needs`: shown only to roles with that permission (import writes customers). */
const NAV: { to: string; label: string; icon: IconName; testId: string; needs?: Permission }[] = [
  { to: '/dashboard', label: 'Dashboard', icon: 'grid', testId: 'nav-dashboard' },
  { to: '/customers', label: 'Customers', icon: 'users', testId: 'nav-customers' },
  { to: '/events', label: 'Events', icon: 'activity', testId: 'nav-events' },
  { to: '/segments', label: 'Segments', icon: 'filter', testId: 'nav-segments' },
  { to: '/cohorts', label: 'Cohorts', icon: 'target', testId: 'nav-cohorts' },
  { to: '/ltv', label: 'Lifetime value', icon: 'dollar', testId: 'nav-ltv' },
  { to: '/attribution', label: 'Attribution', icon: 'link', testId: 'nav-attribution' },
  { to: '/import', label: 'Import', icon: 'upload', testId: 'nav-import', needs: 'customers:write' },
  { to: '/api-keys', label: 'API keys', icon: 'key', testId: 'nav-api-keys' },
  { to: '/team', label: 'Team', icon: 'shield', testId: 'nav-team' },
  { to: '/settings/analytics', label: 'Settings', icon: 'sliders', testId: 'nav-settings' },
];

export function Sidebar() {
  const role = useRole();
  return (
    <aside className="sidebar">
      <Brand />
      <nav className="nav" aria-label="Main">
        {NAV.filter((item) => !item.needs || can(role, item.needs)).map((item) => (
          <NavLink key={item.to} to={item.to} className="nav-link" data-testid={item.testId}>
            <Icon name={item.icon} size={18} />
            {item.label}
          </NavLink>
        ))}
      </nav>
      <div className="sidebar-footer">
        <a href="/api/docs" className="nav-link nav-link-muted" target="_blank" rel="noreferrer">
          <Icon name="link" size={18} />
          API docs
        </a>
      </div>
    </aside>
  );
}
