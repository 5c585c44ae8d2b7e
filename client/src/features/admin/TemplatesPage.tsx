// "Modele" (issue 4 §1): the answer and notice templates, listed by kind; each opens for editing.
import { useT, type MessageKey } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { Link } from '../../router';
import { StaffPage } from '../staff/components/StaffPage';
import { staffPaths } from '../staff/paths';
import { useCategoryNames } from '../staff/queries';
import { describeAdminError, usePageFlash } from './form-helpers';
import { useAdminTemplates } from './queries';
import { TEMPLATE_KINDS, type TemplateKind } from './schemas';

export const TEMPLATE_KIND_LABELS: Record<TemplateKind, MessageKey> = {
  answer: 'admin.templates.kind.answer',
  forward_notice: 'admin.templates.kind.forward_notice',
  extension_notice: 'admin.templates.kind.extension_notice',
  filing_notice: 'admin.templates.kind.filing_notice',
  l544_refusal: 'admin.templates.kind.l544_refusal',
  l544_complexity: 'admin.templates.kind.l544_complexity',
};

export const PLACEHOLDERS = ['numar', 'data_inregistrare', 'termen', 'categorie', 'petent', 'compartiment', 'institutie', 'semnatar'] as const;

export function TemplatesPage() {
  const { t, tm, lang } = useT();
  const flash = usePageFlash();
  const templates = useAdminTemplates();
  const categories = useCategoryNames();
  const categoryName = (code: string | null) => (code === null ? t('admin.templates.allCategories') : (categories.data?.find((c) => c.code === code)?.name[lang] ?? code));
  const cols = {
    title: t('admin.templates.col.title'),
    category: t('admin.templates.col.category'),
    legalBasis: t('admin.templates.col.legalBasis'),
    updatedAt: t('admin.templates.col.updatedAt'),
    state: t('admin.users.col.state'),
  };

  return (
    <StaffPage title={t('admin.templates.title')}>
      {flash.element}
      <p className="lead">{t('admin.templates.intro')}</p>
      <PlaceholderList />
      <p className="actions">
        <Link to={staffPaths.admin.newTemplate} className="button button--primary">
          {t('admin.templates.new')}
        </Link>
      </p>
      {templates.isPending && <p role="status">{t('common.loading')}</p>}
      {templates.isError && (
        <p className="notice notice--error" role="alert">
          {tm(describeAdminError(templates.error))}
        </p>
      )}
      {templates.data &&
        TEMPLATE_KINDS.map((kind) => {
          const items = templates.data.items.filter((item) => item.kind === kind);
          return (
            <section key={kind} aria-labelledby={`templates-${kind}`} className="templates-kind" data-testid="templates-kind" data-kind={kind}>
              <h2 id={`templates-${kind}`}>{t(TEMPLATE_KIND_LABELS[kind])}</h2>
              {items.length === 0 ? (
                <p className="muted">{t('admin.templates.none')}</p>
              ) : (
                <div className="table-wrap">
                  <table className="queue-table">
                    <caption className="visually-hidden">{t(TEMPLATE_KIND_LABELS[kind])}</caption>
                    <thead>
                      <tr>
                        {Object.values(cols).map((c) => (
                          <th scope="col" key={c}>
                            {c}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {items.map((item) => (
                        <tr key={item.id} data-testid="template-row" data-id={item.id}>
                          <th scope="row" data-label={cols.title}>
                            <Link to={staffPaths.admin.template(item.id)}>{item.title}</Link>
                          </th>
                          <td data-label={cols.category}>{categoryName(item.categoryCode)}</td>
                          <td data-label={cols.legalBasis}>{item.legalBasis || <span className="muted">{t('common.none')}</span>}</td>
                          <td data-label={cols.updatedAt}>{formatDateTime(item.updatedAt, lang)}</td>
                          <td data-label={cols.state}>
                            <span className={item.active ? 'tag tag--success' : 'tag'}>{t(item.active ? 'admin.active' : 'admin.inactive')}</span>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          );
        })}
    </StaffPage>
  );
}

/** The fields a template may use, with what each becomes. */
export function PlaceholderList() {
  const { t } = useT();
  return (
    <details className="panel placeholders">
      <summary>{t('admin.templates.placeholders')}</summary>
      <dl className="facts facts--compact">
        {PLACEHOLDERS.map((name) => (
          <div key={name}>
            <dt>
              <code>{`{{${name}}}`}</code>
            </dt>
            <dd>{t(`admin.templates.ph.${name}`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
