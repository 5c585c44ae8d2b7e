// The staff side's addresses, all under /personal (the citizen portal keeps the rest).
import type { Queue } from '../../../../shared/api/staff-petitions';

export const STAFF_HOME = '/personal';

export const staffPaths = {
  home: STAFF_HOME,
  queue: (queue: Queue) => `${STAFF_HOME}/petitii?queue=${queue}`,
  queues: `${STAFF_HOME}/petitii`,
  petition: (id: string) => `${STAFF_HOME}/petitii/${encodeURIComponent(id)}`,
  admin: {
    users: `${STAFF_HOME}/admin/utilizatori`,
    newUser: `${STAFF_HOME}/admin/utilizatori/nou`,
    user: (id: string) => `${STAFF_HOME}/admin/utilizatori/${encodeURIComponent(id)}`,
    departments: `${STAFF_HOME}/admin/compartimente`,
    department: (code: string) => `${STAFF_HOME}/admin/compartimente/${encodeURIComponent(code)}`,
    categories: `${STAFF_HOME}/admin/categorii`,
    category: (code: string) => `${STAFF_HOME}/admin/categorii/${encodeURIComponent(code)}`,
    closedDays: `${STAFF_HOME}/admin/zile-nelucratoare`,
    outbox: `${STAFF_HOME}/admin/notificari`,
    templates: `${STAFF_HOME}/admin/modele`,
    newTemplate: `${STAFF_HOME}/admin/modele/nou`,
    template: (id: string) => `${STAFF_HOME}/admin/modele/${encodeURIComponent(id)}`,
  },
} as const;

export function isStaffPath(path: string): boolean {
  return path === STAFF_HOME || path.startsWith(`${STAFF_HOME}/`);
}

/** Where to go after signing in: only a staff page of ours (never another site, never the sign-in page). */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith(`${STAFF_HOME}/`) || next.startsWith('//')) return null;
  return next;
}
