// Fixtures for the clock tests: the demo staff in the test file's own database, sign-in, and petitions
// put into a department's queue directly in the database (the routing endpoint is tested elsewhere).
import { eq } from 'drizzle-orm';
import { departments, petitions, users } from '../../db/schema';
import { DEMO_PASSWORD, demoEmail, seedDemoUsers } from '../../db/seed/demo-users';
import { hashPassword } from '../../server/lib/passwords';
import { loadLegalCalendar } from '../../server/modules/calendar/calendar.repository';
import { replaceClock } from '../../server/modules/clocks/clocks.repository';
import { petitionInput, type TestApp } from './app';

export async function seedStaff(t: TestApp): Promise<Map<string, string>> {
  await seedDemoUsers(t.db);
  const rows = await t.db.select({ id: users.id, email: users.email }).from(users);
  return new Map(rows.map((r) => [r.email.split('@')[0]!, r.id]));
}

export async function departmentId(t: TestApp, code: string): Promise<string> {
  const [row] = await t.db.select({ id: departments.id }).from(departments).where(eq(departments.code, code));
  return row!.id;
}

/** An extra staff account (password = DEMO_PASSWORD), e.g. a director placed in an internal department. */
export async function createUser(t: TestApp, { local, role, departmentCode, managerId = null }: {
  local: string; role: (typeof users.$inferInsert)['role']; departmentCode: string | null; managerId?: string | null;
}): Promise<string> {
  const [row] = await t.db
    .insert(users)
    .values({ email: demoEmail(local), name: local, role, departmentId: departmentCode ? await departmentId(t, departmentCode) : null, managerId, passwordHash: await hashPassword(DEMO_PASSWORD) })
    .returning({ id: users.id });
  return row!.id;
}

/** The session cookie of a staff user (POST /api/auth/login). */
export async function login(t: TestApp, local: string): Promise<string> {
  const res = await t.json('/api/auth/login', { email: demoEmail(local), password: DEMO_PASSWORD });
  if (res.status !== 200) throw new Error(`sign-in of ${local} failed: ${res.status}`);
  return /dp_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
}

/** A web petition registered through POST /api/petitions at the app clock's current instant. */
export async function register(t: TestApp, overrides: Record<string, unknown> = {}) {
  const res = await t.json('/api/petitions', petitionInput(overrides));
  if (res.status !== 201) throw new Error(`intake failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { registrationNumber: string; trackingCode: string; dueOn: string };
  const [row] = await t.db.select({ id: petitions.id }).from(petitions).where(eq(petitions.registrationNumber, body.registrationNumber));
  return { ...body, id: row!.id };
}

/** Puts a petition in a department's queue as the registry would (art. 6(2)), with its internal clock. */
export async function routeInDb(t: TestApp, petitionId: string, { departmentCode, internalDueOn, assigneeId = null, status = 'routed', concernsUserId = null }: {
  departmentCode: string; internalDueOn: string; assigneeId?: string | null; status?: (typeof petitions.$inferSelect)['status']; concernsUserId?: string | null;
}): Promise<void> {
  await t.db
    .update(petitions)
    .set({ status, handlerDepartmentId: await departmentId(t, departmentCode), routedAt: t.clock.now(), internalDueOn, assigneeId, concernsUserId })
    .where(eq(petitions.id, petitionId));
  await replaceClock(t.db, { petitionId, clock: 'internal', dueOn: internalDueOn, calendar: await loadLegalCalendar(t.db) });
}

export async function setPetition(t: TestApp, petitionId: string, set: Partial<typeof petitions.$inferInsert>): Promise<void> {
  await t.db.update(petitions).set(set).where(eq(petitions.id, petitionId));
}

export async function getPetition(t: TestApp, petitionId: string) {
  const [row] = await t.db.select().from(petitions).where(eq(petitions.id, petitionId));
  return row!;
}
