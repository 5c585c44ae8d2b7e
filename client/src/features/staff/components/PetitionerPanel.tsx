import { useT } from '../../../i18n';
import { describeStaffError } from '../errors';
import { useRevealPetitioner } from '../queries';

/**
 * GDPR / Legea 190/2018: the petitioner's personal data stays hidden until asked for; each read is logged
 * by the server, and the data is kept only in this component's state (never in the query cache).
 */
export function PetitionerPanel({ petitionId }: { petitionId: string }) {
  const { t, tm } = useT();
  const reveal = useRevealPetitioner(petitionId);
  const data = reveal.data;
  const name = data ? [data.firstName, data.lastName].filter(Boolean).join(' ') : '';
  const rows = data
    ? [
        { label: t('petitioner.kind'), value: t(data.kind === 'organization' ? 'petitioner.kind.organization' : 'petitioner.kind.person') },
        { label: t('petitioner.name'), value: name },
        { label: t('petitioner.organization'), value: data.organizationName ?? '' },
        { label: t('petitioner.email'), value: data.email ?? '' },
        { label: t('petitioner.phone'), value: data.phone ?? '' },
        { label: t('petitioner.address'), value: data.address ?? '' },
      ].filter((r) => r.value)
    : [];

  return (
    <section aria-labelledby="petitioner-title" className="panel">
      <h2 id="petitioner-title">{t('petitioner.title')}</h2>
      <p className="hint">{t('petitioner.logged')}</p>
      {!data && (
        <button type="button" className="button button--secondary" aria-disabled={reveal.isPending || undefined} onClick={() => !reveal.isPending && reveal.mutate()}>
          {t('petitioner.show')}
        </button>
      )}
      {reveal.isError && (
        <p className="inline-alert" role="alert">
          {tm(describeStaffError(reveal.error))}
        </p>
      )}
      {data && (
        <div data-testid="petitioner">
          {rows.length === 0 ? (
            <p>{t('petitioner.empty')}</p>
          ) : (
            <dl className="facts facts--compact">
              {rows.map((r) => (
                <div key={r.label}>
                  <dt>{r.label}</dt>
                  <dd className="break">{r.value}</dd>
                </div>
              ))}
            </dl>
          )}
          {!data.identified && <p className="notice notice--warning">{t('petitioner.unidentified')}</p>}
          <button type="button" className="button button--secondary button--small" onClick={() => reveal.reset()}>
            {t('petitioner.hide')}
          </button>
        </div>
      )}
    </section>
  );
}
