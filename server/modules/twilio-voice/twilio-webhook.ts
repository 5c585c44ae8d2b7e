// Twilio's webhooks are form posts signed with our auth token (X-Twilio-Signature over the exact URL Twilio
// requested and the posted fields). Only a request signed for PUBLIC_URL + this path (+ its query) is
// believed; anything else is 403 before anything is read into the database. Without TWILIO_* there is no
// token to verify against: 503.
import type { Context } from 'hono';
import twilio from 'twilio';
import type { AppDeps } from '../../app';
import { appError } from '../../lib/errors';
import type { AppEnv } from '../../lib/http';

const MAX_BODY_BYTES = 64 * 1024;

export type TwilioParams = Record<string, string>;

export async function readSignedTwilioForm(c: Context<AppEnv>, deps: Pick<AppDeps, 'config' | 'logger'>, path: string): Promise<TwilioParams> {
  const settings = deps.config.twilio;
  if (!settings) throw appError('service.unavailable', 'Twilio is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM): nothing to verify this request against.');
  if (Number(c.req.header('content-length') ?? '0') > MAX_BODY_BYTES) throw appError('request.too_large', 'The request is too large.');
  if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header('content-type') ?? '')) {
    throw appError('request.unsupported_media_type', 'Twilio posts application/x-www-form-urlencoded.');
  }
  const raw = await c.req.text();
  if (raw.length > MAX_BODY_BYTES) throw appError('request.too_large', 'The request is too large.');
  const params = Object.fromEntries(new URLSearchParams(raw));
  const signedUrl = `${deps.config.publicUrl}${path}${new URL(c.req.url).search}`;
  const signature = c.req.header('x-twilio-signature');
  if (!signature || !twilio.validateRequest(settings.authToken, signature, signedUrl, params)) {
    deps.logger.warn('Twilio webhook refused: missing or wrong signature', { path, requestId: c.get('requestId'), signed: Boolean(signature) });
    throw appError('webhooks.signature_invalid', 'This request is not signed by Twilio for this address.');
  }
  return params;
}

/** TwiML answers: XML, never cached. */
export function twiml(c: Context<AppEnv>, xml: string) {
  c.header('Cache-Control', 'no-store');
  return c.body(xml, 200, { 'Content-Type': 'text/xml; charset=utf-8' });
}
