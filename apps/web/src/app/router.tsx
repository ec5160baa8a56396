/** Routes (history mode). Pages are lazy chunks so the first load only carries the shell. */
import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { AppShell } from './app-shell';
import { RequireAuth } from './require-auth';
import { RouteError } from './route-error';

const LoginPage = lazy(() => import('../pages/login/login-page'));
const DashboardPage = lazy(() => import('../pages/dashboard/dashboard-page'));
const CustomersPage = lazy(() => import('../pages/customers/customers-page'));
const CustomerDetailPage = lazy(() => import('../pages/customers/customer-detail-page'));
const EventsPage = lazy(() => import('../pages/events/events-page'));
const CohortsPage = lazy(() => import('../pages/cohorts/cohorts-page'));
const LtvPage = lazy(() => import('../pages/ltv/ltv-page'));
const AttributionPage = lazy(() => import('../pages/attribution/attribution-page'));
const CalibrationPage = lazy(() => import('../pages/calibration/calibration-page'));
const SegmentsPage = lazy(() => import('../pages/segments/segments-page'));
const SegmentPage = lazy(() => import('../pages/segments/segment-page'));
const SegmentEditorPage = lazy(() => import('../pages/segments/segment-editor-page'));
const ImportPage = lazy(() => import('../pages/import/import-page'));
const ApiKeysPage = lazy(() => import('../pages/api-keys/api-keys-page'));
const TeamPage = lazy(() => import('../pages/team/team-page'));
const AnalyticsSettingsPage = lazy(() => import('../pages/settings/analytics-settings-page'));
const ProfilePage = lazy(() => import('../pages/profile/profile-page'));
const InvitePage = lazy(() => import('../pages/invite/invite-page'));
const NotFoundPage = lazy(() => import('./not-found-page'));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  { path: '/invite/:token', element: <InvitePage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Navigate to="/dashboard" replace /> },
          { path: 'dashboard', element: <DashboardPage /> },
          { path: 'customers', element: <CustomersPage /> },
          { path: 'customers/:id', element: <CustomerDetailPage /> },
          { path: 'events', element: <EventsPage /> },
          { path: 'cohorts', element: <CohortsPage /> },
          { path: 'ltv', element: <LtvPage /> },
          { path: 'attribution', element: <AttributionPage /> },
          { path: 'calibration', element: <CalibrationPage /> },
          { path: 'segments', element: <SegmentsPage /> },
          { path: 'segments/new', element: <SegmentEditorPage /> },
          { path: 'segments/:id', element: <SegmentPage /> },
          { path: 'segments/:id/edit', element: <SegmentEditorPage /> },
          { path: 'import', element: <ImportPage /> },
          { path: 'api-keys', element: <ApiKeysPage /> },
          { path: 'team', element: <TeamPage /> },
          { path: 'settings', element: <Navigate to="/settings/analytics" replace /> },
          { path: 'settings/analytics', element: <AnalyticsSettingsPage /> },
          { path: 'profile', element: <ProfilePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
