import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

const SID = `AC${'a1'.repeat(16)}`;
const TOKEN = 'f'.repeat(32);

describe('delivery settings: SMTP_URL, MAIL_FROM, TWILIO_*', () => {
  test('with none set, both channels use the development transport, and MAIL_FROM has the city hall’s default', () => {
    const c = loadConfig({});
    expect(c.smtp).toBeNull();
    expect(c.twilio).toBeNull();
    expect(loadConfig({ SMTP_URL: 'smtp://localhost:25' }).smtp).toEqual({ url: 'smtp://localhost:25', from: '"Primăria Sectorului 6" <petitii@primarie6.ro>' });
  });

  test('SMTP_URL takes smtp:// and smtps://, with credentials; MAIL_FROM takes a bare or a named address', () => {
    expect(loadConfig({ SMTP_URL: 'smtps://user:secret@mail.primarie6.ro:465', MAIL_FROM: 'petitii@primarie6.ro' }).smtp).toEqual({ url: 'smtps://user:secret@mail.primarie6.ro:465', from: 'petitii@primarie6.ro' });
    expect(loadConfig({ SMTP_URL: 'smtp://mail:587', MAIL_FROM: 'Registratura S6 <registratura@primarie6.ro>' }).smtp?.from).toBe('Registratura S6 <registratura@primarie6.ro>');
  });

  test('a wrong SMTP_URL stops the start naming the setting, without echoing the value (it may hold a password)', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://user:secret@mail' })).toThrow(ConfigError);
    try {
      loadConfig({ SMTP_URL: 'http://user:secret@mail' });
    } catch (error) {
      expect(String(error)).toMatch(/SMTP_URL: must be smtp:\/\/… or smtps:\/\//);
      expect(String(error)).not.toContain('secret');
    }
  });

  test('a MAIL_FROM that is not an address stops the start', () => {
    expect(() => loadConfig({ MAIL_FROM: 'Primăria' })).toThrow(/MAIL_FROM/);
  });

  test.each([
    ['+40312345678', 'an E.164 number'],
    [`MG${'0'.repeat(32)}`, 'a Messaging Service SID'],
    ['Primaria S6', 'an alphanumeric sender ID'],
  ])('TWILIO_FROM takes %s (%s)', (from) => {
    expect(loadConfig({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_FROM: from }).twilio).toEqual({ accountSid: SID, authToken: TOKEN, from });
  });

  test.each([['0722123456'], ['+40 312 345 678'], [`MG${'0'.repeat(31)}`], ['Primaria Sectorului 6'], ['12345']])('TWILIO_FROM=%s stops the start', (from) => {
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_FROM: from })).toThrow(/TWILIO_FROM/);
  });

  test('a TWILIO_ACCOUNT_SID that is not AC + 32 hex digits stops the start', () => {
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: 'AC123', TWILIO_AUTH_TOKEN: TOKEN, TWILIO_FROM: '+40312345678' })).toThrow(/TWILIO_ACCOUNT_SID/);
  });

  test('Twilio is all or none: a partial set stops the start naming the missing settings', () => {
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: SID })).toThrow(/TWILIO_AUTH_TOKEN, TWILIO_FROM: required with TWILIO_ACCOUNT_SID/);
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN })).toThrow(/TWILIO_FROM: required with TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN/);
    expect(() => loadConfig({ TWILIO_FROM: '+40312345678' })).toThrow(ConfigError);
  });

  test('the auth token is never echoed in an error', () => {
    try {
      loadConfig({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: 'short-secret', TWILIO_FROM: '+40312345678' });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toMatch(/TWILIO_AUTH_TOKEN/);
      expect(String(error)).not.toContain('short-secret');
    }
  });

  test('empty values mean "not set", as in .env.example', () => {
    const c = loadConfig({ SMTP_URL: '', MAIL_FROM: '', TWILIO_ACCOUNT_SID: '', TWILIO_AUTH_TOKEN: '', TWILIO_FROM: '' });
    expect(c.smtp).toBeNull();
    expect(c.twilio).toBeNull();
  });
});
