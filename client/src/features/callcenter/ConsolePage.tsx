// The agent console (issue 5 §2–§6), /personal/apeluri: presence at the top; the screen pop while available;
// the call in progress with its form and the petition by phone; the status and caller lookups; the callback
// queue; my latest calls. The pop and the agent's status come over the staff layout's socket.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { CallIncomingEvent } from '../../../../shared/api/socket-events';
import type { PresenceStatus } from '../../../../shared/domain/calls';
import { useT, type Message } from '../../i18n';
import { useSocketEvent } from '../../lib/realtime';
import { Link } from '../../router';
import { Flash, type FlashMessage } from '../staff/components/Flash';
import { StaffPage } from '../staff/components/StaffPage';
import type { SessionUser } from '../staff/schemas';
import type { SettablePresence } from './api';
import { ActiveCall } from './components/ActiveCall';
import { CallbacksQueue } from './components/CallbacksQueue';
import { CallerLookup } from './components/CallerLookup';
import { IncomingCallPop } from './components/IncomingCallPop';
import { PresenceSwitch } from './components/PresenceSwitch';
import { RecentCalls } from './components/RecentCalls';
import { SimulateCall } from './components/SimulateCall';
import { StatusLookup } from './components/StatusLookup';
import { describeCallError } from './errors';
import { formatPhone } from './format';
import { callCenterPaths } from './paths';
import { callKeys, useAnswerCall, useMyCurrentCall, useSetPresence } from './queries';

const SETTABLE: readonly string[] = ['available', 'busy', 'away'];
const storageKey = (userId: string) => `callcenter.presence.${userId}`;

function remembered(userId: string): SettablePresence | null {
  try {
    const value = window.sessionStorage.getItem(storageKey(userId));
    return value && SETTABLE.includes(value) ? (value as SettablePresence) : null;
  } catch {
    return null;
  }
}

function remember(userId: string, status: PresenceStatus): void {
  if (!SETTABLE.includes(status)) return;
  try {
    window.sessionStorage.setItem(storageKey(userId), status);
  } catch {
    // storage blocked: the console asks again after a reload
  }
}

/**
 * The agent's status. The API has no "my status" read, so opening the console states it: the one this tab
 * last chose, or `away` (the server's default) — the screen and the server agree from the first second.
 * On a call the server holds `on_call`; it says so over the socket, and again when the call ends.
 */
function usePresence(user: SessionUser, onCall: boolean, ready: boolean) {
  const [status, setStatus] = useState<PresenceStatus | null>(null);
  const [error, setError] = useState<Message | null>(null);
  const mutation = useSetPresence();
  const synced = useRef(false);

  const set = (wanted: SettablePresence, { initial = false } = {}) => {
    synced.current = true;
    setError(null);
    // The agent's choice shows at once (a radio button that does not move when pressed looks broken) and
    // is undone if refused; the first statement waits for the server, the switch locked meanwhile.
    const before = status;
    if (!initial) setStatus(wanted);
    mutation.mutate(wanted, {
      onSuccess: (r) => {
        setStatus(r.status);
        remember(user.id, r.status);
      },
      onError: (e) => {
        setStatus(before);
        setError(describeCallError(e));
      },
    });
  };

  useEffect(() => {
    if (synced.current || !ready) return;
    synced.current = true;
    if (onCall) setStatus('on_call');
    else set(remembered(user.id) ?? 'away', { initial: true });
    // Once, when the current call is known.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, onCall]);

  useSocketEvent('agent.presence', (event) => {
    if (event.userId !== user.id) return;
    setStatus(event.status);
    remember(user.id, event.status);
  });

  // The current call decides: on it → on_call; none while the state still says on_call → the call ended.
  const shown: PresenceStatus | null = onCall ? 'on_call' : status === 'on_call' ? 'available' : status;
  return { status: shown, set: (wanted: SettablePresence) => set(wanted), pending: mutation.isPending, error };
}

export function ConsolePage({ user }: { user: SessionUser }) {
  const { t, tm } = useT();
  const queryClient = useQueryClient();
  const current = useMyCurrentCall();
  const call = current.data ?? null;
  const presence = usePresence(user, call !== null, !current.isPending);
  const [pops, setPops] = useState<CallIncomingEvent[]>([]);
  /** What each pop brought, kept for the call form once the call is taken. */
  const [facts, setFacts] = useState<Record<string, CallIncomingEvent>>({});
  const [flash, setFlash] = useState<FlashMessage | null>(null);
  const answer = useAnswerCall();

  useSocketEvent('call.incoming', (event) => {
    setPops((list) => [event, ...list.filter((p) => p.callId !== event.callId)]);
  });
  useSocketEvent('call.updated', (event) => {
    if (event.status === 'ringing') return;
    // Taken on the agent's own desk phone (Twilio): what the pop knew goes to the call form.
    const pop = pops.find((p) => p.callId === event.callId);
    if (pop && event.status === 'in_progress' && event.agentId === user.id) setFacts((f) => ({ ...f, [pop.callId]: pop }));
    // Taken by someone (maybe us), missed, ended: it no longer rings.
    setPops((list) => list.filter((p) => p.callId !== event.callId));
  });

  const take = (pop: CallIncomingEvent) => {
    if (answer.isPending) return;
    setFlash(null);
    answer.mutate(pop.callId, {
      onSuccess: (taken) => {
        setFacts((f) => ({ ...f, [taken.id]: pop }));
        queryClient.setQueryData(callKeys.current(), taken);
        setPops((list) => list.filter((p) => p.callId !== pop.callId));
      },
      onError: (error) => {
        setPops((list) => list.filter((p) => p.callId !== pop.callId));
        setFlash({ kind: 'error', message: describeCallError(error), id: Date.now() });
      },
    });
  };

  const ignore = (pop: CallIncomingEvent) => {
    setPops((list) => list.filter((p) => p.callId !== pop.callId));
    requestAnimationFrame(() => document.getElementById('presence-available')?.focus());
  };

  const showPops = presence.status === 'available' && call === null;

  return (
    <StaffPage title={t('cc.console.title')}>
      <div className="console-top">
        <PresenceSwitch status={presence.status} pending={presence.pending} onChange={presence.set} />
        {presence.error && (
          <p className="notice notice--error" role="alert">
            {tm(presence.error)}
          </p>
        )}
      </div>
      <nav aria-label={t('cc.console.jump')} className="jump-links">
        <ul>
          <li>
            <a href="#stadiu">{t('cc.status.title')}</a>
          </li>
          <li>
            <a href="#apelant">{t('cc.caller.title')}</a>
          </li>
          <li>
            <a href="#reveniri">{t('cc.callbacks.title')}</a>
          </li>
          <li>
            <a href="#apelurile-mele">{t('cc.recent.title')}</a>
          </li>
          {user.role === 'supervisor' && (
            <li>
              <Link to={callCenterPaths.supervisor}>{t('staffNav.callSupervisor')}</Link>
            </li>
          )}
        </ul>
      </nav>
      <Flash flash={flash} onDismiss={() => setFlash(null)} />

      {showPops && pops.length > 0 && (
        <div className="incoming-calls">
          {pops.map((pop) => (
            <IncomingCallPop key={pop.callId} call={pop} answering={answer.isPending && answer.variables === pop.callId} onAnswer={() => take(pop)} onIgnore={() => ignore(pop)} />
          ))}
        </div>
      )}
      {!showPops && pops.length > 0 && call === null && presence.status !== null && (
        <p className="notice" data-testid="pops-hidden">
          {t('cc.pop.hidden', { n: pops.length })}
        </p>
      )}

      {call ? (
        <ActiveCall
          key={call.id}
          call={call}
          facts={facts[call.id] ?? null}
          canRegister={user.role === 'agent'}
          onEnded={(message) => {
            setFlash({ kind: 'success', message, id: Date.now() });
          }}
        />
      ) : (
        presence.status !== 'available' && <p className="hint console-idle">{t('cc.console.notAvailable')}</p>
      )}

      <div className="console-grid">
        <StatusLookup key={call?.id ?? 'none'} defaultIdentity={call?.phone ? formatPhone(call.phone) : ''} />
        <CallerLookup />
      </div>
      <CallbacksQueue />
      <RecentCalls />
      <SimulateCall />
    </StaffPage>
  );
}
