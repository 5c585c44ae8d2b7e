// The processes the bench measures: the real server (`server/main.ts` under tsx, as `npm start` runs it,
// but as one node process so that its pid is the server's), and the bare socket.io server the real-time
// figure is compared with. Peak memory per phase: /proc/<pid>/status VmHWM, reset between phases by
// writing 5 to /proc/<pid>/clear_refs (Linux ≥ 4.0).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

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

export type Child = {
  pid: number;
  url: string;
  output(): string;
  /** Peak resident memory since the last reset, in MB (null where /proc is not there). */
  peakRssMb(): number | null;
  resetPeak(): void;
  stop(signal?: NodeJS.Signals): Promise<void>;
  kill(): Promise<void>;
};

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function readProcKb(pid: number, field: string): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

function startChild({ args, env, url, ready, nodeArgs = [] }: { args: string[]; env: Record<string, string>; url: string; ready: () => Promise<boolean>; nodeArgs?: string[] }): Promise<Child> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  const keep = (d: Buffer) => {
    out += d.toString();
    if (out.length > 64_000_000) out = out.slice(-32_000_000); // bounded, yet whole for a test's log checks
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  void exited.then(() => children.delete(child));
  const handle: Child = {
    pid: child.pid!,
    url,
    output: () => out,
    peakRssMb: () => {
      const kb = readProcKb(child.pid!, 'VmHWM');
      return kb === null ? null : kb / 1024;
    },
    resetPeak: () => {
      try {
        writeFileSync(`/proc/${child.pid}/clear_refs`, '5');
      } catch {
        // not Linux, or not allowed: the peak then runs from the start
      }
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const hung = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 15_000))]);
      if (hung) {
        child.kill('SIGKILL');
        await exited;
      }
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
  return (async () => {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}:\n${out}`);
      if (await ready().catch(() => false)) return handle;
      await new Promise((r) => setTimeout(r, 200));
    }
    await handle.kill();
    throw new Error(`${args.join(' ')} did not become ready within 120 s:\n${out}`);
  })();
}

/** `server/main.ts` on a free port, on the given database; resolves once /health answers 200. */
export async function startAppServer({ databaseUrl, env = {}, nodeArgs = [] }: { databaseUrl: string; env?: Record<string, string>; nodeArgs?: string[] }): Promise<Child> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  return startChild({
    args: ['server/main.ts'],
    url,
    nodeArgs,
    env: {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      DEMO: '0',
      RATE_LIMIT_INTAKE: '1000000000',
      RATE_LIMIT_TRACK: '1000000000',
      ...env,
    },
    ready: async () => (await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) })).status === 200,
  });
}

/** The reference for real time: a socket.io server that only broadcasts (test/bench/bare-socketio.ts). */
export async function startBareSocketServer(): Promise<Child> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  return startChild({
    args: [join('test', 'bench', 'bare-socketio.ts')],
    url,
    env: { PORT: String(port) },
    ready: async () => (await fetch(`${url}/ready`, { signal: AbortSignal.timeout(2_000) })).status === 200,
  });
}
