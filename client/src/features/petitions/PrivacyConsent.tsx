import { FieldError } from '../../components/FormField';
import { useT } from '../../i18n';
import { Link } from '../../router';

type Props = { checked: boolean; onChange: (checked: boolean) => void; error?: string | undefined };

/** The short GDPR notice (art. 13) and the box that says it was read; the full notice is on /confidentialitate. */
export function PrivacyConsent({ checked, onChange, error }: Props) {
  const { t } = useT();
  return (
    <section className="notice" aria-labelledby="gdpr-title">
      <h2 id="gdpr-title" className="notice__title">
        {t('form.gdpr.title')}
      </h2>
      <p>{t('form.gdpr.who')}</p>
      <p>{t('form.gdpr.basis')}</p>
      <p>{t('form.gdpr.keep')}</p>
      <p>{t('form.gdpr.rights')}</p>
      <p>
        <Link to="/confidentialitate" target="_blank" rel="noopener">
          {t('form.gdpr.link')} {t('common.newTab')}
        </Link>
      </p>
      <div className={error ? 'field field--error checkbox' : 'field checkbox'}>
        {error && <FieldError id="consent-error" message={error} />}
        <input
          type="checkbox"
          id="consent"
          name="consent"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'consent-error' : undefined}
        />
        <label htmlFor="consent">
          {t('form.consent')}
          <span className="required-mark" aria-hidden="true">
            {' *'}
          </span>
        </label>
      </div>
    </section>
  );
}
