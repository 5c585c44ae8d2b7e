// The call center's pages (issue 5), mounted by the staff router: the console (agents and the supervisor),
// the supervisor's page, and the administrator's office hours.
import type { StaffRoute } from '../staff/StaffApp';
import { ConsolePage } from './ConsolePage';
import { OfficeHoursPage } from './OfficeHoursPage';
import { callCenterPaths } from './paths';
import { SupervisorPage } from './SupervisorPage';
import './callcenter.css';

export const callCenterRoutes: StaffRoute[] = [
  { pattern: callCenterPaths.console, roles: ['agent', 'supervisor'], render: (_p, user) => <ConsolePage user={user} /> },
  { pattern: callCenterPaths.supervisor, roles: ['supervisor'], render: () => <SupervisorPage /> },
  { pattern: callCenterPaths.officeHours, roles: ['admin'], render: () => <OfficeHoursPage /> },
];
