// Message keys of the call center's codes (the outcome labels come bilingual from shared/domain/calls).
import type { CallStatus, PresenceStatus } from '../../../../shared/domain/calls';
import type { MessageKey } from '../../i18n';

export const CALL_STATUS_LABELS: Record<CallStatus, MessageKey> = {
  ringing: 'cc.callStatus.ringing',
  in_progress: 'cc.callStatus.in_progress',
  completed: 'cc.callStatus.completed',
  missed: 'cc.callStatus.missed',
  voicemail: 'cc.callStatus.voicemail',
};

export const PRESENCE_LABELS: Record<PresenceStatus, MessageKey> = {
  available: 'cc.presence.available',
  busy: 'cc.presence.busy',
  away: 'cc.presence.away',
  on_call: 'cc.presence.on_call',
};
