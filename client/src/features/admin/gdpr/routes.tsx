// The administrator's personal-data and Open311 pages (issue 6 §5, §7), mounted by the staff router.
import type { StaffRoute } from '../../staff/StaffApp';
import { Open311KeysPage } from './Open311KeysPage';
import { gdprPaths } from './paths';
import { PetitionerDataPage } from './PetitionerDataPage';
import { ReadLogPage } from './ReadLogPage';
import { RetentionPage } from './RetentionPage';
import './gdpr.css';

const admin = ['admin'] as const;

export const gdprRoutes: StaffRoute[] = [
  { pattern: gdprPaths.reads, roles: admin, render: () => <ReadLogPage /> },
  { pattern: gdprPaths.petitioner, roles: admin, render: () => <PetitionerDataPage /> },
  { pattern: gdprPaths.retention, roles: admin, render: () => <RetentionPage /> },
  { pattern: gdprPaths.open311Keys, roles: admin, render: () => <Open311KeysPage /> },
];
