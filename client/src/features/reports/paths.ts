// The oversight pages' addresses (issue 6), under /personal like every staff page.
import { STAFF_HOME } from '../staff/paths';

export const reportsPaths = { reports: `${STAFF_HOME}/rapoarte` } as const;

/** Who sees the reports (the server's REPORT_ROLES). */
export const REPORT_ROLES = ['registry', 'delegate', 'admin'] as const;
