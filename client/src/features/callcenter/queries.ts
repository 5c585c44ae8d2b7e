// TanStack Query keys and hooks of the call center. Keys start with 'calls' or 'agents', which the live
// updates invalidate on every call.* and agent.presence event (lib/realtime.ts), so lists, the current call,
// the queue and the figures follow what happens without a reload.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  answerCall,
  fetchAgents,
  fetchCall,
  fetchCallbacks,
  fetchCalls,
  fetchOfficeHours,
  fetchReasons,
  fetchStats,
  hangUpCall,
  markCallbackDone,
  probeSimulation,
  saveOfficeHours,
  setMyPresence,
  simulateCall,
  updateCall,
  type CallUpdate,
} from './api';

const MINUTE = 60_000;

export const callKeys = {
  all: ['calls'] as const,
  mine: () => [...callKeys.all, 'mine'] as const,
  current: () => [...callKeys.all, 'current'] as const,
  detail: (id: string) => [...callKeys.all, 'detail', id] as const,
  callbacks: () => [...callKeys.all, 'callbacks'] as const,
  stats: (from: string, to: string) => [...callKeys.all, 'stats', from, to] as const,
};
export const agentKeys = { all: ['agents'] as const };
/** Not under 'calls': the list does not change with calls. */
export const callCenterKeys = {
  reasons: ['call-center', 'reasons'] as const,
  simulation: ['call-center', 'simulation'] as const,
  officeHours: ['call-center', 'office-hours'] as const,
};

export function useMyRecentCalls() {
  return useQuery({ queryKey: callKeys.mine(), queryFn: ({ signal }) => fetchCalls({ agent: 'me', limit: 10 }, signal) });
}

/** The call this agent is on (after a reload, or answered on the desk phone through Twilio). */
export function useMyCurrentCall() {
  return useQuery({
    queryKey: callKeys.current(),
    queryFn: async ({ signal }) => (await fetchCalls({ agent: 'me', status: 'in_progress', limit: 1 }, signal)).items[0] ?? null,
  });
}

export function useCall(id: string | null) {
  return useQuery({ queryKey: callKeys.detail(id ?? ''), queryFn: ({ signal }) => fetchCall(id ?? '', signal), enabled: id !== null });
}

export function useCallbacks() {
  return useQuery({ queryKey: callKeys.callbacks(), queryFn: ({ signal }) => fetchCallbacks(signal) });
}

export function useReasons() {
  return useQuery({ queryKey: callCenterKeys.reasons, queryFn: ({ signal }) => fetchReasons(signal), staleTime: 60 * MINUTE });
}

export function useSimulationAvailable() {
  return useQuery({ queryKey: callCenterKeys.simulation, queryFn: probeSimulation, staleTime: Infinity, retry: false });
}

function useInvalidateCalls() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: callKeys.all });
}

export function useSetPresence() {
  return useMutation({ mutationFn: setMyPresence });
}

export function useSimulateCall() {
  const invalidate = useInvalidateCalls();
  return useMutation({ mutationFn: simulateCall, onSuccess: invalidate });
}

export function useAnswerCall() {
  const invalidate = useInvalidateCalls();
  return useMutation({ mutationFn: answerCall, onSuccess: invalidate });
}

export function useUpdateCall(id: string) {
  const invalidate = useInvalidateCalls();
  return useMutation({ mutationFn: (body: CallUpdate) => updateCall(id, body), onSuccess: invalidate });
}

export function useHangUp() {
  const invalidate = useInvalidateCalls();
  return useMutation({ mutationFn: hangUpCall, onSuccess: invalidate });
}

export function useCallbackDone() {
  const invalidate = useInvalidateCalls();
  return useMutation({ mutationFn: markCallbackDone, onSettled: invalidate });
}

export function useAgents() {
  return useQuery({ queryKey: agentKeys.all, queryFn: ({ signal }) => fetchAgents(signal) });
}

export function useCallStats(from: string, to: string) {
  return useQuery({ queryKey: callKeys.stats(from, to), queryFn: ({ signal }) => fetchStats({ from, to }, signal) });
}

export function useOfficeHours() {
  return useQuery({ queryKey: callCenterKeys.officeHours, queryFn: ({ signal }) => fetchOfficeHours(signal) });
}

export function useSaveOfficeHours() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: saveOfficeHours, onSuccess: (data) => queryClient.setQueryData(callCenterKeys.officeHours, data) });
}
