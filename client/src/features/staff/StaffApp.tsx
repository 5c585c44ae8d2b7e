// The staff side (issue 3 §8), everything under /personal: sign-in, queues, the petition page, and the
// administrator's pages. Loaded on demand, so citizens never download it.
import { useQueryClient } from '@tanstack/react-query';
import { Fragment, useEffect, type ReactNode } from 'react';
import { useT } from '../../i18n';
import { ApiError } from '../../lib/api-client';
import { Link, matchPath, Redirect, useRouter } from '../../router';
import { adminRoutes } from '../admin/routes';
import { callCenterRoutes } from '../callcenter/routes';
import { dashboardRoutes } from '../dashboard/routes';
import { gdprRoutes } from '../admin/gdpr/routes';
import { reportsRoutes } from '../reports/routes';
import { searchRoutes } from '../search/routes';
import { StaffLayout } from './components/StaffLayout';
import { StaffPage } from './components/StaffPage';
import { describeStaffError } from './errors';
import { PetitionPage } from './pages/PetitionPage';
import { parseQueue, QueuePage } from './pages/QueuePage';
import { SignInPage } from './pages/SignInPage';
import { safeNext, staffPaths, STAFF_HOME } from './paths';
import { sessionKeys, useSession } from './queries';
import { homePathFor } from './roles';
import type { SessionUser } from './schemas';

export type StaffRoute = {
  pattern: string;
  /** Only these roles; others get "no access" (the server refuses them anyway). */
  roles?: readonly SessionUser['role'][];
  render: (params: Record<string, string>, user: SessionUser) => ReactNode;
  /** What remounts the page (and moves the focus to its h1); default: the path. */
  key?: (path: string, search: string, user: SessionUser) => string;
};

const routes: StaffRoute[] = [
  { pattern: '/personal/petitii', render: (_p, user) => <QueuePage user={user} />, key: (path, search, user) => `${path}:${parseQueue(search, user) ?? ''}` },
  { pattern: '/personal/petitii/:id', render: ({ id = '' }, user) => <PetitionPage id={id} user={user} /> },
  ...adminRoutes,
  ...dashboardRoutes,
  ...callCenterRoutes,
  ...reportsRoutes,
  ...searchRoutes,
  ...gdprRoutes,
];

/** A 401 anywhere (the session expired or was ended) signs the page out: the guard shows the sign-in form. */
function useSessionExpiry() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const onError = (error: unknown) => {
      if (error instanceof ApiError && error.code === 'auth.required') queryClient.setQueryData(sessionKeys.me(), null);
    };
    const stopQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error);
    });
    const stopMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error);
    });
    return () => {
      stopQueries();
      stopMutations();
    };
  }, [queryClient]);
}

export default function StaffApp() {
  const { t, tm } = useT();
  const { path, search } = useRouter();
  const session = useSession();
  useSessionExpiry();
  const user = session.data ?? null;

  let content: ReactNode;
  if (session.isPending) {
    content = <p role="status">{t('common.loading')}</p>;
  } else if (session.isError && !session.data) {
    content = (
      <StaffPage title={t('staff.sessionError')}>
        <p className="notice notice--error" role="alert">
          {tm(describeStaffError(session.error))}
        </p>
        <button type="button" className="button button--secondary" onClick={() => void session.refetch()}>
          {t('common.retry')}
        </button>
      </StaffPage>
    );
  } else if (!user) {
    // Every staff page needs a session: back to the sign-in form, which returns here afterwards.
    content = path === STAFF_HOME ? <SignInPage key="sign-in" /> : <Redirect to={`${STAFF_HOME}?next=${encodeURIComponent(path + search)}`} />;
  } else {
    content = <StaffRoutes user={user} />;
  }
  return <StaffLayout user={user}>{content}</StaffLayout>;
}

function StaffRoutes({ user }: { user: SessionUser }) {
  const { path, search } = useRouter();
  if (path === STAFF_HOME || path === `${STAFF_HOME}/`) {
    const next = safeNext(new URLSearchParams(search).get('next'));
    return <Redirect to={next ?? homePathFor(user.role)} />;
  }
  if (path === `${STAFF_HOME}/admin`) return <Redirect to={staffPaths.admin.users} />;
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (!params) continue;
    const key = route.key?.(path, search, user) ?? path;
    if (route.roles && !route.roles.includes(user.role)) return <NoAccessPage key={key} user={user} />;
    return <Fragment key={key}>{route.render(params, user)}</Fragment>;
  }
  return <StaffNotFoundPage key={path} user={user} />;
}

function NoAccessPage({ user }: { user: SessionUser }) {
  const { t } = useT();
  return (
    <StaffPage title={t('staff.noAccess')}>
      <p>{t('staff.noAccess.text')}</p>
      <p>
        <Link to={homePathFor(user.role)}>{t('staff.toHome')}</Link>
      </p>
    </StaffPage>
  );
}

function StaffNotFoundPage({ user }: { user: SessionUser }) {
  const { t } = useT();
  return (
    <StaffPage title={t('notFound.title')}>
      <p>{t('staff.notFound.text')}</p>
      <p>
        <Link to={homePathFor(user.role)}>{t('staff.toHome')}</Link>
      </p>
    </StaffPage>
  );
}
