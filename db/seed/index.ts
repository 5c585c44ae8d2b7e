import type { Db } from '../client';
import { isCatalogSeeded, seedCatalog } from './catalog';
import { seedDemoUsers } from './demo-users';
import { seedTemplates } from './templates';

/** First start: the Sector 6 routing data; in demo mode, the demo accounts. Admin changes are left alone. */
export async function seedDatabase(db: Db, options: { demo: boolean }): Promise<void> {
  if (!(await isCatalogSeeded(db))) await seedCatalog(db);
  await seedTemplates(db);
  if (options.demo) await seedDemoUsers(db);
}
