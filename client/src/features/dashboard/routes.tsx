// The dashboard's page in the staff app (the server checks the role too: 403 for the others).
import { DASHBOARD_ROLES } from '../../../../shared/api/dashboard';
import type { StaffRoute } from '../staff/StaffApp';
import { DashboardPage } from './DashboardPage';
import { DASHBOARD_PATH } from './links';

export const dashboardRoutes: StaffRoute[] = [{ pattern: DASHBOARD_PATH, roles: DASHBOARD_ROLES, render: () => <DashboardPage /> }];
