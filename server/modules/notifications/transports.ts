// Delivery is a port (DESIGN.md): real SMTP (smtp-transport.ts) and Twilio (twilio-transport.ts) when
// configured; otherwise the development transport writes the full message to the log, and the outbox row
// keeps it for the admin outbox page. docs/adr/0006-notice-delivery.md explains the failure handling.
import type { Config } from '../../config';
import type { Logger } from '../../lib/logger';
import type { OutboxRow } from './outbox.repository';
export { DeliveryError } from './delivery-error';
import { createSmtpTransport } from './smtp-transport';
import { createTwilioTransport, type TwilioHttpClient } from './twilio-transport';

export type SendResult = { providerId: string; providerStatus?: string | null };

export type Transport = {
  /** Hands the notice to the provider; resolves once the provider accepted it, or throws. */
  send(notice: OutboxRow): Promise<SendResult>;
  /**
   * Asks the provider whether it already holds this notice from a call made since `since` whose outcome
   * was not recorded (a worker that died, a lost answer). Null when it does not; providers that cannot be
   * asked (SMTP) leave it out.
   */
  find?(notice: OutboxRow, since: Date): Promise<SendResult | null>;
  /** Which provider, for the log and the start-up line. */
  readonly kind?: string;
  close?(): Promise<void>;
};
export type Transports = { email: Transport; sms: Transport };

export function createDevTransports(logger: Logger): Transports {
  const dev = (channel: 'email' | 'sms'): Transport => ({
    kind: 'development',
    async send(notice) {
      logger.info(`[dev ${channel}] message not sent to a provider; full text follows`, {
        id: notice.id,
        to: notice.recipient,
        subject: notice.subject,
        body: notice.body,
      });
      return { providerId: `dev-${notice.id}` };
    },
  });
  return { email: dev('email'), sms: dev('sms') };
}

/** Real or development transport per channel, from the settings (SMTP_URL, TWILIO_*). */
export function createTransports(
  config: Pick<Config, 'smtp' | 'twilio' | 'publicUrl'>,
  logger: Logger,
  { twilioHttpClient }: { twilioHttpClient?: TwilioHttpClient } = {},
): Transports {
  const dev = createDevTransports(logger);
  return {
    email: config.smtp ? createSmtpTransport(config.smtp) : dev.email,
    sms: config.twilio ? createTwilioTransport({ ...config.twilio, publicUrl: config.publicUrl, httpClient: twilioHttpClient }) : dev.sms,
  };
}
