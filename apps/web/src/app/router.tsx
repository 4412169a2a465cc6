import { createBrowserRouter } from 'react-router';
import { NotFoundPage } from '../components/not-found-page.js';
import { RequireSession } from '../features/auth/components/require-session.js';
import { SetupPage } from '../features/auth/components/setup-page.js';
import { SignInPage } from '../features/auth/components/sign-in-page.js';
import { ExploreListPage } from '../features/explore/components/explore-list-page.js';
import { HomeRedirect } from '../features/projects/components/home-redirect.js';
import { AppLayout } from './app-layout.js';

/**
 * Routes (paths as Lightdash has them, so links carry over). The sign-in and setup pages are in
 * the entry chunk; the explore page (and ECharts under it) is a lazy chunk.
 */
export const router = createBrowserRouter([
  { path: '/login', element: <SignInPage /> },
  { path: '/setup', element: <SetupPage /> },
  { path: '/invite/:inviteCode', lazy: async () => ({ Component: (await import('../features/auth/components/invite-page.js')).InvitePage }) },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomeRedirect /> },
          { path: 'projects/:projectUuid/tables', element: <ExploreListPage /> },
          {
            path: 'projects/:projectUuid/tables/:exploreId',
            lazy: async () => ({ Component: (await import('../features/explore/components/explore-page.js')).ExplorePage }),
          },
          { path: 'projects/:projectUuid/saved/:chartUuid', lazy: async () => ({ Component: (await import('../features/charts/components/saved-chart-page.js')).SavedChartPage }) },
          { path: 'projects/:projectUuid/saved/:chartUuid/edit', lazy: async () => ({ Component: (await import('../features/charts/components/saved-chart-edit-page.js')).SavedChartEditPage }) },
          { path: 'projects/:projectUuid/sqlRunner', lazy: async () => ({ Component: (await import('../features/sql-runner/components/sql-runner-page.js')).SqlRunnerPage }) },
          { path: 'projects/:projectUuid/home', lazy: async () => ({ Component: (await import('../features/home/components/home-page.js')).HomePage }) },
          { path: 'projects/:projectUuid/spaces', lazy: async () => ({ Component: (await import('../features/spaces/components/spaces-page.js')).SpacesPage }) },
          { path: 'projects/:projectUuid/spaces/:spaceUuid', lazy: async () => ({ Component: (await import('../features/spaces/components/space-page.js')).SpacePage }) },
          { path: 'projects/:projectUuid/dashboards', lazy: async () => ({ Component: (await import('../features/dashboards/components/dashboards-page.js')).DashboardsPage }) },
          {
            path: 'projects/:projectUuid/dashboards/:dashboardUuid/view',
            lazy: async () => ({ Component: (await import('../features/dashboards/components/dashboard-view-page.js')).DashboardViewPage }),
          },
          {
            path: 'projects/:projectUuid/dashboards/:dashboardUuid/edit',
            lazy: async () => ({ Component: (await import('../features/dashboards/components/dashboard-edit-page.js')).DashboardEditPage }),
          },
          { path: 'generalSettings/*', lazy: async () => ({ Component: (await import('../features/settings/components/settings-page.js')).SettingsPage }) },
        ],
      },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);
