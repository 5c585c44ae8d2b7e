// The call center's addresses (issue 5), under /personal like every staff page.
import { STAFF_HOME } from '../staff/paths';

export const callCenterPaths = {
  console: `${STAFF_HOME}/apeluri`,
  supervisor: `${STAFF_HOME}/apeluri/supervizor`,
  officeHours: `${STAFF_HOME}/admin/program`,
} as const;
