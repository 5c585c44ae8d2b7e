import { useEffect, useRef } from 'react';
import { useT, type Message } from '../../../i18n';

export type FlashMessage = { kind: 'success' | 'error'; message: Message; id: number };

/** The outcome of the last action, announced and focused so keyboard and screen reader users find it. */
export function Flash({ flash, onDismiss }: { flash: FlashMessage | null; onDismiss: () => void }) {
  const { t, tm } = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (flash) ref.current?.focus();
  }, [flash]);
  if (!flash) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className={`notice notice--${flash.kind} flash`}
      role={flash.kind === 'error' ? 'alert' : 'status'}
      data-testid="flash"
    >
      <p>{tm(flash.message)}</p>
      <button type="button" className="button button--secondary button--small" onClick={onDismiss}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}
