// The call-center API (shared/api/calls.ts, README "The call center"): the console, the supervisor's
// figures and the office hours. Lookups of callers and petitions are logged reads: called on request only.
import type { CallOutcome } from '../../../../shared/domain/calls';
import type { CreatePetitionInput } from '../../../../shared/api/petitions';
import { createPetitionResponseSchema } from '../../../../shared/api/petitions';
import { ApiError, apiRequest } from '../../lib/api-client';
import {
  agentsSchema,
  callerSchema,
  callItemsSchema,
  callListSchema,
  callSchema,
  officeHoursSchema,
  petitionStatusSchema,
  presenceResponseSchema,
  reasonsSchema,
  simulateResponseSchema,
  statsSchema,
} from './schemas';

export type SettablePresence = 'available' | 'busy' | 'away';

const callPath = (id: string) => `/api/calls/${encodeURIComponent(id)}`;

export function setMyPresence(status: SettablePresence) {
  return apiRequest('/api/agents/me/status', presenceResponseSchema, { method: 'PUT', json: { status } });
}

export function simulateCall(body: { phone: string; ignoreOfficeHours: boolean }) {
  return apiRequest('/api/calls/simulate', simulateResponseSchema, { json: body });
}

export function answerCall(id: string) {
  return apiRequest(`${callPath(id)}/answer`, callSchema, { json: {} });
}

/** The caller hangs up: simulated calls only (Twilio reports the end of a real call itself). */
export function hangUpCall(id: string) {
  return apiRequest(`${callPath(id)}/hangup`, callSchema, { json: {} });
}

export type CallUpdate = {
  endedAt?: string;
  reason?: string;
  notes?: string;
  outcome?: CallOutcome;
  registrationNumbers?: string[];
};

export function updateCall(id: string, body: CallUpdate) {
  return apiRequest(callPath(id), callSchema, { method: 'PATCH', json: body });
}

export function fetchCall(id: string, signal?: AbortSignal) {
  return apiRequest(callPath(id), callSchema, { signal });
}

export type CallFilter = { agent?: 'me' | string; status?: string; phone?: string; limit?: number };

export function fetchCalls(filter: CallFilter, signal?: AbortSignal) {
  const query = new URLSearchParams();
  if (filter.agent) query.set('agent', filter.agent);
  if (filter.status) query.set('status', filter.status);
  if (filter.phone) query.set('phone', filter.phone);
  if (filter.limit) query.set('limit', String(filter.limit));
  return apiRequest(`/api/calls?${query}`, callListSchema, { signal });
}

export function fetchCallbacks(signal?: AbortSignal) {
  return apiRequest('/api/calls/callbacks', callItemsSchema, { signal });
}

export function markCallbackDone(id: string) {
  return apiRequest(`${callPath(id)}/callback-done`, callSchema, { json: {} });
}

export function fetchReasons(signal?: AbortSignal) {
  return apiRequest('/api/calls/reasons', reasonsSchema, { signal });
}

/** GDPR: logged by the server as a read of personal data (source caller_lookup). */
export function lookUpCaller(phone: string) {
  return apiRequest(`/api/callers/${encodeURIComponent(phone)}`, callerSchema);
}

/** Logged (source caller_status); 404 `calls.petition_not_found` when the number and the identity do not match. */
export function fetchPetitionStatus(number: string, identity: string) {
  const query = new URLSearchParams({ number, identity });
  return apiRequest(`/api/calls/petition-status?${query}`, petitionStatusSchema);
}

/** A petition for the caller, registered by the agent: channel `phone`; refused unless identified. */
export function registerPhonePetition(input: CreatePetitionInput, idempotencyKey: string) {
  return apiRequest('/api/petitions', createPetitionResponseSchema, { json: { ...input, channel: 'phone' }, headers: { 'Idempotency-Key': idempotencyKey } });
}

/**
 * Whether the console may simulate calls: the simulate endpoint refuses (409 `calls.simulation_unavailable`)
 * while Twilio is configured, and checks that before reading the body, so an empty body asks without
 * creating anything (400 = available).
 */
export async function probeSimulation(): Promise<boolean> {
  try {
    await apiRequest('/api/calls/simulate', simulateResponseSchema, { json: {} });
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'calls.simulation_unavailable') return false;
    if (error instanceof ApiError && error.code === 'request.invalid') return true;
    throw error;
  }
}

export function fetchAgents(signal?: AbortSignal) {
  return apiRequest('/api/agents', agentsSchema, { signal });
}

export function fetchStats(range: { from: string; to: string }, signal?: AbortSignal) {
  const query = new URLSearchParams(range);
  return apiRequest(`/api/calls/stats?${query}`, statsSchema, { signal });
}

export function fetchOfficeHours(signal?: AbortSignal) {
  return apiRequest('/api/admin/office-hours', officeHoursSchema, { signal });
}

export type OfficeDayInput = { weekday: number; open: string | null; close: string | null };

export function saveOfficeHours(days: OfficeDayInput[]) {
  return apiRequest('/api/admin/office-hours', officeHoursSchema, { method: 'PUT', json: { days } });
}
