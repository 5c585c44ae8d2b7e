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
  TRUST_PROXY: flag.default(false),
  DEMO: flag.optional(),
  OUTBOX_POLL_MS: positiveInt.default(1000),
  DB_POOL_SIZE: positiveInt.default(10),
});

export type Config = {
  port: number;
  host: string;
  publicUrl: string;
  database: { url: string; poolSize: number } | { dataDir: string };
  rateLimits: { intakePer10Min: number; trackPer10Min: number };
  trustProxy: boolean;
  demo: boolean;
  outboxPollMs: number;
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set", as in most .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(present[String(i.path[0])])})`);
    throw new ConfigError(`Invalid settings:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const embedded = !e.DATABASE_URL;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    database: e.DATABASE_URL ? { url: e.DATABASE_URL, poolSize: e.DB_POOL_SIZE } : { dataDir: resolve(e.DATA_DIR) },
    rateLimits: { intakePer10Min: e.RATE_LIMIT_INTAKE, trackPer10Min: e.RATE_LIMIT_TRACK },
    trustProxy: e.TRUST_PROXY,
    // Demo mode: on for the embedded default and with DEMO=1; DEMO=0 wins.
    demo: e.DEMO ?? embedded,
    outboxPollMs: e.OUTBOX_POLL_MS,
  };
}
