import type { Category } from '../../../../shared/api/catalog';
import { FormField } from '../../components/FormField';
import { useT, type MessageKey } from '../../i18n';
import { useCategories } from './queries';

type Group = 'department' | 'institution' | 'l544';
const GROUPS: { group: Group; label: MessageKey }[] = [
  { group: 'department', label: 'form.category.group.department' },
  { group: 'institution', label: 'form.category.group.institution' },
  { group: 'l544', label: 'form.category.group.l544' },
];

const groupOf = (c: Category): Group => (c.regime === 'l544' ? 'l544' : c.handler?.kind === 'institution' ? 'institution' : 'department');

type Props = { value: string; onChange: (code: string) => void; error?: string | undefined };

export function CategoryField({ value, onChange, error }: Props) {
  const { t, lang } = useT();
  const categories = useCategories();
  const list = categories.data ?? [];
  const chosen = list.find((c) => c.code === value);
  const sorted = [...list].sort((a, b) => a.name[lang].localeCompare(b.name[lang], lang));

  return (
    <FormField
      id="categoryCode"
      label={t('form.category')}
      error={error}
      required
      describedBy={['categoryCode-handler']}
      after={
        <>
          {categories.isError && (
            <p className="inline-alert">
              {t('form.category.loadError')}{' '}
              <button type="button" className="button button--secondary button--small" onClick={() => void categories.refetch()}>
                {t('common.retry')}
              </button>
            </p>
          )}
          <div id="categoryCode-handler" className="handler-info" aria-live="polite">
            {chosen && <HandlerInfo category={chosen} />}
          </div>
        </>
      }
    >
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)} aria-busy={categories.isPending || undefined}>
          <option value="">{categories.isPending ? t('common.loading') : t('form.category.choose')}</option>
          {GROUPS.map(({ group, label }) => {
            const items = sorted.filter((c) => groupOf(c) === group);
            if (items.length === 0) return null;
            return (
              <optgroup key={group} label={t(label)}>
                {items.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name[lang]}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      )}
    </FormField>
  );
}

function HandlerInfo({ category }: { category: Category }) {
  const { t } = useT();
  // Legea 544/2001: its own register and a 10-day term, whoever answers.
  if (category.regime === 'l544') return <p>{t('form.handler.l544')}</p>;
  const handler = category.handler;
  if (!handler) return <p>{t('form.handler.registry')}</p>;
  // OG 27/2002 art. 6^1: a petition for another institution is forwarded within 5 days.
  if (handler.kind === 'institution') return <p>{t('form.handler.institution', { name: handler.name })}</p>;
  return <p>{t('form.handler.department', { code: handler.code, name: handler.name })}</p>;
}
