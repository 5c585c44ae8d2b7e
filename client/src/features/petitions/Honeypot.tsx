import { useT } from '../../i18n';

/** A field only robots fill in: off-screen, out of the tab order and hidden from assistive technology. */
export function Honeypot({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useT();
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor="website">{t('form.website')}</label>
      <input
        type="text"
        id="website"
        name="website"
        tabIndex={-1}
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
