// Every setting, parsed once (w3cj's env.ts): nothing else reads process.env. A wrong value stops the
// start with a message that names the setting.
import { resolve } from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const positiveInt = z.coerce.number().int().positive();

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  RATE_LIMIT_INTAKE: positiveInt.default(20),
  RATE_LIMIT_TRACK: positiveInt.default(60),
  // Open311 GeoReport v2 (issue 6 §6): requests per 10 minutes per client address (GET) or per API key (POST).
  RATE_LIMIT_OPEN311: positiveInt.default(300),
  TRUST_PROXY: flag.default(false),
  DEMO: flag.optional(),
  OUTBOX_POLL_MS: positiveInt.default(1000),
  DB_POOL_SIZE: positiveInt.default(10),
  // Delivery (issue 4 §5): without these, the development transport records the notices.
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^/]/, 'must be smtp://… or smtps://… (user:password@host:port)').optional(),
  MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, 'must be an address, e.g. "Primăria Sectorului 6" <petitii@primarie6.ro>')
    .default('"Primăria Sectorului 6" <petitii@primarie6.ro>'),
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be AC followed by 32 hexadecimal digits').optional(),
  TWILIO_AUTH_TOKEN: z.string().min(16, 'looks too short for a Twilio auth token').optional(),
  TWILIO_FROM: z
    .string()
    .regex(
      /^(?:\+[1-9]\d{6,14}|MG[0-9a-fA-F]{32}|(?=[A-Za-z0-9 ]*[A-Za-z])[A-Za-z0-9 ]{1,11})$/,
      'must be a number in E.164 form (+40…), a Messaging Service SID (MG…) or an alphanumeric sender ID (up to 11 letters and digits)',
    )
    .optional(),
});

const TWILIO_SETTINGS = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM'] as const;
const SECRET_SETTINGS = new Set(['TWILIO_AUTH_TOKEN', 'SMTP_URL']);

export type Config = {
  port: number;
  host: string;
  publicUrl: string;
  database: { url: string; poolSize: number } | { dataDir: string };
  rateLimits: { intakePer10Min: number; trackPer10Min: number };
  /** Open311 GeoReport v2: requests per 10 minutes per client address (GET) or per API key (POST). */
  open311: { ratePer10Min: number };
  trustProxy: boolean;
  demo: boolean;
  outboxPollMs: number;
  /** Real e-mail through SMTP when SMTP_URL is set; otherwise the development transport. */
  smtp: { url: string; from: string } | null;
  /** Real SMS through Twilio when all three TWILIO_* settings are set; otherwise the development transport. */
  twilio: { accountSid: string; authToken: string; from: string } | null;
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set", as in most .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const key = String(i.path[0]);
      // Secrets are never echoed to the console or a log.
      const got = SECRET_SETTINGS.has(key) ? 'value hidden' : `got ${JSON.stringify(present[key])}`;
      return `  ${i.path.join('.')}: ${i.message} (${got})`;
    });
    throw new ConfigError(`Invalid settings:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const twilioSet = TWILIO_SETTINGS.filter((k) => e[k] !== undefined);
  if (twilioSet.length > 0 && twilioSet.length < TWILIO_SETTINGS.length) {
    const missing = TWILIO_SETTINGS.filter((k) => e[k] === undefined);
    throw new ConfigError(`Invalid settings:\n  ${missing.join(', ')}: required with ${twilioSet.join(', ')} (Twilio needs all three, or none for the development transport)`);
  }
  const embedded = !e.DATABASE_URL;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    database: e.DATABASE_URL ? { url: e.DATABASE_URL, poolSize: e.DB_POOL_SIZE } : { dataDir: resolve(e.DATA_DIR) },
    rateLimits: { intakePer10Min: e.RATE_LIMIT_INTAKE, trackPer10Min: e.RATE_LIMIT_TRACK },
    open311: { ratePer10Min: e.RATE_LIMIT_OPEN311 },
    trustProxy: e.TRUST_PROXY,
    // Demo mode: on for the embedded default and with DEMO=1; DEMO=0 wins.
    demo: e.DEMO ?? embedded,
    outboxPollMs: e.OUTBOX_POLL_MS,
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.MAIL_FROM } : null,
    twilio:
      e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN && e.TWILIO_FROM
        ? { accountSid: e.TWILIO_ACCOUNT_SID, authToken: e.TWILIO_AUTH_TOKEN, from: e.TWILIO_FROM }
        : null,
  };
}
