// A fake of Twilio's REST API (the Messages resource only) on 127.0.0.1, and a RequestClient subclass that
// sends the official library's calls to it instead of https://api.twilio.com: the real `twilio` package
// builds and signs the requests, the test sees them arrive (DESIGN.md "Twilio works offline in tests").
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';

export const TEST_ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
export const TEST_AUTH_TOKEN = 'test-auth-token-0123456789abcdef';
export const TEST_FROM = '+40312345678';

export type FakeTwilioRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The Authorization header decoded: `sid:token`, or null without Basic auth. */
  basicAuth: string | null;
  form: Record<string, string>;
  headers: IncomingMessage['headers'];
};

export type FakeMessage = {
  sid: string; account_sid: string; to: string; from: string | null; messaging_service_sid: string | null; body: string; status: string;
  num_segments: string; direction: 'outbound-api'; date_created: string; date_updated: string; date_sent: null; api_version: '2010-04-01';
  uri: string; error_code: null; error_message: null; price: null; price_unit: 'USD'; num_media: '0'; subresource_uris: Record<string, string>;
};

/**
 * What the fake does with the next "create message" requests, in order (then `created` for the rest):
 * `created` → 201; a number → that HTTP status with a Twilio error body and nothing created;
 * `created-then-hang` → the message is created but the answer never comes (a cut connection after
 * Twilio accepted: the crash window of docs/adr/0006).
 */
export type CreateOutcome = 'created' | 'created-then-hang' | number;

export type FakeTwilio = {
  url: string;
  requests: FakeTwilioRequest[];
  /** Messages created (answered 201 or created-then-hang), oldest first. */
  messages: FakeMessage[];
  /** POST …/Messages.json requests only. */
  createRequests(): FakeTwilioRequest[];
  script(...outcomes: CreateOutcome[]): void;
  /** Cuts the connections of `created-then-hang` requests: the caller sees the connection reset. */
  cutHanging(): void;
  /** A RequestClient for `twilio(sid, token, { httpClient })` and createTransports' `twilioHttpClient`. */
  httpClient: twilio.RequestClient;
  close(): Promise<void>;
};

const rfc2822 = (d: Date) => d.toUTCString().replace('GMT', '+0000');

/** `now` stamps date_created; tests pass the worker's clock so both see the same world time. */
export async function startFakeTwilio({ now = () => new Date() }: { now?: () => Date } = {}): Promise<FakeTwilio> {
  const requests: FakeTwilioRequest[] = [];
  const messages: FakeMessage[] = [];
  const outcomes: CreateOutcome[] = [];
  const sockets = new Set<Socket>();
  const hanging = new Set<Socket>();
  const base = `/2010-04-01/Accounts/${TEST_ACCOUNT_SID}/Messages.json`;

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const auth = req.headers.authorization?.startsWith('Basic ') ? Buffer.from(req.headers.authorization.slice(6), 'base64').toString() : null;
    const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString()));
    const request = { method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), basicAuth: auth, form, headers: req.headers };
    requests.push(request);

    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const error = (status: number, code: number, message: string) =>
      json(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

    if (url.pathname !== base) return error(404, 20404, 'The requested resource was not found');
    if (auth !== `${TEST_ACCOUNT_SID}:${TEST_AUTH_TOKEN}`) return error(401, 20003, 'Authenticate');

    if (req.method === 'GET') {
      const to = url.searchParams.get('To');
      const found = messages.filter((m) => !to || m.to === to).reverse();
      return json(200, { messages: found, page: 0, page_size: found.length, start: 0, end: Math.max(0, found.length - 1), uri: `${base}?${url.searchParams}`, first_page_uri: `${base}?${url.searchParams}`, next_page_uri: null, previous_page_uri: null });
    }
    if (req.method !== 'POST') return error(405, 20004, 'Method not allowed');

    const outcome = outcomes.shift() ?? 'created';
    if (typeof outcome === 'number') {
      if (outcome === 400) return error(400, 21211, `The 'To' number ${form.To} is not a valid phone number.`);
      return error(outcome, outcome === 429 ? 20429 : 20500, outcome === 429 ? 'Too Many Requests' : 'Internal Server Error');
    }
    if (!/^\+[1-9]\d{6,14}$/.test(form.To ?? '')) return error(400, 21211, `The 'To' number ${form.To} is not a valid phone number.`);
    if (!form.Body) return error(400, 21602, 'Message body is required.');
    const at = rfc2822(now());
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const message: FakeMessage = {
      sid, account_sid: TEST_ACCOUNT_SID, to: form.To!, from: form.From ?? null, messaging_service_sid: form.MessagingServiceSid ?? null,
      body: form.Body, status: form.MessagingServiceSid ? 'accepted' : 'queued', num_segments: '1', direction: 'outbound-api',
      date_created: at, date_updated: at, date_sent: null, api_version: '2010-04-01', uri: `${base.replace('.json', '')}/${sid}.json`,
      error_code: null, error_message: null, price: null, price_unit: 'USD', num_media: '0', subresource_uris: {},
    };
    messages.push(message);
    if (outcome === 'created-then-hang') {
      hanging.add(req.socket); // accepted, but the answer never comes
      return;
    }
    return json(201, message);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  class LocalRequestClient extends twilio.RequestClient {
    override request<TData>(opts: RequestClient.RequestOptions<TData>) {
      return super.request({ ...opts, uri: opts.uri.replace(/^https:\/\/api\.twilio\.com/, url) });
    }
  }

  return {
    url,
    requests,
    messages,
    createRequests: () => requests.filter((r) => r.method === 'POST' && r.path === base),
    script: (...o) => outcomes.push(...o),
    cutHanging: () => {
      for (const s of hanging) s.destroy();
      hanging.clear();
    },
    httpClient: new LocalRequestClient({ timeout: 5_000 }),
    close: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}

/** Signs a status report as Twilio would (X-Twilio-Signature) for `url` with `params`. */
export function twilioSignature(url: string, params: Record<string, string>, authToken = TEST_AUTH_TOKEN): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}
