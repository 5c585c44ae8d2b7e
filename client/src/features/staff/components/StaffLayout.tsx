import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type MouseEvent, type ReactNode } from 'react';
import { useT, type MessageKey } from '../../../i18n';
import { useLiveUpdates, type LiveUpdatesStatus } from '../../../lib/realtime';
import { Link, navigate, useRouter } from '../../../router';
import { gdprPaths } from '../../admin/gdpr/paths';
import { callCenterPaths } from '../../callcenter/paths';
import { DASHBOARD_PATH } from '../../dashboard/links';
import { DASHBOARD_ROLES } from '../../../../../shared/api/dashboard';
import { reportsPaths, REPORT_ROLES } from '../../reports/paths';
import { HeaderSearch } from '../../search/HeaderSearch';
import { canSearch, searchPaths } from '../../search/paths';
import { staffPaths, STAFF_HOME } from '../paths';
import { sessionKeys, useSignOut } from '../queries';
import { homePathFor, QUEUES_BY_ROLE, ROLE_LABELS } from '../roles';
import type { SessionUser } from '../schemas';

const LIVE_LABELS: Record<LiveUpdatesStatus, MessageKey> = {
  live: 'staff.live.on',
  connecting: 'staff.live.connecting',
  refused: 'staff.live.off',
};

/** The frame of every staff page: who is signed in, what their role may open, sign-out, language. */
export function StaffLayout({ user, children }: { user: SessionUser | null; children: ReactNode }) {
  const { t, lang, setLang } = useT();
  const { path } = useRouter();
  const queryClient = useQueryClient();
  // Live updates for signed-in staff (issue 3 §7): server events invalidate the queues and the petition page.
  const live = useLiveUpdates(queryClient, { enabled: user !== null });
  const signOut = useSignOut();
  const other = lang === 'ro' ? 'en' : 'ro';

  // A refused socket while we think we are signed in usually means the session ended: ask the server.
  useEffect(() => {
    if (user && live === 'refused') void queryClient.invalidateQueries({ queryKey: sessionKeys.me() });
  }, [user, live, queryClient]);

  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  };

  const current = (prefix: string, exact = false) => (path === prefix || (!exact && path.startsWith(`${prefix}/`)) ? 'page' : undefined);
  const links: { to: string; match: string; label: string; exact?: boolean }[] = [];
  if (user && QUEUES_BY_ROLE[user.role].length > 0) links.push({ to: homePathFor(user.role), match: staffPaths.queues, label: t('staffNav.petitions') });
  // Issue 6 §2: the dashboard, for those who oversee departments or the call center.
  if (user && (DASHBOARD_ROLES as readonly string[]).includes(user.role)) links.push({ to: DASHBOARD_PATH, match: DASHBOARD_PATH, label: t('staffNav.dashboard') });
  // The call center (issue 5): the console (exact: the supervisor's page lives below it) and the supervisor's page.
  if (user?.role === 'agent' || user?.role === 'supervisor') links.push({ to: callCenterPaths.console, match: callCenterPaths.console, label: t('staffNav.callConsole'), exact: true });
  if (user?.role === 'supervisor') links.push({ to: callCenterPaths.supervisor, match: callCenterPaths.supervisor, label: t('staffNav.callSupervisor') });
  // Issue 6: the legal reports and search.
  if (user && (REPORT_ROLES as readonly string[]).includes(user.role)) links.push({ to: reportsPaths.reports, match: reportsPaths.reports, label: t('staffNav.reports') });
  if (user && canSearch(user.role)) links.push({ to: searchPaths.search, match: searchPaths.search, label: t('staffNav.search') });
  if (user?.role === 'admin') {
    links.push(
      { to: staffPaths.admin.users, match: staffPaths.admin.users, label: t('staffNav.users') },
      { to: staffPaths.admin.departments, match: staffPaths.admin.departments, label: t('staffNav.departments') },
      { to: staffPaths.admin.categories, match: staffPaths.admin.categories, label: t('staffNav.categories') },
      { to: staffPaths.admin.closedDays, match: staffPaths.admin.closedDays, label: t('staffNav.closedDays') },
      { to: staffPaths.admin.templates, match: staffPaths.admin.templates, label: t('staffNav.templates') },
      { to: staffPaths.admin.outbox, match: staffPaths.admin.outbox, label: t('staffNav.outbox') },
      { to: callCenterPaths.officeHours, match: callCenterPaths.officeHours, label: t('staffNav.officeHours') },
      { to: gdprPaths.reads, match: gdprPaths.reads, label: t('staffNav.gdpr') },
      { to: gdprPaths.open311Keys, match: gdprPaths.open311Keys, label: t('staffNav.open311') },
    );
  }

  const langSwitch = (
    <button type="button" className="lang-switch" lang={other} aria-label={t('lang.otherLabel')} onClick={() => setLang(other)}>
      {t('lang.other')}
    </button>
  );

  const onSignOut = () =>
    signOut.mutate(undefined, {
      onSuccess: () => navigate(STAFF_HOME, { replace: true }),
    });

  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('site.skip')}
      </a>
      <header className="site-header staff-header">
        <div className="container container--wide header-inner">
          <Link to={user ? homePathFor(user.role) : STAFF_HOME} className="site-title">
            {t('staff.siteTitle')}
          </Link>
          {user && canSearch(user.role) && <HeaderSearch />}
          {user && (
            <div className="staff-user">
              <p className="staff-user__who" data-testid="staff-user">
                <span className="staff-user__name">{user.name}</span>
                <span className="staff-user__role" data-role={user.role}>
                  {t(ROLE_LABELS[user.role])}
                  {user.departmentCode ? ` · ${user.departmentCode}` : ''}
                </span>
              </p>
              <button type="button" className="header-button" onClick={onSignOut} aria-disabled={signOut.isPending || undefined}>
                {t('staff.signOut')}
              </button>
              {langSwitch}
            </div>
          )}
          {!user && langSwitch}
        </div>
        {user && links.length > 0 && (
          <div className="staff-nav-bar">
            <nav aria-label={t('staffNav.label')} className="container container--wide staff-nav">
              <ul>
                {links.map((link) => (
                  <li key={link.to}>
                    <Link to={link.to} aria-current={current(link.match, link.exact)}>
                      {link.label}
                    </Link>
                  </li>
                ))}
              </ul>
              <p className={`live-status live-status--${live}`} data-testid="live-status">
                <span aria-hidden="true" className="live-status__dot" />
                {t(LIVE_LABELS[live])}
              </p>
            </nav>
          </div>
        )}
      </header>
      {signOut.isError && (
        <div className="container container--wide">
          <p className="notice notice--error" role="alert">
            {t('staff.signOut.failed')}
          </p>
        </div>
      )}
      <main id="main" tabIndex={-1} className="container container--wide main">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container container--wide">
          <p>{t('staff.footer')}</p>
          <p>
            <Link to="/">{t('staff.footer.portal')}</Link>
          </p>
        </div>
      </footer>
    </>
  );
}
