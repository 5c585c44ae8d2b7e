// What the demo history needs from the database: the active categories with their deadline rules, the
// departments and institutions, and who works where. The demo accounts cover three departments; the others
// get a head, an officer and (a subordinate service) a director of their own, with the demo password, so
// every answer of the history carries both signatures (OG 27/2002 art. 13).
import { eq } from 'drizzle-orm';
import { hashPassword } from '../../server/lib/passwords';
import type { Db } from '../client';
import { categories, departments, institutions, users } from '../schema';
import { DEMO_PASSWORD, demoEmail } from './demo-users';
import type { HistoryCatalog, HistoryUser } from './demo-history-plan';
import type { Names } from './demo-history-rows';
import { HISTORY_STAFF_NAMES } from './demo-history-texts';

type UserRow = { id: string; name: string; email: string; role: string; departmentId: string | null; active: boolean };

export async function loadHistoryCatalog(db: Db): Promise<[HistoryCatalog, Names]> {
  const [cats, depts, insts] = await Promise.all([
    db.select().from(categories).where(eq(categories.active, true)).orderBy(categories.sortOrder),
    db.select().from(departments).where(eq(departments.active, true)).orderBy(departments.code),
    db.select().from(institutions),
  ]);
  if (cats.length === 0 || depts.length === 0) throw new Error('demo history: seed the catalog first');
  let people = await loadUsers(db);
  const one = (role: string) => people.find((u) => u.role === role && u.active && u.email.endsWith('@demo.primarie6.ro')) ?? people.find((u) => u.role === role && u.active);
  const delegate = one('delegate');
  const registry = one('registry');
  const agent = one('agent');
  if (!delegate || !registry || !agent) throw new Error('demo history: the demo accounts are missing (delegate, registry, agent)');

  await createMissingStaff(db, depts, people, delegate.id);
  people = await loadUsers(db);
  const inDept = (role: string, departmentId: string) =>
    people.find((u) => u.role === role && u.active && u.departmentId === departmentId && u.email.endsWith('@demo.primarie6.ro')) ??
    people.find((u) => u.role === role && u.active && u.departmentId === departmentId);

  const staff: HistoryCatalog['staff'] = new Map();
  for (const d of depts) {
    const head = inDept('head', d.id);
    const officer = inDept('officer', d.id);
    const authority = d.kind === 'internal' ? delegate : inDept('director', d.id);
    if (head && officer && authority) staff.set(d.id, { head: brief(head), officer: brief(officer), authority: brief(authority) });
  }
  const conductTargets = depts
    .filter((d) => !d.isRegistry && staff.has(d.id))
    .map((d) => ({ departmentId: d.id, officer: staff.get(d.id)!.officer }))
    .slice(0, 6);
  const catalog: HistoryCatalog = {
    categories: cats
      .filter((c) => c.routing !== 'department' || (c.handlerDepartmentId && staff.has(c.handlerDepartmentId)))
      .map((c) => ({
        id: c.id, code: c.code, nameRo: c.nameRo, regime: c.regime, routing: c.routing, public: c.public,
        departmentId: c.handlerDepartmentId, institutionId: c.handlerInstitutionId,
        rule: c.deadlineDays != null ? { days: c.deadlineDays, counting: c.deadlineCounting ?? 'calendar' } : undefined,
        internalDays: c.internalDueWorkingDays,
      })),
    staff,
    registry: brief(registry),
    agent: brief(agent),
    conductTargets,
    departmentIds: depts.filter((d) => !d.isRegistry && staff.has(d.id)).map((d) => d.id),
  };
  const names: Names = {
    departments: new Map(depts.map((d) => [d.id, { code: d.code, name: d.name }])),
    institutions: new Map(insts.map((i) => [i.id, { code: i.code, name: i.name }])),
  };
  return [catalog, names];
}

const brief = (u: UserRow): HistoryUser => ({ id: u.id, name: u.name });

function loadUsers(db: Db): Promise<UserRow[]> {
  return db.select({ id: users.id, name: users.name, email: users.email, role: users.role, departmentId: users.departmentId, active: users.active }).from(users).orderBy(users.email);
}

/** A head, an officer and (subordinate services) a director for every department that has none. */
async function createMissingStaff(db: Db, depts: Array<typeof departments.$inferSelect>, people: UserRow[], delegateId: string): Promise<void> {
  const missing = depts.flatMap((d) =>
    (['director', 'head', 'officer'] as const)
      .filter((role) => (role !== 'director' || d.kind === 'subordinate') && !people.some((u) => u.role === role && u.active && u.departmentId === d.id))
      .map((role) => ({ d, role })),
  );
  if (missing.length === 0) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let next = 0;
  const idOf = (role: string, departmentId: string) => people.find((u) => u.role === role && u.departmentId === departmentId)?.id;
  for (const { d, role } of missing) {
    const manager = role === 'officer' ? idOf('head', d.id) : role === 'head' ? idOf('director', d.id) ?? delegateId : delegateId;
    const local = `${d.code.toLowerCase()}.${{ director: 'director', head: 'sef', officer: 'inspector' }[role]}`;
    const title = { director: `Director general ${d.code}`, head: `Șef serviciu ${d.code}`, officer: `Inspector ${d.code}` }[role];
    const [row] = await db
      .insert(users)
      .values({ email: demoEmail(local), name: HISTORY_STAFF_NAMES[next++ % HISTORY_STAFF_NAMES.length]!, role, departmentId: d.id, managerId: manager ?? null, jobTitle: title, passwordHash })
      .onConflictDoNothing()
      .returning({ id: users.id, name: users.name, email: users.email, role: users.role, departmentId: users.departmentId, active: users.active });
    if (row) people.push(row);
  }
}
