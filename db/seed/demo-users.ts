// Demo mode only: the accounts of issue 3, all with the password `parola-demo`, printed by `npm start`.
import { eq, sql } from 'drizzle-orm';
import { hashPassword } from '../../server/lib/passwords';
import type { Db } from '../client';
import { departments, users } from '../schema';

export const DEMO_PASSWORD = 'parola-demo';
const DOMAIN = 'demo.primarie6.ro';

type DemoUser = { local: string; name: string; role: (typeof users.$inferInsert)['role']; department?: string; manager?: string; jobTitle: string; phone?: string };

export const DEMO_USERS: DemoUser[] = [
  { local: 'delegat', name: 'Mihaela Dumitrescu', role: 'delegate', jobTitle: 'Viceprimar, delegat al primarului' },
  { local: 'admin', name: 'Andrei Constantinescu', role: 'admin', jobTitle: 'Administrator de sistem' },
  { local: 'registratura', name: 'Elena Marinescu', role: 'registry', department: 'DRPMD', jobTitle: 'Inspector, Registratură' },
  { local: 'supervizor', name: 'Cristina Ionescu', role: 'supervisor', department: 'DRPMD', jobTitle: 'Coordonator call center' },
  { local: 'agent', name: 'Radu Georgescu', role: 'agent', department: 'DRPMD', manager: 'supervizor', jobTitle: 'Operator call center', phone: '+40213000101' },
  { local: 'dgspl.sef', name: 'Bogdan Stoica', role: 'head', department: 'DGSPL', manager: 'delegat', jobTitle: 'Director executiv DGSPL' },
  { local: 'dgspl.inspector', name: 'Ioana Vasilescu', role: 'officer', department: 'DGSPL', manager: 'dgspl.sef', jobTitle: 'Inspector DGSPL' },
  { local: 'adpdu.director', name: 'Victor Niculescu', role: 'director', department: 'ADPDU', manager: 'delegat', jobTitle: 'Director general ADPDU' },
  { local: 'adpdu.sef', name: 'Gabriela Munteanu', role: 'head', department: 'ADPDU', manager: 'adpdu.director', jobTitle: 'Șef serviciu ADPDU' },
  { local: 'adpdu.inspector', name: 'Mihai Popa', role: 'officer', department: 'ADPDU', manager: 'adpdu.sef', jobTitle: 'Inspector ADPDU' },
  { local: 'dgpl.director', name: 'Sorin Matei', role: 'director', department: 'DGPL', manager: 'delegat', jobTitle: 'Director general DGPL' },
  { local: 'dgpl.sef', name: 'Adrian Dobre', role: 'head', department: 'DGPL', manager: 'dgpl.director', jobTitle: 'Șef serviciu DGPL' },
  { local: 'dgpl.inspector', name: 'Alina Radu', role: 'officer', department: 'DGPL', manager: 'dgpl.sef', jobTitle: 'Polițist local' },
];

export const demoEmail = (local: string) => `${local}@${DOMAIN}`;

/** Creates the demo accounts that don't exist yet (managers first, so the reporting line can point to them). */
export async function seedDemoUsers(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const deptIds = new Map((await db.select({ id: departments.id, code: departments.code }).from(departments)).map((d) => [d.code, d.id]));
  const ids = new Map<string, string>();
  for (const u of DEMO_USERS) {
    const email = demoEmail(u.local);
    const [existing] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
    if (existing) {
      ids.set(u.local, existing.id);
      continue;
    }
    const [row] = await db
      .insert(users)
      .values({
        email,
        name: u.name,
        role: u.role,
        departmentId: u.department ? deptIds.get(u.department) ?? null : null,
        managerId: u.manager ? ids.get(u.manager) ?? null : null,
        jobTitle: u.jobTitle,
        phone: u.phone ?? null,
        passwordHash,
      })
      .returning({ id: users.id });
    ids.set(u.local, row!.id);
  }
  // A manager created after its report (never with the order above, but cheap to keep true).
  for (const u of DEMO_USERS) {
    if (u.manager && ids.get(u.manager)) await db.update(users).set({ managerId: ids.get(u.manager)! }).where(eq(users.id, ids.get(u.local)!));
  }
}
