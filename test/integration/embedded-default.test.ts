// The embedded default (DESIGN.md "Stack"): with no DATABASE_URL the real server starts on PGlite, keeps
// its data in DATA_DIR, and a petition registered before a restart is still there after it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { petitionInput } from '../helpers/app';

const ROOT = resolve(import.meta.dirname, '../..');
// As `npm start` runs it: node with tsx's loader in-process (no tsx CLI wrapper between the signal and us).
const SERVER_ARGS = ['--import', 'tsx', 'server/main.ts'];
const children = new Set<ChildProcess>();
const dirs: string[] = [];

type Server = { child: ChildProcess; base: string; exited: Promise<number | null>; output: () => string };

afterAll(async () => {
  // tsx runs the server in a child node process: kill the whole group each of our children leads.
  for (const child of children) {
    if (child.pid === undefined) continue;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

/** The environment a user would have: no DATABASE_URL, nothing inherited from the test run but PATH and HOME. */
function userEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...settings };
}

function start(settings: Record<string, string>): Server {
  const child = spawn(process.execPath, SERVER_ARGS, { cwd: ROOT, env: userEnv(settings), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.add(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  return { child, base: `http://127.0.0.1:${settings.PORT}`, exited, output: () => out };
}

async function waitHealthy(server: Server, timeoutMs = 90_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`the server exited with ${server.child.exitCode}:\n${server.output()}`);
    try {
      const res = await fetch(`${server.base}/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return await res.json();
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not become healthy within ${timeoutMs} ms:\n${server.output()}`);
}

/**
 * SIGTERM to the process group, as systemd (KillMode=control-group) or Ctrl-C in a terminal do. Sent to the
 * tsx process alone, tsx relays it and SIGKILLs the server if it does not confirm within 30 ms, which a busy
 * machine misses: exit 143 without the graceful shutdown.
 */
async function stop(server: Server): Promise<number | null> {
  process.kill(-server.child.pid!, 'SIGTERM');
  const code = await Promise.race([server.exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 20_000))]);
  if (code === 'hung') throw new Error(`the server did not exit within 20 s of SIGTERM:\n${server.output()}`);
  return code;
}

describe('the embedded default: no DATABASE_URL', () => {
  test('the server starts on PGlite in DATA_DIR, and a petition registered before a restart is tracked after it', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dp-embedded-'));
    dirs.push(dataDir);
    const settings = { DATA_DIR: dataDir, PORT: String(await freePort()), HOST: '127.0.0.1' };

    const first = start(settings);
    expect(await waitHealthy(first)).toEqual({ status: 'ok', database: 'pglite' });
    expect(first.output()).toContain(`embedded PGlite in ${dataDir}`);

    const res = await fetch(`${first.base}/api/petitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(petitionInput()),
    });
    expect(res.status).toBe(201);
    const { registrationNumber, trackingCode } = (await res.json()) as { registrationNumber: string; trackingCode: string };
    // Demo mode seeds a history on first start: the number is whatever comes next in the register.
    expect(registrationNumber).toMatch(/^P-\d{4}-\d{6}$/);

    expect(await stop(first)).toBe(0);

    const second = start(settings);
    expect(await waitHealthy(second)).toEqual({ status: 'ok', database: 'pglite' });
    const track = await fetch(`${second.base}/api/track/${registrationNumber}?code=${encodeURIComponent(trackingCode)}`);
    expect(track.status).toBe(200);
    const body = (await track.json()) as { registrationNumber: string; status: string; events: Array<{ type: string }> };
    expect(body).toMatchObject({ registrationNumber, status: 'registered' });
    expect(body.events.map((e) => e.type)).toContain('registered');

    // The register continues after the restart: the next petition is number 2, not 1 again.
    const next = await fetch(`${second.base}/api/petitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(petitionInput()),
    });
    expect(((await next.json()) as { registrationNumber: string }).registrationNumber).toBe(nextNumber(registrationNumber));
    expect(await stop(second)).toBe(0);
  });

  test.each([
    ['PORT', { PORT: 'notaport' }],
    ['RATE_LIMIT_INTAKE', { RATE_LIMIT_INTAKE: '-5' }],
  ])('a wrong %s stops the start with exit code 1 and a message that names it', { timeout: 120_000 }, async (name, wrong) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dp-embedded-bad-'));
    dirs.push(dataDir);
    let stderr = '';
    const child = spawn(process.execPath, SERVER_ARGS, {
      cwd: ROOT,
      env: userEnv({ DATA_DIR: dataDir, PORT: String(await freePort()), HOST: '127.0.0.1', ...wrong }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    children.add(child);
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((ok) => child.once('exit', ok));
    expect(code).toBe(1);
    expect(stderr).toContain(name);
    expect(stderr).toContain(JSON.stringify(Object.values(wrong)[0]));
    // Stopped before anything was opened: no stack trace for a settings mistake.
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

function nextNumber(number: string): string {
  const [prefix, year, seq] = number.split('-');
  return `${prefix}-${year}-${String(Number(seq) + 1).padStart(6, '0')}`;
}
