// The legal reports (issue 6 §3), mounted by the staff router.
import type { StaffRoute } from '../staff/StaffApp';
import { reportsPaths, REPORT_ROLES } from './paths';
import { ReportsPage } from './ReportsPage';
import './reports.css';

export const reportsRoutes: StaffRoute[] = [{ pattern: reportsPaths.reports, roles: REPORT_ROLES, render: () => <ReportsPage /> }];
