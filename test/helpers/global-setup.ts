// Prepares, once per run, a migrated and seeded template that every integration test file copies:
// a PostgreSQL template database when TEST_DATABASE_URL is set, otherwise a PGlite data directory
// (creating one takes seconds; copying it, milliseconds).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../db/client';
import { seedCatalog } from '../../db/seed/catalog';
import { seedTemplates } from '../../db/seed/templates';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: { kind: 'postgres'; adminUrl: string; name: string } | { kind: 'pglite'; dir: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `tmpl_${process.pid}_${Date.now().toString(36)}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const database = await openDatabase({ url: withDatabase(url, name), poolSize: 2 });
    await database.migrate();
    await seedCatalog(database.db);
    await seedTemplates(database.db);
    await database.close();
    project.provide('templateDatabase', { kind: 'postgres', adminUrl: url, name });
    return async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
      await admin.end();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'dp-template-'));
  const database = await openDatabase({ dataDir: dir });
  await database.migrate();
  await seedCatalog(database.db);
  await seedTemplates(database.db);
  await database.close();
  project.provide('templateDatabase', { kind: 'pglite', dir });
  return async () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
