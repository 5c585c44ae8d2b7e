import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Fragment, lazy, Suspense, useState, type ReactNode } from 'react';
import { Layout } from './components/Layout';
import { HomePage } from './features/home/HomePage';
import { NotFoundPage } from './features/not-found/NotFoundPage';
import { ConfirmationPage } from './features/petitions/ConfirmationPage';
import { NewPetitionPage } from './features/petitions/NewPetitionPage';
import { PrivacyPage } from './features/privacy/PrivacyPage';
import { isStaffPath } from './features/staff/paths';
import { LostCodePage } from './features/tracking/LostCodePage';
import { TrackFormPage } from './features/tracking/TrackFormPage';
import { TrackingPage } from './features/tracking/TrackingPage';
import { I18nProvider } from './i18n';
import { ApiError } from './lib/api-client';
import { matchPath, RouterProvider, useRouter } from './router';

type Route = { pattern: string; render: (params: Record<string, string>, query: URLSearchParams) => ReactNode };

const routes: Route[] = [
  { pattern: '/', render: () => <HomePage /> },
  { pattern: '/petitie-noua', render: () => <NewPetitionPage /> },
  { pattern: '/confirmare', render: () => <ConfirmationPage /> },
  { pattern: '/urmarire', render: () => <TrackFormPage /> },
  {
    pattern: '/urmarire/:number',
    render: ({ number = '' }, query) => {
      const code = query.get('cod');
      // A link without the code (or a bookmark) still lands on a useful page: the form, number filled in.
      return code ? <TrackingPage number={number} code={code} /> : <TrackFormPage initialNumber={number} />;
    },
  },
  { pattern: '/cod-pierdut', render: () => <LostCodePage /> },
  { pattern: '/confidentialitate', render: () => <PrivacyPage /> },
];

function CurrentPage() {
  const { path, search } = useRouter();
  const query = new URLSearchParams(search);
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    // The key remounts the page on every navigation, so its <h1> takes the focus again.
    if (params) return <Fragment key={`${path}${search}`}>{route.render(params, query)}</Fragment>;
  }
  return <NotFoundPage key={path} />;
}

// The staff side (/personal/…) is a bundle of its own, loaded on demand: citizens never download it.
const StaffApp = lazy(() => import('./features/staff/StaffApp'));

function Shell() {
  const { path } = useRouter();
  if (isStaffPath(path)) {
    return (
      <Suspense fallback={<p role="status" className="container">…</p>}>
        <StaffApp />
      </Suspense>
    );
  }
  return (
    <Layout>
      <CurrentPage />
    </Layout>
  );
}

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not change by asking again (a wrong tracking code stays wrong); network and 5xx may.
        retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <RouterProvider>
          <Shell />
        </RouterProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
