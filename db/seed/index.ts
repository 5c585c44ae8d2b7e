import type { Db } from '../client';
import { isCatalogSeeded, seedCatalog } from './catalog';
import { seedDemoHistoryOnFirstStart } from './demo-history';
import { seedDemoUsers } from './demo-users';
import { seedTemplates } from './templates';

/**
 * First start: the Sector 6 routing data; in demo mode, the demo accounts and, while the register is empty,
 * a demo history of petitions (db/seed/demo-history.ts). Admin changes are left alone.
 */
export async function seedDatabase(db: Db, options: { demo: boolean; now?: Date }): Promise<void> {
  if (!(await isCatalogSeeded(db))) await seedCatalog(db);
  await seedTemplates(db);
  if (options.demo) {
    await seedDemoUsers(db);
    await seedDemoHistoryOnFirstStart(db, { now: options.now ?? new Date() });
  }
}
