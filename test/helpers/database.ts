// Each test file gets its own database, copied from the run's template (DESIGN.md "Tests"): no test
// depends on another's rows, and files run in parallel.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { withDatabase } from './global-setup';

export type TestDatabase = { database: Database; url: string | null; name: string; cleanup(): Promise<void> };

export const onPostgres = (): boolean => inject('templateDatabase').kind === 'postgres';

export async function createTestDatabase({ poolSize = 10 } = {}): Promise<TestDatabase> {
  const template = inject('templateDatabase');
  const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  if (template.kind === 'postgres') {
    const admin = postgres(template.adminUrl, { max: 1, onnotice: () => {} });
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.unsafe(`create database "${name}" template "${template.name}"`);
        break;
      } catch (error) {
        // Two files copying the template at the same instant: PostgreSQL asks the second to wait.
        if (attempt > 20 || !String(error).includes('being accessed')) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
    const url = withDatabase(template.adminUrl, name);
    const database = await openDatabase({ url, poolSize });
    return {
      database,
      url,
      name,
      async cleanup() {
        await database.close().catch(() => {});
        await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'dp-test-'));
  cpSync(template.dir, dir, { recursive: true });
  const database = await openDatabase({ dataDir: dir });
  return {
    database,
    url: null,
    name: dir,
    async cleanup() {
      await database.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Tests that need what a fresh machine lacks skip with a reason there, and fail instead when CI is set. */
export function requireOrSkip(available: boolean, reason: string): boolean {
  if (available) return true;
  if (process.env.CI) throw new Error(`Required in CI: ${reason}`);
  console.warn(`skipped: ${reason}`);
  return false;
}
