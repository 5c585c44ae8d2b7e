// Twilio's voice and SMS webhooks (issue 5 §1, §5), outside /api: signed form posts, no session, TwiML back.
//   POST /twilio/voice         the incoming call → greeting + <Dial> the available agents, or a <Record>
//   POST /twilio/voice/status  ?event=agent (an agent's phone answered), ?event=dial (the <Dial> ended),
//                              ?event=recording (the <Record> action), no event (the call status callback)
//   POST /twilio/sms           `STATUS <number> <code>` → the status in a <Message>
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import type { AppEnv } from '../../lib/http';
import { createRateLimiter } from '../../lib/rate-limit';
import { recordAgentAnswered, recordCallEnded, recordDialResult, recordVoicemail } from '../calls/call-progress.usecases';
import { receiveIncomingCall } from '../calls/incoming-call.usecases';
import { replyToSms } from '../calls/petition-status.usecases';
import { readSignedTwilioForm, twiml } from './twilio-webhook';
import { emptyTwiml, hangupTwiml, incomingCallTwiml, noAnswerTwiml, SMS_PATH, smsReplyTwiml, thanksTwiml, VOICE_PATH, VOICE_STATUS_PATH } from './twiml';

const seconds = (value: string | undefined) => (value && /^\d{1,7}$/.test(value) ? Number(value) : null);

export function twilioVoiceRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const core = { db: deps.db, clock: deps.clock, events: deps.events };
  // Codes are 80 random bits: this only keeps a script from using our number as an oracle.
  const smsLimiter = createRateLimiter({ limit: 10, windowMs: 10 * 60_000, name: 'SMS status' });

  app.post(VOICE_PATH, async (c) => {
    const params = await readSignedTwilioForm(c, deps, VOICE_PATH);
    if (!params.CallSid) return twiml(c, hangupTwiml());
    const { decision } = await receiveIncomingCall({ ...core, from: params.From ?? 'anonymous', twilio: { callSid: params.CallSid } });
    return twiml(c, incomingCallTwiml(decision, deps.config.publicUrl));
  });

  app.post(VOICE_STATUS_PATH, async (c) => {
    const params = await readSignedTwilioForm(c, deps, VOICE_STATUS_PATH);
    const event = c.req.query('event');
    const callSid = params.CallSid;
    if (event === 'agent') {
      const parent = params.ParentCallSid;
      if (parent && params.CallStatus === 'in-progress') await recordAgentAnswered({ ...core, parentCallSid: parent, agentPhone: params.To ?? params.Called ?? '' });
      return twiml(c, emptyTwiml());
    }
    if (!callSid) return twiml(c, emptyTwiml());
    if (event === 'dial') {
      const { known, answered } = await recordDialResult({ ...core, callSid, dialStatus: params.DialCallStatus ?? '', dialDurationS: seconds(params.DialCallDuration) });
      return twiml(c, answered || !known ? hangupTwiml() : noAnswerTwiml(deps.config.publicUrl));
    }
    if (event === 'recording') {
      const url = params.RecordingUrl;
      if (url && /^https:\/\/[^\s]{1,500}$/.test(url)) await recordVoicemail({ ...core, callSid, recordingUrl: url });
      return twiml(c, thanksTwiml());
    }
    await recordCallEnded({ ...core, callSid, callStatus: params.CallStatus ?? '', durationS: seconds(params.CallDuration) });
    return twiml(c, emptyTwiml());
  });

  app.post(SMS_PATH, async (c) => {
    const params = await readSignedTwilioForm(c, deps, SMS_PATH);
    const from = params.From ?? 'unknown';
    try {
      smsLimiter.hit(from, deps.clock.now().getTime());
    } catch {
      return twiml(c, smsReplyTwiml('Primăria S6: prea multe cereri într-un timp scurt. Încercați din nou peste câteva minute.'));
    }
    return twiml(c, smsReplyTwiml(await replyToSms({ db: deps.db, publicUrl: deps.config.publicUrl, body: params.Body ?? '' })));
  });
  return app;
}
