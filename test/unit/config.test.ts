import { isAbsolute } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

describe('loadConfig: defaults', () => {
  test('with nothing set: port 3000, PUBLIC_URL http://localhost:3000, the embedded database in ./data, demo mode on', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.host).toBe('0.0.0.0');
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.database).toEqual({ dataDir: expect.stringMatching(/[\\/]data$/) });
    expect(isAbsolute((c.database as { dataDir: string }).dataDir)).toBe(true);
    expect(c.demo).toBe(true);
    expect(c.rateLimits).toEqual({ intakePer10Min: 20, trackPer10Min: 60 });
    expect(c.trustProxy).toBe(false);
    expect(c.outboxPollMs).toBe(1000);
  });

  test('PUBLIC_URL defaults to localhost on the chosen PORT', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
  });

  test('PUBLIC_URL loses its trailing slashes', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://domnuleprimar.ro///' }).publicUrl).toBe('https://domnuleprimar.ro');
  });

  test('an empty variable means "not set", as in most .env files', () => {
    const c = loadConfig({ PORT: '', DATABASE_URL: '', DEMO: '', PUBLIC_URL: '' });
    expect(c.port).toBe(3000);
    expect('dataDir' in c.database).toBe(true);
    expect(c.demo).toBe(true);
  });

  test('DATA_DIR places the embedded database, as an absolute path', () => {
    const c = loadConfig({ DATA_DIR: 'var/petitii' });
    expect((c.database as { dataDir: string }).dataDir).toMatch(/[\\/]var[\\/]petitii$/);
    expect(isAbsolute((c.database as { dataDir: string }).dataDir)).toBe(true);
  });
});

describe('loadConfig: database and demo mode', () => {
  test('DATABASE_URL selects PostgreSQL, with a pool of 10 by default and demo mode off', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/petitii' });
    expect(c.database).toEqual({ url: 'postgres://u@db:5432/petitii', poolSize: 10 });
    expect(c.demo).toBe(false);
  });

  test('a postgresql:// URL and DB_POOL_SIZE are accepted', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/x', DB_POOL_SIZE: '25' }).database).toEqual({ url: 'postgresql://db/x', poolSize: 25 });
  });

  test('DEMO=0 wins over the embedded default', () => {
    expect(loadConfig({ DEMO: '0' }).demo).toBe(false);
    expect(loadConfig({ DEMO: 'false' }).demo).toBe(false);
  });

  test('DEMO=1 turns demo mode on with DATABASE_URL', () => {
    expect(loadConfig({ DEMO: '1', DATABASE_URL: 'postgres://db/x' }).demo).toBe(true);
    expect(loadConfig({ DEMO: 'yes', DATABASE_URL: 'postgres://db/x' }).demo).toBe(true);
  });

  test('TRUST_PROXY and the rate limits are read', () => {
    const c = loadConfig({ TRUST_PROXY: 'on', RATE_LIMIT_INTAKE: '5', RATE_LIMIT_TRACK: '7', OUTBOX_POLL_MS: '250' });
    expect(c.trustProxy).toBe(true);
    expect(c.rateLimits).toEqual({ intakePer10Min: 5, trackPer10Min: 7 });
    expect(c.outboxPollMs).toBe(250);
  });
});

describe('loadConfig: a wrong setting stops the start with a message that names it', () => {
  test.each([
    ['PORT', 'notaport'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['PUBLIC_URL', 'ftp://domnuleprimar.ro'],
    ['PUBLIC_URL', 'not a url'],
    ['DATABASE_URL', 'mysql://db/x'],
    ['RATE_LIMIT_INTAKE', '-5'],
    ['RATE_LIMIT_INTAKE', '0'],
    ['RATE_LIMIT_TRACK', 'many'],
    ['TRUST_PROXY', 'perhaps'],
    ['DEMO', '2'],
    ['OUTBOX_POLL_MS', '0'],
    ['DB_POOL_SIZE', '1.5'],
  ])('%s=%s throws a ConfigError naming %s', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(name);
    expect((error as Error).message).toContain(JSON.stringify(value));
  });

  test('every wrong setting is named at once, not only the first', () => {
    expect(() => loadConfig({ PORT: 'x', RATE_LIMIT_INTAKE: '-5' })).toThrow(/PORT[\s\S]*RATE_LIMIT_INTAKE|RATE_LIMIT_INTAKE[\s\S]*PORT/);
  });

  test('unknown variables in the environment are ignored', () => {
    expect(() => loadConfig({ HOME: '/root', SOMETHING_ELSE: '1' })).not.toThrow();
  });
});
