// POST /api/petitions: JSON, or multipart/form-data with the JSON in a part named `data` and the files
// in parts named `attachments`. The handler adapts HTTP; registerPetition decides.
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createPetitionInputSchema, LIMITS } from '../../../shared/api/petitions';
import type { AppDeps } from '../../app';
import { appError } from '../../lib/errors';
import { readUploadedFiles } from '../../lib/uploads';
import { clientAddress, errorBody, parseOrThrow, readJson, type AppEnv } from '../../lib/http';
import { createRateLimiter } from '../../lib/rate-limit';
import { registerPetition, type IncomingFile } from './petitions.usecases';
import type { SessionUser } from '../auth/auth.usecases';
import type { Channel } from '../../../shared/domain/petition-codes';
import { isIdentified } from '../../../shared/domain/petitioner';

const JSON_LIMIT = 1024 * 1024;
const MULTIPART_LIMIT = LIMITS.attachments.count * LIMITS.attachments.bytes + 2 * 1024 * 1024;

export function petitionsRoutes(deps: AppDeps) {
  const intakeLimiter = createRateLimiter({ limit: deps.config.rateLimits.intakePer10Min, windowMs: 10 * 60_000, name: 'petition' });
  const app = new Hono<AppEnv>();

  app.post(
    '/petitions',
    async (c, next) => {
      // Staff registering post, desk, e-mail or phone petitions are not the public the limit guards against.
      if (!c.get('user')) intakeLimiter.hit(clientAddress(c, deps.config.trustProxy), deps.clock.now().getTime());
      await next();
    },
    // Refused with 413 from Content-Length, or while streaming, before the body is read whole.
    (c, next) =>
      bodyLimit({
        maxSize: isMultipart(c.req.header('content-type')) ? MULTIPART_LIMIT : JSON_LIMIT,
        onError: (ctx) => ctx.json(errorBody(ctx, 'request.too_large', 'The request is too large.'), 413),
      })(c, next),
    async (c) => {
      const { raw, files } = await readIntakeBody(c);
      if (raw && typeof raw === 'object' && typeof (raw as { website?: unknown }).website === 'string' && (raw as { website: string }).website.trim() !== '') {
        throw appError('request.honeypot', 'The request was refused.');
      }
      const channel = intakeChannel(c.get('user'), raw);
      const input = parseOrThrow(createPetitionInputSchema, raw);
      // DOMAIN.md: a call becomes a petition only when written down with the caller's identification;
      // otherwise the agent logs the call (POST /api/calls). Issue 5 §4.
      if (channel === 'phone' && !isIdentified(input.petitioner)) {
        throw appError('petitions.unidentified', 'A phone petition needs the caller’s name and a way to receive the answer (e-mail, postal address or mobile phone); otherwise log the call.', {
          fields: [{ path: 'petitioner', code: 'unidentified', message: 'Name and e-mail, postal address or mobile phone' }],
        });
      }
      const key = c.req.header('idempotency-key');
      if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key)) {
        throw appError('idempotency.key_invalid', 'The Idempotency-Key header must be 1–200 visible ASCII characters.');
      }
      const result = await registerPetition({
        db: deps.db,
        clock: deps.clock,
        publicUrl: deps.config.publicUrl,
        input,
        channel,
        actorUserId: c.get('user')?.id ?? null,
        files,
        idempotency: key ? { key, requestHash: requestHash(raw, files) } : null,
      });
      if (result.replayed) c.header('Idempotent-Replayed', 'true');
      else deps.events.emit('petition.registered', { petitionId: result.petitionId!, registrationNumber: result.body.registrationNumber });
      return c.json(result.body, result.status as 201);
    },
  );
  return app;
}

/**
 * The citizen's web form is `web`; with a session, the registry registers `post`, `desk` or `email`
 * petitions (default `desk`) and a call-center agent `phone` ones; no other role registers petitions.
 */
function intakeChannel(user: SessionUser | null, raw: unknown): Channel {
  if (!user) return 'web';
  const asked = raw && typeof raw === 'object' ? (raw as { channel?: unknown }).channel : undefined;
  if (user.role === 'registry') {
    const channel = asked ?? 'desk';
    if (channel === 'post' || channel === 'desk' || channel === 'email') return channel;
    throw appError('request.invalid', 'The registry registers post, desk or e-mail petitions.', { fields: [{ path: 'channel', code: 'invalid', message: 'post, desk or email' }] });
  }
  if (user.role === 'agent') {
    if (asked === undefined || asked === 'phone') return 'phone';
    throw appError('request.invalid', 'Call-center agents register phone petitions.', { fields: [{ path: 'channel', code: 'invalid', message: 'phone' }] });
  }
  throw appError('auth.forbidden', 'Only the registry and the call center register petitions for others.');
}

function isMultipart(contentType: string | undefined): boolean {
  return /^multipart\/form-data/i.test(contentType ?? '');
}

async function readIntakeBody(c: Context<AppEnv>): Promise<{ raw: unknown; files: IncomingFile[] }> {
  const contentType = c.req.header('content-type');
  if (/^application\/json/i.test(contentType ?? '')) return { raw: await readJson(c), files: [] };
  if (!isMultipart(contentType)) {
    throw appError('request.unsupported_media_type', 'Send application/json, or multipart/form-data when files are attached.');
  }
  let form: Record<string, unknown>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch {
    throw appError('request.invalid', 'The multipart body could not be read.');
  }
  const data = form.data;
  if (typeof data !== 'string') throw appError('request.invalid', 'The multipart body needs a `data` part with the petition as JSON.', { fields: [{ path: 'data', code: 'required', message: 'Required' }] });
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    throw appError('request.invalid', 'The `data` part is not valid JSON.', { fields: [{ path: 'data', code: 'invalid_json', message: 'Invalid JSON' }] });
  }
  const files: IncomingFile[] = await readUploadedFiles(form.attachments);
  return { raw, files };
}

/** What "the same request" means for Idempotency-Key: the same JSON (key order aside) and the same files. */
function requestHash(raw: unknown, files: IncomingFile[]): string {
  const hash = createHash('sha256').update(stableJson(raw));
  for (const f of files) hash.update('\0').update(f.bytes);
  return hash.digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
