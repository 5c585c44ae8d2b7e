// What the caller hears, as TwiML built with the official library (twilio.twiml.VoiceResponse). Romanian
// (`<Say language="ro-RO">`); the recording and dial reports come back to POST /twilio/voice/status.
import twilio from 'twilio';
import type { IncomingDecision } from '../calls/incoming-call.usecases';

export const VOICE_PATH = '/twilio/voice';
export const VOICE_STATUS_PATH = '/twilio/voice/status';
export const SMS_PATH = '/twilio/sms';

/** How long the agents' phones ring before the caller is offered a message instead. */
export const DIAL_TIMEOUT_S = 20;
/** The longest message a caller may leave. */
export const RECORD_MAX_S = 120;

const say = { language: 'ro-RO' } as const;
const GREETING = 'Bună ziua! Ați sunat la Primăria Sectorului 6, centrul de relații cu publicul.';
const AFTER_MESSAGE = 'Vă mulțumim. Vă vom suna înapoi cât de curând. La revedere!';

/**
 * Absolute, on PUBLIC_URL: Twilio signs the URL it requests, and we verify against PUBLIC_URL + path + query,
 * so the callbacks must come back to exactly this address.
 */
const statusUrl = (publicUrl: string, event: 'dial' | 'agent' | 'recording') => `${publicUrl}${VOICE_STATUS_PATH}?event=${event}`;

function offerMessage(response: twilio.twiml.VoiceResponse, publicUrl: string): void {
  response.record({ maxLength: RECORD_MAX_S, action: statusUrl(publicUrl, 'recording'), method: 'POST', playBeep: true, timeout: 5, finishOnKey: '#' });
  response.say(say, AFTER_MESSAGE);
}

export function incomingCallTwiml(decision: IncomingDecision, publicUrl: string): string {
  const response = new twilio.twiml.VoiceResponse();
  switch (decision.kind) {
    case 'dial': {
      response.say(say, `${GREETING} Vă rugăm să așteptați, vă preia un operator.`);
      // Every available agent's phone rings at once; the first to answer takes the call (the agent leg's
      // "answered" report names them). The caller keeps hearing the ringing tone until then.
      const dial = response.dial({ action: statusUrl(publicUrl, 'dial'), method: 'POST', timeout: DIAL_TIMEOUT_S, answerOnBridge: true });
      for (const number of decision.numbers) {
        dial.number({ statusCallback: statusUrl(publicUrl, 'agent'), statusCallbackEvent: ['answered'], statusCallbackMethod: 'POST' }, number);
      }
      break;
    }
    case 'no_agent':
      response.say(say, `${GREETING} În acest moment toți operatorii sunt ocupați. Vă rugăm să lăsați după semnal numele și motivul apelului; vă sunăm înapoi la numărul de pe care ne apelați. Încheiați mesajul apăsând tasta diez.`);
      offerMessage(response, publicUrl);
      break;
    case 'closed': {
      const today = decision.why === 'non_working_day' ? ' Astăzi este zi nelucrătoare.' : '';
      response.say(say, `${GREETING}${today} Programul nostru telefonic este ${decision.hours}, în zilele lucrătoare. Puteți lăsa un mesaj după semnal, cu numele și motivul apelului, iar noi vă sunăm înapoi în următoarea zi lucrătoare. Încheiați mesajul apăsând tasta diez.`);
      offerMessage(response, publicUrl);
      break;
    }
  }
  return response.toString();
}

/** The `<Dial>` ended without an answer: the caller may still leave a message. */
export function noAnswerTwiml(publicUrl: string): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say(say, 'Ne pare rău, niciun operator nu a putut prelua apelul. Vă rugăm să lăsați după semnal numele și motivul apelului; vă sunăm înapoi. Încheiați mesajul apăsând tasta diez.');
  offerMessage(response, publicUrl);
  return response.toString();
}

export function thanksTwiml(): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say(say, AFTER_MESSAGE);
  response.hangup();
  return response.toString();
}

export function hangupTwiml(): string {
  const response = new twilio.twiml.VoiceResponse();
  response.hangup();
  return response.toString();
}

/** For reports that need no instruction (status callbacks): an empty response. */
export function emptyTwiml(): string {
  return new twilio.twiml.VoiceResponse().toString();
}

export function smsReplyTwiml(text: string): string {
  const response = new twilio.twiml.MessagingResponse();
  response.message(text);
  return response.toString();
}
