// POST /twilio/sms/status: Twilio's delivery reports for the SMS we sent (the StatusCallback set by
// twilio-transport.ts). Outside /api: Twilio posts a form, not JSON, and carries no session. Only a request
// signed with our auth token for exactly this URL (X-Twilio-Signature) is believed; anything else is 403
// and changes nothing.
import { Hono } from 'hono';
import twilio from 'twilio';
import type { AppDeps } from '../../app';
import { appError } from '../../lib/errors';
import type { AppEnv } from '../../lib/http';
import { recordProviderStatus } from './outbox.repository';
import { TWILIO_STATUS_PATH } from './twilio-transport';

const MAX_BODY_BYTES = 64 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function twilioStatusRoutes(deps: Pick<AppDeps, 'db' | 'clock' | 'config' | 'logger'>) {
  const app = new Hono<AppEnv>();
  app.post(TWILIO_STATUS_PATH, async (c) => {
    const settings = deps.config.twilio;
    if (!settings) throw appError('request.not_found', 'SMS delivery through Twilio is not configured.');
    if (Number(c.req.header('content-length') ?? '0') > MAX_BODY_BYTES) throw appError('request.too_large', 'The report is too large.');
    if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header('content-type') ?? '')) {
      throw appError('request.unsupported_media_type', 'Twilio posts application/x-www-form-urlencoded.');
    }
    const raw = await c.req.text();
    if (raw.length > MAX_BODY_BYTES) throw appError('request.too_large', 'The report is too large.');
    const params = Object.fromEntries(new URLSearchParams(raw));
    // The URL Twilio signed is the one we gave it: PUBLIC_URL + the path + this request's query.
    const search = new URL(c.req.url).search;
    const signedUrl = `${deps.config.publicUrl}${TWILIO_STATUS_PATH}${search}`;
    const signature = c.req.header('x-twilio-signature');
    if (!signature || !twilio.validateRequest(settings.authToken, signature, signedUrl, params)) {
      deps.logger.warn('Twilio status report refused: missing or wrong signature', { requestId: c.get('requestId'), signed: Boolean(signature) });
      throw appError('webhooks.signature_invalid', 'This request is not signed by Twilio for this address.');
    }

    const query = new URL(c.req.url).searchParams;
    const outboxId = query.get('outbox');
    const attempt = query.get('attempt');
    const providerId = params.MessageSid ?? params.SmsSid;
    const status = (params.MessageStatus ?? params.SmsStatus)?.toLowerCase();
    // Twilio does not retry a report; a malformed one is logged and acknowledged.
    if (!outboxId || !UUID.test(outboxId) || (attempt !== null && !UUID.test(attempt)) || !providerId || !status) {
      deps.logger.warn('Twilio status report without a notice to update', { outboxId, providerId, status });
      return c.body(null, 204);
    }
    const outcome = await recordProviderStatus(deps.db, { outboxId, attempt, providerId, status, errorCode: params.ErrorCode || null, at: deps.clock.now() });
    deps.logger.info('Twilio status report', { outboxId, providerId, status, errorCode: params.ErrorCode, outcome });
    return c.body(null, 204);
  });
  return app;
}
