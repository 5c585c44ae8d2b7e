import { createApp } from '../../server/app';
import { loadConfig, type Config } from '../../server/config';
import { fixedClock } from '../../server/lib/clock';
import { createRecordingBus } from '../../server/lib/events';
import { silentLogger } from '../../server/lib/logger';
import { createTestDatabase, type TestDatabase } from './database';

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** createApp with test dependencies: its own database, a fixed clock, a recording bus, no log noise. */
export async function createTestApp({
  now = '2026-11-26T10:00:00Z',
  env = {},
  testDatabase,
}: { now?: string; env?: Record<string, string>; testDatabase?: TestDatabase } = {}) {
  const tdb = testDatabase ?? (await createTestDatabase());
  const config: Config = loadConfig({ PUBLIC_URL: 'https://petitii.test', RATE_LIMIT_INTAKE: '1000', RATE_LIMIT_TRACK: '1000', ...env });
  const clock = fixedClock(now);
  const events = createRecordingBus();
  const app = createApp({ database: tdb.database, db: tdb.database.db, clock, config, events, logger: silentLogger });
  const json = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { app, db: tdb.database.db, database: tdb.database, tdb, clock, config, events, json, cleanup: tdb.cleanup };
}

/** A valid web petition; override any part. */
export function petitionInput(overrides: Record<string, unknown> = {}) {
  return {
    type: 'sesizare',
    categoryCode: 'strazi-trotuare',
    subject: 'Groapă adâncă pe strada Țintei',
    body: 'În dreptul blocului 5 de pe strada Țintei s-a format o groapă adâncă în carosabil.',
    petitioner: { kind: 'person', firstName: 'Ioana', lastName: 'Ștefănescu', email: 'ioana@example.ro', phone: '0722 123 456', address: null },
    location: { address: 'Strada Țintei 5, Sector 6' },
    consent: true,
    ...overrides,
  };
}
