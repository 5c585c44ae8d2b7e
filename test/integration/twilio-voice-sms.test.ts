// Issue 5 §5: a citizen texts `STATUS <number> <code>` to the city hall's number and gets the status back
// in TwiML <Message>; a wrong code reveals nothing (the same text as for a number that does not exist).
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SMS_TEXTS } from '../../server/modules/calls/petition-status.usecases';
import { createTestApp, petitionInput, type TestApp } from '../helpers/app';
import { elements, parseXml, textOf } from '../helpers/xml';

const PUBLIC_URL = 'https://petitii.test';
const AUTH_TOKEN = 'sms-test-auth-token-0123456789ab';
const TWILIO_ENV = { TWILIO_ACCOUNT_SID: `AC${'fedcba9876543210'.repeat(2)}`, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_FROM: '+40312345678' };

let t: TestApp;
let petition: { registrationNumber: string; trackingCode: string; dueOn: string };
let sender = 0;

beforeAll(async () => {
  t = await createTestApp({ env: TWILIO_ENV });
  petition = await (await t.json('/api/petitions', petitionInput())).json();
});
afterAll(() => t.cleanup());

/** An inbound SMS as Twilio posts it, signed; each from its own number (the per-number limit aside). */
function sms(body: string, { signature }: { signature?: string | null } = {}) {
  const params = { MessageSid: `SM${'0'.repeat(31)}${sender % 10}`, AccountSid: TWILIO_ENV.TWILIO_ACCOUNT_SID, From: `+4074400${String(++sender).padStart(4, '0')}`, To: '+40312345678', Body: body };
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  const value = signature === undefined ? twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_URL}/twilio/sms`, params) : signature;
  if (value !== null) headers['x-twilio-signature'] = value;
  return t.app.request('/twilio/sms', { method: 'POST', headers, body: new URLSearchParams(params).toString() });
}

async function reply(res: Response): Promise<string> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
  const root = parseXml(await res.text());
  expect(root.name).toBe('Response');
  const [message, ...rest] = elements(root);
  expect(message?.name).toBe('Message');
  expect(rest).toEqual([]);
  return textOf(message!);
}

describe('POST /twilio/sms', () => {
  test('STATUS <number> <code> answers the status in Romanian, with the due date', async () => {
    const text = await reply(await sms(`STATUS ${petition.registrationNumber} ${petition.trackingCode}`));
    expect(text).toContain(`petiția nr. ${petition.registrationNumber}: Înregistrată.`);
    expect(text).toContain('Termen de răspuns: 28 decembrie 2026.');
    expect(text).toContain(`${PUBLIC_URL}/urmarire/${petition.registrationNumber}`);
  });

  test.each([
    ['lower case and extra spaces', (n: string, c: string) => `  status   ${n.toLowerCase()}    ${c.toLowerCase()}  `],
    ['the code typed in groups with spaces', (n: string, c: string) => `Status ${n} ${c.replace(/-/g, ' ')}`],
    ['the code without dashes, on a new line', (n: string, c: string) => `STATUS\n${n}\n${c.replace(/-/g, '')}`],
  ])('any case and spacing: %s', async (_label, write) => {
    expect(await reply(await sms(write(petition.registrationNumber, petition.trackingCode)))).toContain('Înregistrată');
  });

  test('a wrong code reveals nothing: the same answer as for a number that does not exist', async () => {
    const wrongCode = await reply(await sms(`STATUS ${petition.registrationNumber} AAAA-BBBB-CCCC-DDDD`));
    const unknownNumber = await reply(await sms(`STATUS P-2026-999999 ${petition.trackingCode}`));
    const malformed = await reply(await sms('STATUS 12345 AAAA'));
    expect(wrongCode).toBe(SMS_TEXTS.notFound);
    expect(unknownNumber).toBe(SMS_TEXTS.notFound);
    expect(malformed).toBe(SMS_TEXTS.notFound);
    expect(wrongCode).not.toContain(petition.registrationNumber);
  });

  test.each(['Bună ziua, vreau să aflu ce se întâmplă cu petiția mea', 'STATUS', '', 'STOP'])('anything else (%j) gets the short help text', async (body) => {
    const text = await reply(await sms(body));
    expect(text).toBe(SMS_TEXTS.help);
    expect(text).toContain('STATUS <număr> <cod>');
  });

  test('a forged or missing signature is a 403 and gets no status', async () => {
    for (const signature of ['Zm9yZ2Vk', null]) {
      const res = await sms(`STATUS ${petition.registrationNumber} ${petition.trackingCode}`, { signature });
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain('Înregistrată');
    }
  });

  test('one number asking too often gets a “try later” text, not an oracle', async () => {
    const from = '+40744999999';
    const post = (body: string) => {
      const params = { MessageSid: `SM${'9'.repeat(32)}`, From: from, To: '+40312345678', Body: body };
      const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_URL}/twilio/sms`, params);
      return t.app.request('/twilio/sms', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(params).toString() });
    };
    for (let i = 0; i < 10; i++) expect(await reply(await post(`STATUS ${petition.registrationNumber} AAAA-BBBB-CCCC-${String(i).padStart(4, '0')}`))).toBe(SMS_TEXTS.notFound);
    expect(await reply(await post(`STATUS ${petition.registrationNumber} ${petition.trackingCode}`))).toMatch(/prea multe cereri/);
  });
});
