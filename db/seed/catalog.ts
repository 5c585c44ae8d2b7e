import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { categories, departments, institutions } from '../schema';
import { CATEGORIES, DEPARTMENTS, INSTITUTIONS } from './catalog-data';

/** Writes the Sector 6 routing data; idempotent, and never overwrites what an administrator changed. */
export async function seedCatalog(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(departments).values(DEPARTMENTS.map((d) => ({ ...d, isRegistry: d.isRegistry ?? false }))).onConflictDoNothing();
    await tx.insert(institutions).values(INSTITUTIONS).onConflictDoNothing();
    const deptIds = new Map((await tx.select({ id: departments.id, code: departments.code }).from(departments)).map((d) => [d.code, d.id]));
    const instIds = new Map((await tx.select({ id: institutions.id, code: institutions.code }).from(institutions)).map((i) => [i.code, i.id]));
    const rows = CATEGORIES.map((c, index) => {
      const forward = c.handler.startsWith('forward:') ? c.handler.slice('forward:'.length) : null;
      const routing = forward ? 'forward' : c.handler === 'by_person' ? 'by_person' : 'department';
      return {
        code: c.code,
        nameRo: c.ro,
        nameEn: c.en,
        regime: c.regime ?? 'og27',
        routing,
        handlerDepartmentId: routing === 'department' ? required(deptIds.get(c.handler), c.handler) : null,
        handlerInstitutionId: forward ? required(instIds.get(forward), forward) : null,
        public: c.public,
        sortOrder: index,
      } as const;
    });
    await tx.insert(categories).values(rows).onConflictDoNothing();
  });
}

function required<T>(value: T | undefined, code: string): T {
  if (value === undefined) throw new Error(`seed: unknown handler ${code}`);
  return value;
}

export async function isCatalogSeeded(db: Db): Promise<boolean> {
  const rows = await db.select({ id: departments.id }).from(departments).where(eq(departments.code, 'DRPMD')).limit(1);
  return rows.length > 0;
}
