/** The signed-in layout: sidebar navigation, header with environment switcher and user menu. */
import { Suspense } from 'react';
import { Outlet } from 'react-router-dom';
import { Badge } from '../components/badge';
import { SkeletonCard } from '../components/skeleton';
import { useCurrent } from '../lib/session';
import { EnvSwitcher } from './env-switcher';
import { Sidebar } from './sidebar';
import { UserMenu } from './user-menu';

export function AppShell() {
  const { isTest, workspace } = useCurrent();
  return (
    <div className={`shell${isTest ? ' is-test' : ''}`}>
      <Sidebar />
      <div className="shell-main">
        <header className="topbar">
          <div className="topbar-left">
            <span className="topbar-workspace">{workspace.name}</span>
            {isTest && (
              <Badge tone="orange" title="You are looking at the test environment">
                Test data
              </Badge>
            )}
          </div>
          <div className="topbar-right">
            <EnvSwitcher />
            <UserMenu />
          </div>
        </header>
        <main className="content">
          <Suspense fallback={<PageFallback />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}

function PageFallback() {
  return (
    <div className="stack">
      <SkeletonCard lines={2} />
      <SkeletonCard lines={8} />
    </div>
  );
}
