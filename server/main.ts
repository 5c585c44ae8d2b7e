// config → db → http → io → workers (DESIGN.md). The only file that touches process.env (through loadConfig).
import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/client';
import { seedDatabase } from '../db/seed';
import { DEMO_PASSWORD, DEMO_USERS, demoEmail } from '../db/seed/demo-users';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { systemClock } from './lib/clock';
import { createEventBus } from './lib/events';
import { createLogger } from './lib/logger';
import { createTransports } from './modules/notifications/transports';
import { attachRealtime } from './realtime/realtime';
import { startOutboxWorker } from './workers/outbox.worker';
import { CLOCK_SWEEP_MS, startClockSweeper } from './workers/clock-sweeper';
import { startRetentionWorker } from './workers/retention.worker';

async function main() {
  // A .env file beside package.json, when there is one (see .env.example); exported variables win.
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ pretty: process.stdout.isTTY });
  const database = await openDatabase(
    'url' in config.database ? { url: config.database.url, poolSize: config.database.poolSize } : { dataDir: config.database.dataDir },
  );
  await database.migrate();
  await seedDatabase(database.db, { demo: config.demo });

  const events = createEventBus();
  const clientDir = fileURLToPath(new URL('../dist/client', import.meta.url));
  const app = createApp({ database, db: database.db, clock: systemClock, config, events, logger, clientDir });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  // socket.io on the same server, path /socket.io (server/realtime): live updates for signed-in staff.
  const realtime = attachRealtime({ httpServer: server, db: database.db, clock: systemClock, events, config, logger, database });
  // Real SMTP / Twilio when configured (SMTP_URL, TWILIO_*), otherwise the development transport.
  const transports = createTransports(config, logger);
  const worker = startOutboxWorker({ db: database.db, clock: systemClock, transports, logger, events, pollMs: config.outboxPollMs });
  const sweeper = startClockSweeper({ db: database.db, clock: systemClock, events, logger, publicUrl: config.publicUrl, pollMs: CLOCK_SWEEP_MS });
  // GDPR retention (issue 6 §5): once a day, petitions past their register's period are anonymised.
  const retention = startRetentionWorker({ db: database.db, clock: systemClock, logger });

  server.once('listening', () => {
    const where = 'url' in config.database ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.database.dataDir}`;
    console.log(`\nPrimăria Sectorului 6 — petiții online: ${config.publicUrl}`);
    console.log(`Database: ${where}${config.demo ? ' · demo mode' : ''}`);
    console.log(`Notices: e-mail ${transports.email.kind === 'smtp' ? 'through SMTP' : 'recorded only (development transport; set SMTP_URL)'}, SMS ${transports.sms.kind === 'twilio' ? 'through Twilio' : 'recorded only (development transport; set TWILIO_*)'}\n`);
    if (config.demo) {
      console.log(`Demo accounts (password: ${DEMO_PASSWORD}), sign in at ${config.publicUrl}/personal:`);
      for (const u of DEMO_USERS) console.log(`  ${demoEmail(u.local).padEnd(36)} ${u.role.padEnd(10)} ${u.department ?? ''}`);
      console.log('');
    }
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info('shutting down', { signal });
    server.close();
    await realtime.close();
    await worker.stop();
    await Promise.all([transports.email.close?.(), transports.sms.close?.()]);
    await sweeper.stop();
    await retention.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('The server could not start:', error);
  process.exit(1);
});
