// End-to-end (DESIGN.md "Tests"): the built client and the real server, started as a user would start them
// (`tsx server/main.ts` with settings in the environment), and the system's Chromium to drive them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import postgres from 'postgres';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { openDatabase, type Db } from '../../db/client';
import { requireOrSkip } from './database';
import { withDatabase } from './global-setup';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
export const SCREENSHOT_DIR = join(ROOT, 'test-results/e2e');
// As `npm start` runs it: node with tsx's loader in-process (no tsx CLI wrapper between the signal and us).
const SERVER_ARGS = ['--import', 'tsx', 'server/main.ts'];
const VITE = join(ROOT, 'node_modules/.bin/vite');
const CLIENT_INDEX = join(ROOT, 'dist/client/index.html');
/** What the bundle is built from: a change to any of these makes dist/client stale. */
const CLIENT_SOURCES = ['client', 'shared', 'vite.config.ts'];

// ---------------------------------------------------------------------------------------------------------
// The client bundle

function newestMtime(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** `vite build` when dist/client/index.html is missing or older than a client source; once per run in practice. */
export function buildClientIfStale(): { built: boolean; ms: number } {
  const started = Date.now();
  const index = statSync(CLIENT_INDEX, { throwIfNoEntry: false });
  const sources = Math.max(...CLIENT_SOURCES.map((p) => newestMtime(join(ROOT, p))));
  if (index && index.mtimeMs >= sources) return { built: false, ms: Date.now() - started };
  const result = spawnSync(VITE, ['build', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) {
    throw new Error(`vite build failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
  return { built: true, ms: Date.now() - started };
}

// ---------------------------------------------------------------------------------------------------------
// The server

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

// tsx runs the server in a child node process, so each server leads its own process group and the whole
// group is killed: on stop(), and when the test process exits whatever the reason.
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export type E2eServer = {
  url: string;
  driver: 'postgres' | 'pglite';
  /** Everything the server printed (JSON log lines: the dev e-mail and SMS transport writes its messages here). */
  output(): string;
  /**
   * Reads what the server stored. On PostgreSQL, beside the running server; on PGlite, whose directory has a
   * single owner, the server is stopped first, so call it last.
   */
  inspectDatabase<T>(read: (db: Db) => Promise<T>): Promise<T>;
  /** Stops the server and drops its database or data directory. */
  stop(): Promise<void>;
};

type Storage = { env: Record<string, string>; driver: E2eServer['driver']; open(): Promise<{ db: Db; close(): Promise<void> }>; remove(): Promise<void> };

async function createStorage(): Promise<Storage> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    // A fresh, empty database: the server migrates and seeds it on start, as on a first installation.
    const name = `e2e_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const url = withDatabase(adminUrl, name);
    return {
      env: { DATABASE_URL: url },
      driver: 'postgres',
      async open() {
        const database = await openDatabase({ url, poolSize: 1 });
        return { db: database.db, close: () => database.close() };
      },
      async remove() {
        await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
        await admin.end();
      },
    };
  }
  // PGlite: a fresh data directory. Creating one takes ~8 s; when the run's global setup made a migrated
  // template, start from a copy of it (the server still migrates and seeds, finding nothing to do).
  const dir = mkdtempSync(join(tmpdir(), 'dp-e2e-'));
  const template = pgliteTemplate();
  if (template) cpSync(template, dir, { recursive: true });
  return {
    // DATABASE_URL empty: a DATABASE_URL in a developer's .env must not win over the embedded database.
    env: { DATA_DIR: dir, DATABASE_URL: '' },
    driver: 'pglite',
    async open() {
      const database = await openDatabase({ dataDir: dir });
      return { db: database.db, close: () => database.close() };
    },
    async remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function pgliteTemplate(): string | null {
  try {
    const template = inject('templateDatabase');
    return template.kind === 'pglite' && existsSync(template.dir) ? template.dir : null;
  } catch {
    return null; // not under vitest's global setup
  }
}

/** Builds the client if needed, then starts `tsx server/main.ts` on a free port with its own database. */
export async function startServer({ env = {}, healthTimeoutMs = 90_000 }: { env?: Record<string, string>; healthTimeoutMs?: number } = {}): Promise<E2eServer> {
  buildClientIfStale();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const storage = await createStorage();
  // Nothing inherited from the test run but PATH and HOME: the settings a user would export.
  const settings: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    RATE_LIMIT_INTAKE: '1000',
    RATE_LIMIT_TRACK: '1000',
    OUTBOX_POLL_MS: '200',
    ...storage.env,
    ...env,
  };
  const child = spawn(process.execPath, SERVER_ARGS, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...settings },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  void exited.then(() => running.delete(child));

  let stopped = false;
  const halt = async () => {
    if (stopped) return;
    stopped = true;
    killGroup(child, 'SIGTERM'); // main.ts closes the database and exits
    const hung = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 10_000))]);
    if (hung) {
      killGroup(child, 'SIGKILL');
      await exited;
    }
  };
  const stop = async () => {
    await halt();
    await storage.remove();
  };

  try {
    await waitHealthy(url, child, () => out, healthTimeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url,
    driver: storage.driver,
    output: () => out,
    async inspectDatabase(read) {
      if (storage.driver === 'pglite') await halt();
      const { db, close } = await storage.open();
      try {
        return await read(db);
      } finally {
        await close();
      }
    },
    stop,
  };
}

async function waitHealthy(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer /health within ${timeoutMs} ms:\n${output()}`);
}

// ---------------------------------------------------------------------------------------------------------
// The browser

/** Whether the system's Chromium is there; without it the e2e tests skip with a reason (and fail under CI). */
export function chromiumInstalled(): boolean {
  return requireOrSkip(existsSync(CHROMIUM), 'Chromium is not installed (apt-get install chromium)');
}

/** The system's Chromium, headless; null (after a printed reason, or an error under CI) when it is missing. */
export async function launchBrowser(): Promise<Browser | null> {
  if (!requireOrSkip(existsSync(CHROMIUM), 'Chromium is not installed (apt-get install chromium)')) return null;
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

/** A full-page screenshot kept in test-results/e2e/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
