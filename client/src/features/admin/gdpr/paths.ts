// The administrator's personal-data pages (issue 6 §5, §7), under /personal/admin.
import { STAFF_HOME } from '../../staff/paths';

export const gdprPaths = {
  reads: `${STAFF_HOME}/admin/date-personale`,
  petitioner: `${STAFF_HOME}/admin/date-personale/petent`,
  retention: `${STAFF_HOME}/admin/date-personale/pastrare`,
  open311Keys: `${STAFF_HOME}/admin/open311`,
} as const;
