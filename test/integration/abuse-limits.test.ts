// Issue 7 §4: hostile clients. Oversized bodies are refused with 413 before they are read whole (a body
// streamed without Content-Length is cut off); guessing tracking codes hits 429; an upload's name is never a
// path; session cookies are HttpOnly, SameSite and Secure behind HTTPS, and do not survive a logout;
// SQL-looking text is stored exactly as typed; a statement the database cancels (timeout) is a 503, not a 500.
import { serve, type ServerType } from '@hono/node-server';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { attachments, petitions } from '../../db/schema';
import { createTestApp, petitionInput, type TestApp } from '../helpers/app';
import { as, seedStaff, signIn } from '../helpers/staff';

const MB = 1024 * 1024;

type Streamed = { status: number | null; sentBeforeAnswer: number; sentInAll: number; closedByServer: boolean };

/**
 * POSTs a body of `totalBytes` in 64 kB chunks with Transfer-Encoding: chunked (no Content-Length), as fast
 * as the socket takes it. Stops when the whole body is out, or nothing more has been taken for 1.5 s after
 * the answer (the server stopped reading), or the server closed the connection.
 */
function streamBody(port: number, path: string, contentType: string, totalBytes: number): Promise<Streamed> {
  return new Promise((resolve) => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const result: Streamed = { status: null, sentBeforeAnswer: 0, sentInAll: 0, closedByServer: false };
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      req.destroy();
      resolve(result);
    };
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path, headers: { 'content-type': contentType, 'transfer-encoding': 'chunked' } }, (res) => {
      result.status = res.statusCode ?? null;
      result.sentBeforeAnswer = result.sentInAll;
      res.resume();
      res.on('end', () => setTimeout(finish, 1500));
    });
    req.on('error', () => {
      result.closedByServer = true;
      finish();
    });
    req.on('close', () => {
      if (!done && result.status !== null) {
        result.closedByServer = true;
        finish();
      }
    });
    const pump = () => {
      while (!done && result.sentInAll < totalBytes) {
        const ok = req.write(chunk, (error) => {
          if (!error && !done) result.sentInAll += chunk.length;
        });
        if (!ok) {
          req.once('drain', pump);
          return;
        }
      }
      if (!done && result.sentInAll >= totalBytes) req.end();
    };
    pump();
    setTimeout(finish, 30_000);
  });
}

describe('oversized bodies: 413 before the body is read whole (a real HTTP server)', () => {
  let t: TestApp;
  let server: ServerType;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp();
    await seedStaff(t);
    server = await new Promise<ServerType>((ok) => {
      const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => ok(s));
    });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((ok) => server?.close(() => ok()));
    await t?.cleanup();
  });

  test.each([
    ['the intake, JSON (limit 1 MB)', '/api/petitions', 'application/json', 1 * MB],
    ['sign-in', '/api/auth/login', 'application/json', 1 * MB],
    ['the resend-code request', '/api/track/P-2026-000001/resend-code', 'application/json', 1 * MB],
    ['a Twilio webhook', '/twilio/voice', 'application/x-www-form-urlencoded', 1 * MB],
    ['an Open311 request', '/open311/v2/requests.json', 'application/x-www-form-urlencoded', 1 * MB],
  ])('%s: a 64 MB body without Content-Length gets a 413, and the server stops reading', { timeout: 60_000 }, async (_label, path, type, limit) => {
    const total = 64 * MB;
    const r = await streamBody(port, path, type, total);
    expect(r.status).toBe(413);
    // Answered once the limit was passed (plus what the socket buffers hold), not after reading it all.
    expect(r.sentBeforeAnswer).toBeLessThan(limit + 16 * MB);
    // And then it stopped reading: the rest of the 64 MB never went through.
    expect(r.sentInAll).toBeLessThan(total / 2);
  });

  test('a declared Content-Length over the multipart limit is refused at once, before any byte of the body', async () => {
    const res = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, method: 'POST', path: '/api/petitions', headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(200 * MB) } },
        (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(res).toBe(413);
  });
});

describe('tracking codes cannot be guessed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_TRACK: '60' } });
  });
  afterAll(() => t?.cleanup());

  test('after 60 lookups in 10 minutes, the next is a 429 with Retry-After; asking for a new code shares the budget', async () => {
    const created = await (await t.json('/api/petitions', petitionInput())).json();
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      const guess = `${String(i).padStart(4, '0')}-AAAA-BBBB-CCCC`;
      statuses.push((await t.app.request(`/api/track/${created.registrationNumber}?code=${guess}`)).status);
    }
    expect(new Set(statuses)).toEqual(new Set([404]));
    const limited = await t.app.request(`/api/track/${created.registrationNumber}?code=${created.trackingCode}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe('request.rate_limited');
    expect((await t.app.request(`/api/track/${created.registrationNumber}/resend-code`, { method: 'POST' })).status).toBe(429);
    // Ten minutes later the right code works again.
    t.clock.advance(10 * 60_000 + 1000);
    expect((await t.app.request(`/api/track/${created.registrationNumber}?code=${created.trackingCode}`)).status).toBe(200);
  });
});

describe('a statement the database cancels', () => {
  test('a query cancelled by statement_timeout (57014) is a 503 with Retry-After, not a 500 (found by the bench: a slow search)', async () => {
    const t = await createTestApp();
    try {
      const cancelled = () => {
        throw Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
      };
      const slow = new Proxy(t.db, { get: (target, prop, receiver) => (prop === 'select' ? cancelled : Reflect.get(target, prop, receiver)) });
      const app = await createTestApp({ testDatabase: { ...t.tdb, database: { ...t.tdb.database, db: slow } } });
      const res = await app.app.request('/api/categories');
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await res.json()).error.code).toBe('service.unavailable');
    } finally {
      await t.cleanup();
    }
  });
});

describe('uploads, sessions and SQL-looking text', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { PUBLIC_URL: 'https://petitii.test' } });
    await seedStaff(t);
  });
  afterAll(() => t?.cleanup());

  const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n', 'latin1');

  test('an upload named with ../ and control characters is stored under a plain display name, and nothing is written on disk', async () => {
    const marker = `dp-traversal-${process.pid}-${Date.now()}`;
    const names = [`../../../../../../${tmpdir().slice(1)}/${marker}.pdf`, `..\\..\\${marker}-win.pdf`, `scan\u0000\r\n${marker}.pdf`, `\u202e${marker}fdp.exe`, '....//....//etc//passwd'];
    const form = new FormData();
    form.append('data', JSON.stringify(petitionInput()));
    for (const name of names) form.append('attachments', new Blob([pdf], { type: 'application/pdf' }), name);
    const res = await t.app.request('/api/petitions', { method: 'POST', body: form });
    expect(res.status).toBe(201);
    const { registrationNumber } = await res.json();
    const [p] = await t.db.select({ id: petitions.id }).from(petitions).where(eq(petitions.registrationNumber, registrationNumber));
    const stored = (await t.db.select({ fileName: attachments.fileName }).from(attachments).where(eq(attachments.petitionId, p!.id))).map((a) => a.fileName);
    expect(stored).toHaveLength(names.length);
    for (const name of stored) {
      expect(name).not.toMatch(/[/\\]/);
      expect(name).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
      expect(name.startsWith('.')).toBe(false);
    }
    expect(stored[0]).toBe(`${marker}.pdf`);
    // Nothing was created where the names pointed.
    expect(existsSync(join(tmpdir(), `${marker}.pdf`))).toBe(false);
    expect(existsSync(join(process.cwd(), '..', '..', `${marker}-win.pdf`))).toBe(false);
    // The staff download names it safely too: no path, no header injection.
    const registry = await signIn(t, 'registratura');
    const detail = await (await as(t, registry).get(`/api/petitions/${p!.id}`)).json();
    for (const file of detail.attachments as Array<{ id: string; fileName: string }>) {
      const download = await as(t, registry).get(`/api/petitions/${p!.id}/attachments/${file.id}`);
      if (download.status === 404) continue; // downloads not in this build
      const disposition = download.headers.get('content-disposition') ?? '';
      expect(disposition).toMatch(/^attachment; filename="[^"/\\\r\n]*"/);
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  test('the session cookie is HttpOnly, SameSite and Secure behind HTTPS (and not Secure on plain-HTTP development)', async () => {
    const res = await t.json('/api/auth/login', { email: 'registratura@demo.primarie6.ro', password: 'parola-demo' });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^dp_session=/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=(Lax|Strict)/i);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    const dev = await createTestApp({ env: { PUBLIC_URL: 'http://localhost:3000' }, testDatabase: t.tdb });
    const plain = (await dev.json('/api/auth/login', { email: 'registratura@demo.primarie6.ro', password: 'parola-demo' })).headers.get('set-cookie') ?? '';
    expect(plain).toMatch(/;\s*HttpOnly/i);
    expect(plain).not.toMatch(/;\s*Secure/i);
  });

  test('a session does not survive logout, even when the old cookie is replayed', async () => {
    const session = await signIn(t, 'adpdu.sef');
    expect((await as(t, session).get('/api/auth/me')).status).toBe(200);
    const out = await as(t, session).post('/api/auth/logout');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie') ?? '').toMatch(/dp_session=;|Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect((await as(t, session).get('/api/auth/me')).status).toBe(401);
    expect((await as(t, session).get('/api/petitions?queue=department')).status).toBe(401);
  });

  test('SQL-looking text is stored verbatim, and a staff search for it matches only itself', async () => {
    const subject = `Robert'); DROP TABLE petitions;-- $1 $$ \\ % _ ' OR '1'='1`;
    const body = `SELECT * FROM users WHERE email = '' OR 1=1; -- E'\\x27' /* comment */ UNION SELECT password_hash FROM users; ${'\u0027'.repeat(3)}`;
    const name = `O'Brien"; DELETE FROM sessions; --`;
    const res = await t.json('/api/petitions', petitionInput({ subject, body, petitioner: { kind: 'person', firstName: name, lastName: `Ștefănescu'--`, email: 'ob@example.ro', phone: null, address: `Strada Țintei 5'; --` } }));
    expect(res.status).toBe(201);
    const { registrationNumber } = await res.json();
    const [row] = await t.db.select().from(petitions).where(eq(petitions.registrationNumber, registrationNumber));
    expect(row).toMatchObject({ subject, body, petitionerFirstName: name, petitionerLastName: `Ștefănescu'--`, petitionerAddress: `Strada Țintei 5'; --` });
    const registry = await signIn(t, 'registratura');
    const list = await (await as(t, registry).get(`/api/petitions?queue=all&q=${encodeURIComponent("' OR '1'='1")}`)).json();
    expect(list.items.map((i: { registrationNumber: string }) => i.registrationNumber)).toEqual([registrationNumber]);
    // An injection attempt in the search box does not turn into "every petition".
    const plain = (await (await t.json('/api/petitions', petitionInput())).json()).registrationNumber as string;
    for (const q of ["' OR 1=1; --", "%' OR ''='", '"); DELETE FROM petitions; --']) {
      const found = await (await as(t, registry).get(`/api/petitions?queue=all&q=${encodeURIComponent(q)}`)).json();
      expect(found.items.map((i: { registrationNumber: string }) => i.registrationNumber)).not.toContain(plain);
    }
    const [{ n }] = (await t.tdb.database.db.select({ n: sql<number>`count(*)::int` }).from(petitions)) as [{ n: number }];
    expect(n).toBeGreaterThanOrEqual(3);
  });
});
