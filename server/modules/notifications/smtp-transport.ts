// E-mail through any SMTP server (SMTP_URL, MAIL_FROM) with nodemailer. The notice's outbox id is the
// Message-ID, so a message sent twice (docs/adr/0006-notice-delivery.md: the one window SMTP leaves) is
// recognisable as the same message, and mail systems that de-duplicate by Message-ID drop the copy.
import nodemailer from 'nodemailer';
import { DeliveryError } from './delivery-error';
import type { OutboxRow } from './outbox.repository';
import type { Transport } from './transports';

export const MESSAGE_ID_DOMAIN = 'domnuleprimar';

export function messageIdFor(outboxId: string): string {
  return `<${outboxId}@${MESSAGE_ID_DOMAIN}>`;
}

/**
 * Every wait is bounded well under the worker's lock (60 s), so a worker never holds a notice it may have
 * lost to another one: connection 10 s, greeting 10 s, silence 20 s, the whole send 40 s.
 */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000, dnsTimeout: 10_000 };
const SEND_DEADLINE_MS = 40_000;

export function createSmtpTransport({ url, from }: { url: string; from: string }): Transport {
  const transporter = nodemailer.createTransport({
    url,
    ...TIMEOUTS,
    // Notices are plain text we rendered ourselves: nothing in them may read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    kind: 'smtp',
    async send(notice: OutboxRow) {
      try {
        const info = await transporter.sendMail({
          from,
          to: notice.recipient,
          subject: notice.subject ?? '',
          text: notice.body,
          textEncoding: 'quoted-printable',
          messageId: messageIdFor(notice.id),
          headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
          signal: AbortSignal.timeout(SEND_DEADLINE_MS),
        });
        return { providerId: info.messageId, providerStatus: info.response.slice(0, 200) };
      } catch (error) {
        throw classifySmtpError(error);
      }
    },
    async close() {
      transporter.close();
    },
  };
}

type SmtpFailure = Error & { code?: string; responseCode?: number; response?: string; command?: string };

/**
 * 5xx from the server is a permanent refusal of this message (no such mailbox, rejected content), except
 * an authentication failure, which is our configuration's fault and heals when it is fixed. 4xx (greylisting,
 * a full queue) and network errors are transient. A connection that dies without any answer after the
 * message was sent leaves the outcome unknown.
 */
export function classifySmtpError(error: unknown): DeliveryError {
  const e = error as SmtpFailure;
  const message = e instanceof Error ? e.message : String(error);
  const code = e?.responseCode;
  if (typeof code === 'number') {
    const permanent = code >= 500 && e.code !== 'EAUTH' && code !== 530 && code !== 535;
    return new DeliveryError(`SMTP ${code}: ${message}`, { permanent, cause: error });
  }
  const uncertain = e?.code === 'ETIMEDOUT' || e?.code === 'ECONNECTION' || e?.code === 'ESOCKET' || e?.code === 'EABORT';
  return new DeliveryError(`SMTP: ${message}`, { uncertain, cause: error });
}
