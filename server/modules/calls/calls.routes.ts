// The call log and the console's call actions (issue 5 §2, §3, §5, §6, §7), mounted under /api. Agents and
// the supervisor only; the figures are the supervisor's. Handlers validate, call one use case, answer.
import { Hono } from 'hono';
import {
  createCallInputSchema,
  listCallsQuerySchema,
  petitionStatusQuerySchema,
  simulateCallInputSchema,
  statsQuerySchema,
  updateCallInputSchema,
} from '../../../shared/api/calls';
import type { AppDeps } from '../../app';
import { appError } from '../../lib/errors';
import { parseOrThrow, readJson, type AppEnv } from '../../lib/http';
import { currentUser, requireRole } from '../auth/auth.middleware';
import { listCallReasons } from './call-reasons';
import { callStats } from './call-stats.usecases';
import { answerCall, getCall, hangUpSimulatedCall, listCallbacks, listCallLog, logCall, markCallbackDone, updateCall } from './calls.usecases';
import { receiveIncomingCall } from './incoming-call.usecases';
import { petitionStatusForCaller } from './petition-status.usecases';

export function callsRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const callCenter = requireRole('agent', 'supervisor');
  const supervisor = requireRole('supervisor');
  const core = { db: deps.db, clock: deps.clock, events: deps.events };
  // Calls carry numbers and notes about people: never cached.
  const noStore = async (c: { header(name: string, value: string): void }, next: () => Promise<void>) => {
    await next();
    c.header('Cache-Control', 'no-store');
  };
  app.use('/calls', noStore);
  app.use('/calls/*', noStore);

  app.get('/calls/reasons', callCenter, async (c) => c.json(await listCallReasons(deps.db)));
  app.get('/calls/callbacks', callCenter, async (c) => c.json(await listCallbacks(core)));
  app.get('/calls/stats', supervisor, async (c) => {
    const { from, to } = parseOrThrow(statsQuerySchema, c.req.query());
    return c.json(await callStats({ ...core, from, to }));
  });
  app.get('/calls/petition-status', callCenter, async (c) => {
    const { number, identity } = parseOrThrow(petitionStatusQuerySchema, c.req.query());
    return c.json(await petitionStatusForCaller({ ...core, user: currentUser(c), number, identity }));
  });

  // The demo's "incoming call" (§6): the webhook's own use case, only while Twilio is not configured.
  app.post('/calls/simulate', callCenter, async (c) => {
    if (deps.config.twilio) throw appError('calls.simulation_unavailable', 'Twilio is configured: real calls come through its webhook.');
    const { phone, ignoreOfficeHours } = parseOrThrow(simulateCallInputSchema, await readJson(c));
    const { call, decision } = await receiveIncomingCall({ ...core, from: phone, twilio: null, actor: currentUser(c), ignoreOfficeHours });
    return c.json({ call, mode: decision.kind, ringing: decision.kind === 'dial' ? decision.agentIds : [] }, 201);
  });

  app.get('/calls', callCenter, async (c) => {
    const query = parseOrThrow(listCallsQuerySchema, c.req.query());
    return c.json(await listCallLog({ db: deps.db, user: currentUser(c), query }));
  });
  app.post('/calls', callCenter, async (c) => {
    const input = parseOrThrow(createCallInputSchema, await readJson(c));
    return c.json(await logCall({ ...core, user: currentUser(c), input }), 201);
  });
  app.get('/calls/:id', callCenter, async (c) => c.json(await getCall({ db: deps.db, id: c.req.param('id') })));
  app.patch('/calls/:id', callCenter, async (c) => {
    const input = parseOrThrow(updateCallInputSchema, await readJson(c));
    return c.json(await updateCall({ ...core, user: currentUser(c), id: c.req.param('id'), input }));
  });
  app.post('/calls/:id/answer', callCenter, async (c) => c.json(await answerCall({ ...core, user: currentUser(c), id: c.req.param('id') })));
  app.post('/calls/:id/hangup', callCenter, async (c) => c.json(await hangUpSimulatedCall({ ...core, id: c.req.param('id') })));
  app.post('/calls/:id/callback-done', callCenter, async (c) => c.json(await markCallbackDone({ ...core, user: currentUser(c), id: c.req.param('id') })));
  return app;
}
