// The dashboard's page in the staff app (the server checks the role too: 403 for the others).
import type { StaffRoute } from '../staff/StaffApp';
import { DashboardPage } from './DashboardPage';
import { DASHBOARD_PATH } from './links';

/** Who has a dashboard: the same roles as GET /api/dashboard. */
export const DASHBOARD_ROLES = ['delegate', 'admin', 'head', 'director', 'supervisor'] as const;

export const dashboardRoutes: StaffRoute[] = [{ pattern: DASHBOARD_PATH, roles: DASHBOARD_ROLES, render: () => <DashboardPage /> }];
