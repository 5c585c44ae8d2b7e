import { useState } from 'react';
import { Page } from '../../components/Page';
import { useT } from '../../i18n';
import { formatDate, formatDateTime } from '../../i18n/format';
import { Link } from '../../router';
import { trackingPath } from '../tracking/tracking-codes';
import { loadConfirmation } from './confirmation-store';

export function ConfirmationPage() {
  const { t, lang } = useT();
  const [confirmation] = useState(loadConfirmation);

  if (!confirmation) {
    return (
      <Page title={t('confirm.none.title')}>
        <p>{t('confirm.none')}</p>
        <p className="actions">
          <Link to="/urmarire" className="button button--primary">
            {t('nav.track')}
          </Link>
          <Link to="/petitie-noua" className="button button--secondary">
            {t('nav.new')}
          </Link>
        </p>
      </Page>
    );
  }

  const { registrationNumber, trackingCode } = confirmation;
  return (
    <Page title={t('confirm.title')}>
      <div className="credentials">
        <div className="credential">
          <h2 className="credential__label">{t('confirm.number')}</h2>
          <p className="credential__value" data-testid="registration-number">
            {registrationNumber}
          </p>
        </div>
        <div className="credential">
          <h2 className="credential__label">{t('confirm.code')}</h2>
          <p className="credential__value credential__value--code" data-testid="tracking-code">
            {trackingCode}
          </p>
        </div>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('confirm.registeredAt')}</dt>
          <dd>{formatDateTime(confirmation.registeredAt, lang)}</dd>
        </div>
        <div>
          <dt>{t('confirm.dueOn')}</dt>
          <dd data-testid="due-on">{formatDate(confirmation.dueOn, lang)}</dd>
        </div>
      </dl>
      <p>{t('confirm.keep')}</p>
      {!confirmation.identified && (
        // OG 27/2002 art. 7: registered, but the city hall need not answer without a name and a contact.
        <div className="notice notice--warning" data-testid="not-identified">
          <h2 className="notice__title">{t('confirm.anon.title')}</h2>
          <p>{t('confirm.anon')}</p>
        </div>
      )}
      <p className="actions no-print">
        <Link to={trackingPath(registrationNumber, trackingCode)} className="button button--primary">
          {t('confirm.track')}
        </Link>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t('confirm.print')}
        </button>
      </p>
      <p className="no-print">
        <Link to="/petitie-noua">{t('confirm.another')}</Link>
      </p>
    </Page>
  );
}
