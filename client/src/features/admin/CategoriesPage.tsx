import { useState, type FormEvent } from 'react';
import { ADMIN_LIMITS, CATEGORY_ROUTINGS, DEADLINE_COUNTINGS, type AdminCategory } from '../../../../shared/api/admin';
import { FormField } from '../../components/FormField';
import { RadioGroup } from '../../components/RadioGroup';
import { useT, type MessageKey } from '../../i18n';
import { Link } from '../../router';
import { StaffPage } from '../staff/components/StaffPage';
import { focusControl, serverFieldIssues } from '../staff/errors';
import { staffPaths } from '../staff/paths';
import { useDepartments, useInstitutions } from '../staff/queries';
import { Checkbox, describeAdminError, FormError, isGeneralError, useFieldErrors, usePageFlash } from './form-helpers';
import { useAdminCategories, useUpdateCategory } from './queries';

type Routing = (typeof CATEGORY_ROUTINGS)[number];
type Counting = (typeof DEADLINE_COUNTINGS)[number];
const ROUTING_LABELS: Record<Routing, MessageKey> = {
  department: 'admin.category.routing.department',
  forward: 'admin.category.routing.forward',
  by_person: 'admin.category.routing.by_person',
};
const ROUTING_HINTS: Record<Routing, MessageKey> = {
  department: 'admin.category.routing.department.hint',
  forward: 'admin.category.routing.forward.hint',
  by_person: 'admin.category.routing.by_person.hint',
};

export function CategoriesPage() {
  const { t, tm, lang } = useT();
  const categories = useAdminCategories();
  const cols = {
    code: t('admin.categories.col.code'),
    name: t('admin.categories.col.name'),
    routing: t('admin.categories.col.routing'),
    public: t('admin.categories.col.public'),
    deadline: t('admin.categories.col.deadline'),
    internal: t('admin.categories.col.internal'),
    state: t('admin.users.col.state'),
  };
  return (
    <StaffPage title={t('admin.categories.title')}>
      {categories.isPending && <p role="status">{t('common.loading')}</p>}
      {categories.isError && (
        <p className="notice notice--error" role="alert">
          {tm(describeAdminError(categories.error))}
        </p>
      )}
      {categories.data && (
        <div className="table-wrap">
          <table className="queue-table data-table">
            <caption className="visually-hidden">{t('admin.categories.title')}</caption>
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
              {categories.data.items.map((c) => (
                <tr key={c.code} data-testid="category-row" data-code={c.code}>
                  <th scope="row" data-label={cols.code}>
                    <Link to={staffPaths.admin.category(c.code)}>{c.code}</Link>
                  </th>
                  <td data-label={cols.name}>
                    {lang === 'en' ? c.nameEn : c.nameRo}
                    {c.regime === 'l544' && <span className="cell-note">{t('facts.regime.l544')}</span>}
                  </td>
                  <td data-label={cols.routing}>
                    {t(ROUTING_LABELS[c.routing])}
                    {(c.handlerDepartmentCode ?? c.handlerInstitutionCode) && `: ${c.handlerDepartmentCode ?? c.handlerInstitutionCode}`}
                  </td>
                  <td data-label={cols.public}>{t(c.public ? 'common.yes' : 'common.no')}</td>
                  <td data-label={cols.deadline}>
                    {c.deadlineDays === null
                      ? t('admin.category.deadline.default')
                      : t(c.deadlineCounting === 'free_days' ? 'admin.category.deadline.freeDays' : 'admin.category.deadline.days', { n: c.deadlineDays })}
                  </td>
                  <td data-label={cols.internal}>{t('admin.category.internal.value', { n: c.internalDueWorkingDays })}</td>
                  <td data-label={cols.state}>
                    <span className={c.active ? 'tag tag--success' : 'tag'}>{t(c.active ? 'admin.active' : 'admin.inactive')}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffPage>
  );
}

export function CategoryEditPage({ code }: { code: string }) {
  const { t, tm } = useT();
  const categories = useAdminCategories();
  const category = categories.data?.items.find((c) => c.code === code);
  return (
    <StaffPage
      title={t('admin.category.editTitle', { code })}
      before={
        <p className="back-link">
          <Link to={staffPaths.admin.categories}>{t('admin.categories.back')}</Link>
        </p>
      }
    >
      {categories.isPending && <p role="status">{t('common.loading')}</p>}
      {categories.isError && (
        <p className="notice notice--error" role="alert">
          {tm(describeAdminError(categories.error))}
        </p>
      )}
      {categories.data && !category && <p className="notice notice--warning">{t('admin.err.categoryNotFound')}</p>}
      {category && <CategoryForm key={category.code} category={category} />}
    </StaffPage>
  );
}

const FIELDS = ['nameRo', 'nameEn', 'routing', 'handlerDepartmentCode', 'handlerInstitutionCode', 'public', 'deadlineDays', 'deadlineCounting', 'internalDueWorkingDays', 'active'];
const isWhole = (value: string, min: number, max: number) => /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max;

function CategoryForm({ category }: { category: AdminCategory }) {
  const { t } = useT();
  const update = useUpdateCategory(category.code);
  const departments = useDepartments();
  const institutions = useInstitutions();
  const flash = usePageFlash();
  const [nameRo, setNameRo] = useState(category.nameRo);
  const [nameEn, setNameEn] = useState(category.nameEn);
  const [routing, setRouting] = useState<Routing | ''>(category.routing);
  const [handlerDepartmentCode, setHandlerDepartmentCode] = useState(category.handlerDepartmentCode ?? '');
  const [handlerInstitutionCode, setHandlerInstitutionCode] = useState(category.handlerInstitutionCode ?? '');
  const [isPublic, setIsPublic] = useState(category.public);
  const [override, setOverride] = useState(category.deadlineDays !== null);
  const [deadlineDays, setDeadlineDays] = useState(category.deadlineDays === null ? '' : String(category.deadlineDays));
  const [counting, setCounting] = useState<Counting | ''>(category.deadlineCounting ?? 'calendar');
  const [internalDays, setInternalDays] = useState(String(category.internalDueWorkingDays));
  const [active, setActive] = useState(category.active);
  const [clientErrors, setClientErrors] = useState<Partial<Record<string, MessageKey>>>({});
  const fieldError = useFieldErrors(update.error, clientErrors);
  const { deadlineDays: dd, internalDueWorkingDays: idd } = ADMIN_LIMITS;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Partial<Record<string, MessageKey>> = {};
    if (nameRo.trim().length < 2) found.nameRo = 'admin.category.name.required';
    if (nameEn.trim().length < 2) found.nameEn = 'admin.category.name.required';
    if (routing === 'department' && !handlerDepartmentCode) found.handlerDepartmentCode = 'admin.category.handler.department.required';
    if (routing === 'forward' && !handlerInstitutionCode) found.handlerInstitutionCode = 'admin.category.handler.institution.required';
    if (override && !isWhole(deadlineDays, dd.min, dd.max)) found.deadlineDays = 'admin.category.deadline.invalid';
    if (!isWhole(internalDays, idd.min, idd.max)) found.internalDueWorkingDays = 'admin.category.internal.invalid';
    setClientErrors(found);
    const first = FIELDS.find((f) => found[f]);
    if (first) {
      update.reset();
      focusControl(`category-${first}`);
      return;
    }
    update.mutate(
      {
        nameRo: nameRo.trim(),
        nameEn: nameEn.trim(),
        routing: routing || category.routing,
        handlerDepartmentCode: routing === 'department' ? handlerDepartmentCode : null,
        handlerInstitutionCode: routing === 'forward' ? handlerInstitutionCode : null,
        public: isPublic,
        deadlineDays: override ? Number(deadlineDays) : null,
        deadlineCounting: override ? counting || 'calendar' : null,
        internalDueWorkingDays: Number(internalDays),
        active,
      },
      {
        onSuccess: () => flash.show({ key: 'admin.saved' }),
        onError: (error) => {
          const issues = serverFieldIssues(error);
          const first = FIELDS.find((f) => issues.has(f));
          if (first) focusControl(`category-${first}`);
        },
      },
    );
  };

  return (
    <>
      {flash.element}
      <FormError error={update.error} shown={isGeneralError(update.error, FIELDS)} />
      <form className="narrow-form" noValidate onSubmit={onSubmit} aria-label={t('admin.category.editTitle', { code: category.code })}>
        <p className="hint">{t(category.regime === 'l544' ? 'facts.regime.l544' : 'facts.regime.og27')}</p>
        <FormField id="category-nameRo" label={t('admin.category.nameRo')} error={fieldError('nameRo')} required>
          {(c) => <input {...c} type="text" lang="ro" value={nameRo} onChange={(e) => setNameRo(e.target.value)} />}
        </FormField>
        <FormField id="category-nameEn" label={t('admin.category.nameEn')} error={fieldError('nameEn')} required>
          {(c) => <input {...c} type="text" lang="en" value={nameEn} onChange={(e) => setNameEn(e.target.value)} />}
        </FormField>
        <RadioGroup<Routing>
          name="category-routing"
          legend={t('admin.categories.col.routing')}
          required
          value={routing}
          onChange={setRouting}
          error={fieldError('routing')}
          options={CATEGORY_ROUTINGS.map((r) => ({ value: r, label: t(ROUTING_LABELS[r]), hint: t(ROUTING_HINTS[r]) }))}
        />
        {routing === 'department' && (
          <FormField id="category-handlerDepartmentCode" label={t('admin.category.handler.department')} error={fieldError('handlerDepartmentCode')} required>
            {(c) => (
              <select {...c} value={handlerDepartmentCode} onChange={(e) => setHandlerDepartmentCode(e.target.value)}>
                <option value="">{t('common.choose')}</option>
                {(departments.data ?? []).map((d) => (
                  <option key={d.code} value={d.code}>{`${d.code} — ${d.name}`}</option>
                ))}
              </select>
            )}
          </FormField>
        )}
        {routing === 'forward' && (
          <FormField id="category-handlerInstitutionCode" label={t('admin.category.handler.institution')} error={fieldError('handlerInstitutionCode')} required>
            {(c) => (
              <select {...c} value={handlerInstitutionCode} onChange={(e) => setHandlerInstitutionCode(e.target.value)}>
                <option value="">{t('common.choose')}</option>
                {(institutions.data ?? []).map((i) => (
                  <option key={i.code} value={i.code}>{`${i.code} — ${i.name}`}</option>
                ))}
              </select>
            )}
          </FormField>
        )}
        <Checkbox id="category-public" label={t('admin.category.public')} hint={t('admin.category.public.hint')} checked={isPublic} onChange={setIsPublic} />
        <Checkbox id="category-override" label={t('admin.category.override')} hint={t('admin.category.override.hint')} checked={override} onChange={setOverride} />
        {override && (
          <>
            <FormField
              id="category-deadlineDays"
              label={t('admin.category.deadlineDays')}
              hint={t('admin.category.deadlineDays.hint', { min: dd.min, max: dd.max })}
              error={fieldError('deadlineDays')}
              required
            >
              {(c) => <input {...c} type="number" inputMode="numeric" min={dd.min} max={dd.max} value={deadlineDays} onChange={(e) => setDeadlineDays(e.target.value)} />}
            </FormField>
            <RadioGroup<Counting>
              name="category-deadlineCounting"
              legend={t('admin.category.counting')}
              value={counting}
              onChange={setCounting}
              error={fieldError('deadlineCounting')}
              options={[
                { value: 'calendar', label: t('admin.category.counting.calendar') },
                { value: 'free_days', label: t('admin.category.counting.free_days') },
              ]}
            />
          </>
        )}
        <FormField
          id="category-internalDueWorkingDays"
          label={t('admin.category.internal')}
          hint={t('admin.category.internal.hint', { min: idd.min, max: idd.max })}
          error={fieldError('internalDueWorkingDays')}
          required
        >
          {(c) => <input {...c} type="number" inputMode="numeric" min={idd.min} max={idd.max} value={internalDays} onChange={(e) => setInternalDays(e.target.value)} />}
        </FormField>
        <Checkbox id="category-active" label={t('admin.category.active')} hint={t('admin.category.active.hint')} checked={active} onChange={setActive} />
        <button type="submit" className="button button--primary" aria-disabled={update.isPending || undefined}>
          {t('admin.save')}
        </button>
      </form>
    </>
  );
}
