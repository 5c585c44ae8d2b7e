// The bench's own database: bench_<timestamp> on the PostgreSQL server of DATABASE_URL, migrated and seeded
// with the catalog, the notice templates and the demo accounts; dropped at the end unless --keep.
import postgres from 'postgres';
import { openDatabase } from '../../db/client';
import { seedCatalog } from '../../db/seed/catalog';
import { seedDemoUsers } from '../../db/seed/demo-users';
import { seedTemplates } from '../../db/seed/templates';

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export type BenchDatabase = { name: string; url: string; drop(): Promise<void> };

export async function createBenchDatabase(adminUrl: string, name = `bench_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`): Promise<BenchDatabase> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const database = await openDatabase({ url, poolSize: 2, applicationName: 'bench-setup' });
  try {
    await database.migrate();
    await seedCatalog(database.db);
    await seedTemplates(database.db);
    await seedDemoUsers(database.db);
  } finally {
    await database.close();
  }
  return {
    name,
    url,
    async drop() {
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}
