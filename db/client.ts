// One schema, one set of migrations, two drivers (DESIGN.md): PostgreSQL through postgres.js when
// DATABASE_URL is set, otherwise PGlite (PostgreSQL in WASM) keeping its data in a directory.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Db | Tx;
export type DbDriver = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  driver: DbDriver;
  /** Runs migrations (serialised across servers by an advisory lock on PostgreSQL). */
  migrate(): Promise<void>;
  /** Answers within `timeoutMs` or throws: the health check and the 503 path rely on it. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
  /** The postgres.js client, for the few things Drizzle has no word for (LISTEN/NOTIFY, bench). */
  sqlClient?: postgres.Sql;
};

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
const MIGRATION_LOCK = 727_002_001; // an arbitrary advisory-lock key, constant across instances

export type DatabaseOptions =
  | { url: string; poolSize?: number; applicationName?: string }
  | { dataDir: string };

/** The rows of Drizzle's `execute()`: an array on postgres.js, `{ rows }` on PGlite. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if ('url' in options) return openPostgres(options);
  return openPglite(options.dataDir);
}

function openPostgres({ url, poolSize = 10, applicationName = 'domnuleprimar' }: { url: string; poolSize?: number; applicationName?: string }): Database {
  const client = postgres(url, {
    max: poolSize,
    connect_timeout: 5,
    idle_timeout: 60,
    // postgres.js counts failed connections in one counter shared by the pool and waits up to
    // 3^n/100 s (capped at 20 s) before reconnecting: after the server drops all 10 connections at once,
    // requests waited 10–20 s. Retry within a second instead (seconds, with jitter).
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1) * (0.5 + Math.random() / 2),
    onnotice: () => {},
    connection: { application_name: applicationName, statement_timeout: 15_000 },
  });
  const db = drizzlePostgres(client, { schema }) as unknown as Db;
  return {
    db,
    driver: 'postgres',
    sqlClient: client,
    async migrate() {
      const lock = await client.reserve();
      try {
        await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
        await migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder });
      } finally {
        await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
        lock.release();
      }
    },
    ping: (timeoutMs = 2000) => withTimeout(client`select 1`.then(() => undefined), timeoutMs),
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm, unaccent } });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    async migrate() {
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
    },
    ping: (timeoutMs = 2000) => withTimeout(db.execute(sql`select 1`).then(() => undefined), timeoutMs),
    close: () => client.close(),
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`database did not answer within ${ms} ms`)), ms);
    promise.then(
      (v) => { clearTimeout(timer); resolve(v); },
      (e: unknown) => { clearTimeout(timer); reject(e); },
    );
  });
}

/** Errors that mean "the database is not reachable now", as opposed to a bad query. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    // PGlite has no error code for this: a query after close() (e.g. during shutdown) rejects with these.
    if (e instanceof Error && /^PGlite is clos(ed|ing)$/.test(e.message)) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED',
      'CONNECTION_ENDED', 'CONNECTION_DESTROYED'].includes(code)) return true;
    // 08: connection exception; 57P01-03: admin shutdown, crash shutdown, cannot connect now; 53300: too many connections;
    // 57014: the statement ran past statement_timeout (15 s): the database is too busy to answer now.
    if (code.startsWith('08') || ['57P01', '57P02', '57P03', '53300', '57014'].includes(code)) return true;
  }
  return false;
}

/**
 * Errors that mean "this text cannot be stored": PostgreSQL refuses NUL (U+0000) in text and characters its
 * encoding lacks (22021, 22P05). They come from what a client sent, so the API answers 400, not 500.
 */
export function isUnstorableInput(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === '22021' || code === '22P05') return true;
  }
  return false;
}
