// Staff search (issue 6 §4): its address and who may search (the server's PETITION_READER_ROLES).
import type { StaffRole } from '../../../../shared/api/admin';
import { STAFF_HOME } from '../staff/paths';

export const searchPaths = {
  search: `${STAFF_HOME}/cautare`,
  results: (q: string) => `${STAFF_HOME}/cautare?q=${encodeURIComponent(q)}`,
} as const;

export const SEARCH_ROLES = ['registry', 'delegate', 'admin', 'head', 'officer', 'director'] as const satisfies readonly StaffRole[];

export const canSearch = (role: StaffRole): boolean => (SEARCH_ROLES as readonly StaffRole[]).includes(role);
