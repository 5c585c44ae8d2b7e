// A template, new or edited: kind (fixed once created), category, title, text, legal basis, active.
// Answer kinds are rich text (the answer's editor); notices are plain text, sent by e-mail.
import { useState, type FormEvent } from 'react';
import { FieldError, FormField, RequiredMark } from '../../components/FormField';
import { useT, type MessageKey } from '../../i18n';
import { Link, navigate } from '../../router';
import { RichTextEditor } from '../answers/RichTextEditor';
import { answerText, cleanAnswerHtml } from '../answers/answer-html';
import { StaffPage } from '../staff/components/StaffPage';
import { focusControl, serverFieldIssues } from '../staff/errors';
import { setNextFlash } from '../staff/flash-store';
import { staffPaths } from '../staff/paths';
import { useCategoryNames } from '../staff/queries';
import { Checkbox, describeAdminError, FormError, isGeneralError, useFieldErrors, usePageFlash } from './form-helpers';
import { useAdminTemplates, useCreateTemplate, useUpdateTemplate } from './queries';
import { RICH_TEMPLATE_KINDS, TEMPLATE_KINDS, type AdminTemplate, type TemplateKind } from './schemas';
import { PlaceholderList, TEMPLATE_KIND_LABELS } from './TemplatesPage';

const FIELDS = ['kind', 'categoryCode', 'title', 'body', 'legalBasis', 'active'];
type Errors = Partial<Record<string, MessageKey>>;

export function TemplateFormPage({ id }: { id?: string }) {
  const { t, tm } = useT();
  const templates = useAdminTemplates();
  const template = id ? templates.data?.items.find((item) => item.id === id) : undefined;
  const title = id ? (template ? t('admin.template.editTitle', { title: template.title }) : t('admin.templates.title')) : t('admin.template.newTitle');
  return (
    <StaffPage
      title={title}
      before={
        <p className="back-link">
          <Link to={staffPaths.admin.templates}>{t('admin.templates.back')}</Link>
        </p>
      }
    >
      {!id && <TemplateForm />}
      {id && templates.isPending && <p role="status">{t('common.loading')}</p>}
      {id && templates.isError && (
        <p className="notice notice--error" role="alert">
          {tm(describeAdminError(templates.error))}
        </p>
      )}
      {id && templates.data && !template && <p className="notice notice--warning">{t('admin.template.notFound')}</p>}
      {template && <TemplateForm key={template.id} template={template} />}
    </StaffPage>
  );
}

function TemplateForm({ template }: { template?: AdminTemplate }) {
  const { t, lang } = useT();
  const categories = useCategoryNames();
  const create = useCreateTemplate();
  const update = useUpdateTemplate(template?.id ?? '');
  const mutation = template ? update : create;
  const flash = usePageFlash();
  const [kind, setKind] = useState<TemplateKind | ''>(template?.kind ?? '');
  const [categoryCode, setCategoryCode] = useState(template?.categoryCode ?? '');
  const [title, setTitle] = useState(template?.title ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const [legalBasis, setLegalBasis] = useState(template?.legalBasis ?? '');
  const [active, setActive] = useState(template?.active ?? true);
  const [clientErrors, setClientErrors] = useState<Errors>({});
  const fieldError = useFieldErrors(mutation.error, clientErrors);
  const rich = kind !== '' && RICH_TEMPLATE_KINDS.includes(kind);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const text = rich ? cleanAnswerHtml(body) : body.trim();
    const found: Errors = {};
    if (!kind) found.kind = 'admin.template.kind.required';
    if (title.trim().length < 3) found.title = 'admin.template.title.required';
    if ((rich ? answerText(text) : text).length < 3) found.body = 'admin.template.body.required';
    setClientErrors(found);
    const first = FIELDS.find((f) => found[f]);
    if (first || !kind) {
      mutation.reset();
      if (first) focusControl(`template-${first}`);
      return;
    }
    const fields = { categoryCode: categoryCode || null, title: title.trim(), body: text, legalBasis: legalBasis.trim() };
    const onError = (error: unknown) => {
      const issue = FIELDS.find((f) => serverFieldIssues(error).has(f));
      if (issue) focusControl(`template-${issue}`);
    };
    if (template) {
      update.mutate({ ...fields, active }, { onSuccess: () => flash.show({ key: 'admin.saved' }), onError });
    } else {
      create.mutate(
        { kind, ...fields },
        {
          onSuccess: ({ template: created }) => {
            setNextFlash({ key: 'admin.template.created', vars: { title: created.title } });
            navigate(staffPaths.admin.templates);
          },
          onError,
        },
      );
    }
  };

  const bodyError = fieldError('body');
  return (
    <>
      {flash.element}
      <FormError error={mutation.error} shown={isGeneralError(mutation.error, FIELDS)} />
      <form className="template-form" noValidate onSubmit={onSubmit}>
        <FormField id="template-kind" label={t('admin.template.kind')} error={fieldError('kind')} required>
          {(c) => (
            <select {...c} value={kind} disabled={Boolean(template)} onChange={(e) => setKind(e.target.value as TemplateKind | '')}>
              <option value="">{t('common.choose')}</option>
              {TEMPLATE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(TEMPLATE_KIND_LABELS[k])}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="template-categoryCode" label={t('admin.template.category')} hint={t('admin.template.category.hint')} error={fieldError('categoryCode')}>
          {(c) => (
            <select {...c} value={categoryCode} onChange={(e) => setCategoryCode(e.target.value)}>
              <option value="">{t('admin.templates.allCategories')}</option>
              {(categories.data ?? []).map((cat) => (
                <option key={cat.code} value={cat.code}>
                  {cat.name[lang]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="template-title" label={t('admin.template.title')} hint={t('admin.template.title.hint')} error={fieldError('title')} required>
          {(c) => <input {...c} type="text" autoComplete="off" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </FormField>
        {rich ? (
          <div className={bodyError ? 'field field--error' : 'field'}>
            <span id="template-body-label" className="label">
              {t('admin.template.body')}
              <RequiredMark />
            </span>
            <div id="template-body-hint" className="hint">
              {t('admin.template.body.hint.html')}
            </div>
            {bodyError && <FieldError id="template-body-error" message={bodyError} />}
            <RichTextEditor
              id="template-body"
              labelId="template-body-label"
              describedBy={bodyError ? 'template-body-hint template-body-error' : 'template-body-hint'}
              invalid={Boolean(bodyError)}
              required
              value={body}
              onChange={setBody}
            />
          </div>
        ) : (
          <FormField id="template-body" label={t('admin.template.body')} hint={t('admin.template.body.hint.text')} error={bodyError} required>
            {(c) => <textarea {...c} rows={8} value={body} onChange={(e) => setBody(e.target.value)} />}
          </FormField>
        )}
        <FormField id="template-legalBasis" label={t('admin.template.legalBasis')} hint={t('admin.template.legalBasis.hint')} error={fieldError('legalBasis')}>
          {(c) => <input {...c} type="text" autoComplete="off" maxLength={1000} value={legalBasis} onChange={(e) => setLegalBasis(e.target.value)} />}
        </FormField>
        {template && <Checkbox id="template-active" label={t('admin.template.active')} hint={t('admin.template.active.hint')} checked={active} onChange={setActive} />}
        <PlaceholderList />
        <button type="submit" className="button button--primary" aria-disabled={mutation.isPending || undefined}>
          {template ? t('admin.save') : t('admin.template.create')}
        </button>
      </form>
    </>
  );
}
