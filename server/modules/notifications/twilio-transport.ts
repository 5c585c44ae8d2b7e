// SMS through Twilio's Messages API with the official `twilio` library (TWILIO_ACCOUNT_SID,
// TWILIO_AUTH_TOKEN, TWILIO_FROM). Twilio reports delivery to POST /twilio/sms/status
// (twilio-status.routes.ts); the callback URL carries the outbox id and the claim that sent it.
// Twilio has no idempotency key for Messages: docs/adr/0006-notice-delivery.md says how a resend is avoided.
import twilio from 'twilio';
import { normalizePhone } from '../../../shared/domain/phone';
import { DeliveryError } from './delivery-error';
import type { OutboxRow } from './outbox.repository';
import type { SendResult, Transport } from './transports';

/** The HTTP client the library uses; tests pass a RequestClient subclass that talks to a local fake. */
export type TwilioHttpClient = twilio.RequestClient;

export const TWILIO_STATUS_PATH = '/twilio/sms/status';

/** Bounded well under the worker's lock (60 s), like every provider call. */
const REQUEST_TIMEOUT_MS = 20_000;
const FAILED_STATUSES = new Set(['failed', 'undelivered', 'canceled']);
/** How far before the recorded dispatch a message found at Twilio may have been created (clock skew). */
const FIND_SKEW_MS = 10 * 60_000;

export function statusCallbackUrl(publicUrl: string, notice: Pick<OutboxRow, 'id' | 'claimToken'>): string {
  const query = new URLSearchParams({ outbox: notice.id, ...(notice.claimToken ? { attempt: notice.claimToken } : {}) });
  return `${publicUrl}${TWILIO_STATUS_PATH}?${query}`;
}

export function createTwilioTransport({
  accountSid, authToken, from, publicUrl, httpClient,
}: {
  accountSid: string; authToken: string; from: string; publicUrl: string; httpClient?: TwilioHttpClient | undefined;
}): Transport {
  const client = twilio(accountSid, authToken, { timeout: REQUEST_TIMEOUT_MS, autoRetry: false, ...(httpClient ? { httpClient } : {}) });
  const viaService = /^MG[0-9a-fA-F]{32}$/.test(from);
  const sender = viaService ? { messagingServiceSid: from } : { from };

  function recipient(notice: OutboxRow): string {
    const to = normalizePhone(notice.recipient);
    if (!to) throw new DeliveryError(`Not a phone number: ${notice.recipient}`, { permanent: true });
    return to;
  }

  return {
    kind: 'twilio',
    async send(notice): Promise<SendResult> {
      const to = recipient(notice);
      try {
        const message = await client.messages.create({
          to,
          body: notice.body,
          ...sender,
          statusCallback: statusCallbackUrl(publicUrl, notice),
          // The text goes as written (with ă â î ș ț, as UCS-2): no substitution behind our back, so the
          // encoding and the parts recorded on the outbox row are the ones billed.
          smartEncoded: false,
        });
        return { providerId: message.sid, providerStatus: message.status };
      } catch (error) {
        throw classifyTwilioError(error);
      }
    },

    async find(notice, since): Promise<SendResult | null> {
      const to = recipient(notice);
      let messages;
      try {
        messages = await client.messages.list({ to, limit: 50, pageSize: 50 });
      } catch (error) {
        const e = classifyTwilioError(error);
        // Not knowing whether Twilio holds the message, the worker must not send it: try again later.
        throw new DeliveryError(`Could not ask Twilio whether the notice was already sent: ${e.message}`, { uncertain: true, cause: error });
      }
      const earliest = since.getTime() - FIND_SKEW_MS;
      // A message Twilio holds but could not deliver does not count: the citizen did not get it.
      const match = messages.find(
        (m) =>
          !FAILED_STATUSES.has(m.status) &&
          m.body === notice.body &&
          m.direction !== 'inbound' &&
          (viaService ? m.messagingServiceSid === from : m.from === from) &&
          (m.dateCreated ? m.dateCreated.getTime() >= earliest : true),
      );
      return match ? { providerId: match.sid, providerStatus: match.status } : null;
    },
  };
}

type TwilioFailure = Error & { status?: number; code?: number | string; moreInfo?: string };

/** Answers that say "not now" or "our configuration is wrong" rather than "never this message". */
const TRANSIENT_4XX = new Set([401, 403, 404, 408, 409, 425, 429]);
/** Network errors raised before the request could reach Twilio: it certainly holds nothing. */
const NOT_SENT_NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'CERT_HAS_EXPIRED']);

/**
 * Twilio's 4xx for this message (21211 invalid "To", 21610 unsubscribed recipient, 21408 region not
 * enabled…) is permanent. 429 and 5xx are transient; after a 5xx or a lost answer Twilio might have
 * created the message, so the outcome is uncertain and the next attempt asks Twilio first.
 */
export function classifyTwilioError(error: unknown): DeliveryError {
  const e = error as TwilioFailure;
  const message = e instanceof Error ? e.message : String(error);
  if (typeof e?.status === 'number') {
    const label = `Twilio ${e.status}${e.code !== undefined ? ` (error ${e.code})` : ''}: ${message}`;
    if (e.status >= 500) return new DeliveryError(label, { uncertain: true, cause: error });
    if (e.status >= 400 && !TRANSIENT_4XX.has(e.status)) return new DeliveryError(label, { permanent: true, cause: error });
    return new DeliveryError(label, { cause: error });
  }
  const code = typeof e?.code === 'string' ? e.code : '';
  return new DeliveryError(`Twilio: ${message}${code ? ` (${code})` : ''}`, { uncertain: !NOT_SENT_NETWORK.has(code), cause: error });
}
