import type { Db } from '../client';
import { isCatalogSeeded, seedCatalog } from './catalog';

/** First start: the Sector 6 routing data. Later starts leave what the administrator changed alone. */
export async function seedDatabase(db: Db, _options: { demo: boolean }): Promise<void> {
  if (!(await isCatalogSeeded(db))) await seedCatalog(db);
}
