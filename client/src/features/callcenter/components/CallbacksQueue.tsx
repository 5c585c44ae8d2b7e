// The callback queue (issue 5 §3): missed calls, messages left and promised callbacks, oldest first.
import { useState } from 'react';
import type { CallDto } from '../../../../../shared/api/calls';
import { useT, type Message, type MessageKey } from '../../../i18n';
import { formatDateTime } from '../../../i18n/format';
import { describeCallError } from '../errors';
import { formatPhone } from '../format';
import { useCallbackDone, useCallbacks } from '../queries';

function kindOf(call: CallDto): MessageKey {
  if (call.status === 'voicemail') return 'cc.callbacks.voicemail';
  if (call.outcome === 'callback_promised' && call.status !== 'missed') return 'cc.callbacks.promised';
  return 'cc.callbacks.missed';
}

export function CallbacksQueue() {
  const { t, tm, lang } = useT();
  const callbacks = useCallbacks();
  const done = useCallbackDone();
  const [result, setResult] = useState<{ message: Message; kind: 'success' | 'error' } | null>(null);
  const items = callbacks.data?.items ?? [];

  const markDone = (call: CallDto) => {
    if (done.isPending) return;
    const phone = call.phone ? formatPhone(call.phone) : t('cc.hiddenNumber');
    done.mutate(call.id, {
      onSuccess: () => {
        setResult({ message: { key: 'cc.callbacks.doneFor', vars: { phone } }, kind: 'success' });
        document.getElementById('callbacks-title')?.focus();
      },
      onError: (error) => setResult({ message: describeCallError(error), kind: 'error' }),
    });
  };

  return (
    <section className="panel" aria-labelledby="callbacks-title" id="reveniri">
      <h2 id="callbacks-title" tabIndex={-1}>
        {t('cc.callbacks.title')} {callbacks.data && <span className="count-badge">{items.length}</span>}
      </h2>
      <p className="hint">{t('cc.callbacks.intro')}</p>
      <div role="status">{result && <p className={`notice notice--${result.kind}`}>{tm(result.message)}</p>}</div>
      {callbacks.isPending && <p>{t('common.loading')}</p>}
      {callbacks.isError && <p className="notice notice--error">{tm(describeCallError(callbacks.error))}</p>}
      {callbacks.data && items.length === 0 && <p>{t('cc.callbacks.none')}</p>}
      {items.length > 0 && (
        <ol className="callback-list" data-testid="callbacks">
          {items.map((c) => {
            const phone = c.phone ? formatPhone(c.phone) : t('cc.hiddenNumber');
            return (
              <li key={c.id} className="callback" data-testid="callback">
                <div className="callback__text">
                  <p className="callback__who">
                    {c.phone ? (
                      <a href={`tel:${c.phone}`} className="mono">
                        {phone}
                      </a>
                    ) : (
                      phone
                    )}{' '}
                    <span className="tag">{t(kindOf(c))}</span>
                  </p>
                  <p className="cell-note">
                    <time dateTime={c.startedAt}>{formatDateTime(c.startedAt, lang)}</time>
                    {c.agent && <> · {t('cc.facts.agent', { name: c.agent.name })}</>}
                  </p>
                  {c.notes && <p className="plain-text">{c.notes}</p>}
                  {c.recordingUrl && (
                    <p>
                      <a href={c.recordingUrl} target="_blank" rel="noopener noreferrer">
                        {t('cc.callbacks.recording')} {t('common.newTab')}
                      </a>
                    </p>
                  )}
                </div>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => markDone(c)}
                  aria-disabled={done.isPending || undefined}
                  aria-label={t('cc.callbacks.doneLabel', { phone })}
                >
                  {t('cc.callbacks.done')}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
