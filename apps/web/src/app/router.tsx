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
        ],
      },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);
