// The screen pop (issue 5 §2): a call ringing the agents, with what we know of the number. An alert (read
// out at once), focusable, and focused when it appears unless the agent is typing in a field.
import { useEffect, useRef } from 'react';
import type { CallIncomingEvent } from '../../../../../shared/api/socket-events';
import { useT } from '../../../i18n';
import { formatTime } from '../../../i18n/format';
import { formatPhone } from '../format';
import { CallerFacts } from './CallerFacts';

type Props = {
  call: CallIncomingEvent;
  answering: boolean;
  onAnswer: () => void;
  onIgnore: () => void;
};

export function IncomingCallPop({ call, answering, onAnswer, onIgnore }: Props) {
  const { t, lang } = useT();
  const ref = useRef<HTMLElement>(null);
  const number = call.phone ? formatPhone(call.phone) : t('cc.hiddenNumber');
  const titleId = `pop-${call.callId}-title`;

  useEffect(() => {
    // Typing in a field (a lookup, a note) is not interrupted; a button or a radio button gives way.
    const active = document.activeElement;
    const typing =
      (active instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit'].includes(active.type)) ||
      active instanceof HTMLTextAreaElement ||
      active instanceof HTMLSelectElement;
    if (!typing) ref.current?.focus();
  }, []);

  // The tab's title says it too, for an agent working in another window.
  useEffect(() => {
    const before = document.title;
    document.title = `${t('cc.pop.tabTitle', { phone: number })} — ${before}`;
    return () => {
      document.title = before;
    };
  }, [number, t]);

  return (
    <section ref={ref} className="incoming-call" role="alert" tabIndex={-1} aria-labelledby={titleId} data-testid="incoming-call" data-call-id={call.callId}>
      <h2 id={titleId} className="incoming-call__title">
        <span className="incoming-call__icon" aria-hidden="true">
          ☎
        </span>{' '}
        {t('cc.pop.title')}: <span className="mono incoming-call__number">{number}</span>
      </h2>
      <p className="incoming-call__who">
        {call.name ? t('cc.pop.known', { name: call.name }) : t('cc.pop.unknown')}
        <span className="cell-note">{t('cc.pop.since', { time: formatTime(new Date(call.startedAt), lang) })}</span>
      </p>
      <CallerFacts petitions={call.petitions} calls={call.calls} level={3} maxCalls={3} />
      <div className="incoming-call__buttons">
        <button type="button" className="button button--primary button--large" onClick={onAnswer} aria-disabled={answering || undefined}>
          {answering ? t('cc.pop.answering') : t('cc.pop.answer')}
        </button>
        <button type="button" className="button button--secondary" onClick={onIgnore}>
          {t('cc.pop.ignore')}
        </button>
      </div>
    </section>
  );
}
