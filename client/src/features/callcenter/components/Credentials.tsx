// The registration number and the tracking code, large, in monospace, group by group: the agent reads
// them back to the caller. The text of each value is exactly the value (groups joined by their hyphens).
import type { Ref } from 'react';
import { useT } from '../../../i18n';
import { formatDate } from '../../../i18n/format';

type Props = { registrationNumber: string; trackingCode: string; dueOn: string; smsTo: string | null; emailTo: string | null; ref?: Ref<HTMLHeadingElement> };

function Grouped({ value }: { value: string }) {
  const groups = value.split('-');
  return (
    <>
      {groups.map((g, i) => (
        <span key={i}>
          <span className="readback__group">{g}</span>
          {i < groups.length - 1 && <span className="readback__sep">-</span>}
        </span>
      ))}
    </>
  );
}

export function Credentials({ registrationNumber, trackingCode, dueOn, smsTo, emailTo, ref }: Props) {
  const { t, lang } = useT();
  return (
    <section className="readback" aria-labelledby="readback-title" data-testid="phone-registration">
      <h3 id="readback-title" ref={ref} tabIndex={-1} className="readback__title">
        {t('cc.readback.title')}
      </h3>
      <p className="readback__intro">{t('cc.readback.intro')}</p>
      <dl className="readback__values">
        <div className="readback__item">
          <dt className="readback__label">{t('cc.readback.number')}</dt>
          <dd className="readback__value" data-testid="phone-registration-number">
            <Grouped value={registrationNumber} />
          </dd>
        </div>
        <div className="readback__item">
          <dt className="readback__label">{t('cc.readback.code')}</dt>
          <dd className="readback__value" data-testid="phone-tracking-code">
            <Grouped value={trackingCode} />
          </dd>
        </div>
      </dl>
      <p>
        {t('cc.readback.dueOn')} <strong data-testid="phone-due-on">{formatDate(dueOn, lang)}</strong>
      </p>
      <ul className="readback__notices">
        {smsTo && <li>{t('cc.readback.sms', { phone: smsTo })}</li>}
        {emailTo && <li>{t('cc.readback.email', { email: emailTo })}</li>}
        {!smsTo && !emailTo && <li>{t('cc.readback.post')}</li>}
      </ul>
    </section>
  );
}
