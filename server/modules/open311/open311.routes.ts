// Open311 GeoReport v2 at /open311/v2/ (outside /api: no session, no Origin guard, the specification's
// own error format). Every resource answers in `.json` or `.xml`:
//   GET  services.{fmt}            the public categories
//   GET  services/{code}.{fmt}     a service definition (no extra attributes)
//   POST requests.{fmt}            form-encoded, with an api_key: registers a petition (channel open311)
//   GET  requests.{fmt}            service_request_id | service_code, start_date, end_date (≤ 90 days), status
//   GET  requests/{id}.{fmt}       one request
//   GET  tokens/{token}.{fmt}      requests are registered synchronously: no token is ever issued (404)
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../../app';
import { isDatabaseUnavailable, isUnstorableInput } from '../../../db/client';
import { isAppError } from '../../lib/errors';
import { clientAddress, type AppEnv } from '../../lib/http';
import { createRateLimiter } from '../../lib/rate-limit';
import {
  formatOfPath, fromAppError, Open311Error, respondError, respondList, splitFormat, xmlResponse, xmlServiceDefinition, type Open311Format,
} from './open311.format';
import { authenticate, getServiceRequest, listServiceRequests, listServices, postServiceRequest, serviceDefinition } from './open311.usecases';

export const OPEN311_BASE = '/open311/v2';
const POST_BODY_LIMIT = 64 * 1024;

type Route = { resource: 'services' | 'requests' | 'tokens'; id: string | null; format: Open311Format };

/** `requests/P-2026-000001.json` → { resource: 'requests', id: 'P-2026-000001', format: 'json' }. */
function parseRoute(rest: string): Route | null {
  const segments = rest.split('/');
  if (segments.length === 1) {
    const file = splitFormat(segments[0]!);
    if (!file || (file.name !== 'services' && file.name !== 'requests')) return null;
    return { resource: file.name, id: null, format: file.format };
  }
  if (segments.length === 2) {
    const [resource, last] = segments as [string, string];
    if (resource !== 'services' && resource !== 'requests' && resource !== 'tokens') return null;
    const file = splitFormat(last);
    if (!file) return null;
    let id: string;
    try {
      id = decodeURIComponent(file.name);
    } catch {
      return null;
    }
    return { resource, id, format: file.format };
  }
  return null;
}

export function open311Routes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const limit = deps.config.open311.ratePer10Min;
  const byAddress = createRateLimiter({ limit, windowMs: 10 * 60_000, name: 'Open311' });
  const byKey = createRateLimiter({ limit, windowMs: 10 * 60_000, name: 'Open311' });

  async function handle(c: Context<AppEnv>, route: Route): Promise<Response> {
    const method = c.req.method;
    const now = deps.clock.now().getTime();
    const { resource, id, format } = route;

    if (method === 'POST') {
      if (resource !== 'requests' || id !== null) throw new Open311Error(405, 'Only requests.json and requests.xml accept POST.', { Allow: 'GET' });
      const params = await readForm(c);
      let keyId: string;
      try {
        keyId = await authenticate(deps.db, deps.clock, params.api_key ?? c.req.query('api_key'));
      } catch (error) {
        // Wrong keys count against the address, so guessing is slowed down like any other abuse.
        byAddress.hit(clientAddress(c, deps.config.trustProxy), now);
        throw error;
      }
      byKey.hit(keyId, now);
      const result = await postServiceRequest({ db: deps.db, clock: deps.clock, publicUrl: deps.config.publicUrl, logger: deps.logger, apiKeyId: keyId, params });
      deps.events.emit('petition.registered', { petitionId: result.petitionId, registrationNumber: result.registrationNumber });
      // The tracking code is the petitioner's: it goes to them by e-mail or SMS, never to the application.
      return respondList(c, format, 'service_requests', 'request', [
        { service_request_id: result.registrationNumber, service_notice: result.notice, account_id: null },
      ]);
    }

    byAddress.hit(clientAddress(c, deps.config.trustProxy), now);
    // Open data: any web page may read it (no credentials are involved).
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cache-Control', 'public, max-age=60');
    if (resource === 'services' && id === null) {
      return respondList(c, format, 'services', 'service', await listServices(deps.db));
    }
    if (resource === 'services') {
      const definition = await serviceDefinition(deps.db, id!);
      return format === 'xml' ? xmlResponse(c, xmlServiceDefinition(definition.service_code)) : c.json(definition);
    }
    if (resource === 'requests' && id === null) {
      const records = await listServiceRequests({ db: deps.db, clock: deps.clock, query: c.req.query() });
      return respondList(c, format, 'service_requests', 'request', records);
    }
    if (resource === 'requests') {
      return respondList(c, format, 'service_requests', 'request', await getServiceRequest(deps.db, id!));
    }
    // Requests are registered synchronously and answered with their service_request_id: there are no tokens.
    throw new Open311Error(404, `Unknown token: ${id}`);
  }

  app.all(`${OPEN311_BASE}/*`, async (c) => {
    const path = c.req.path;
    const rest = path.slice(OPEN311_BASE.length + 1);
    const route = parseRoute(rest);
    try {
      if (!route) throw new Open311Error(404, `No Open311 resource at ${path}; use services, requests or tokens with .json or .xml.`);
      if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'POST') {
        throw new Open311Error(405, `${c.req.method} is not supported.`, { Allow: route.resource === 'requests' && route.id === null ? 'GET, POST' : 'GET' });
      }
      return await handle(c, route);
    } catch (error) {
      return open311Error(c, route?.format ?? formatOfPath(path), error);
    }
  });
  return app;

  function open311Error(c: Context<AppEnv>, format: Open311Format, error: unknown): Response {
    c.header('Cache-Control', 'no-store'); // an error (a 429 above all) is never cached for everyone
    const e = error instanceof Open311Error ? error : isAppError(error) ? fromAppError(error) : null;
    if (e) {
      for (const [k, v] of Object.entries(e.headers)) c.header(k, v);
      return respondError(c, format, e.status, e.message);
    }
    if (isDatabaseUnavailable(error)) {
      c.header('Retry-After', '5');
      return respondError(c, format, 503, 'The service is temporarily unavailable; try again shortly.');
    }
    if (isUnstorableInput(error)) return respondError(c, format, 400, 'The request contains characters that cannot be stored (such as NUL).');
    deps.logger.error('open311: unhandled error', { requestId: c.get('requestId'), error: error instanceof Error ? error.stack : String(error) });
    return respondError(c, format, 500, `Something went wrong on our side (request ${c.get('requestId')}).`);
  }
}

/** The POST parameters: application/x-www-form-urlencoded (the specification) or multipart/form-data. */
async function readForm(c: Context<AppEnv>): Promise<Record<string, string | undefined>> {
  const type = c.req.header('content-type') ?? '';
  const length = Number(c.req.header('content-length') ?? '0');
  if (length > POST_BODY_LIMIT) throw new Open311Error(413, 'The request is too large.');
  const params: Record<string, string | undefined> = {};
  if (/^application\/x-www-form-urlencoded\b/i.test(type)) {
    const text = await c.req.text();
    if (text.length > POST_BODY_LIMIT) throw new Open311Error(413, 'The request is too large.');
    for (const [k, v] of new URLSearchParams(text)) if (!(k in params)) params[k] = v;
    return params;
  }
  if (/^multipart\/form-data\b/i.test(type)) {
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody();
    } catch {
      throw new Open311Error(400, 'The form body could not be read.');
    }
    for (const [k, v] of Object.entries(form)) if (typeof v === 'string') params[k] = v;
    return params;
  }
  throw new Open311Error(400, 'Send the parameters form-encoded (application/x-www-form-urlencoded).');
}
