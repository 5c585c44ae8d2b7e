// Delivery is a port (DESIGN.md): real SMTP and Twilio come with the answers issue; until configured,
// the development transport writes the full message to the log, and the outbox row keeps it.
import type { Logger } from '../../lib/logger';
import type { OutboxRow } from './outbox.repository';

export type Transport = { send(notice: OutboxRow): Promise<{ providerId: string }> };
export type Transports = { email: Transport; sms: Transport };

export function createDevTransports(logger: Logger): Transports {
  const dev = (channel: 'email' | 'sms'): Transport => ({
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
