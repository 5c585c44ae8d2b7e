import { useState, type FormEvent } from 'react';
import { DEPARTMENT_KINDS, type AdminDepartment } from '../../../../shared/api/admin';
import { FormField } from '../../components/FormField';
import { RadioGroup } from '../../components/RadioGroup';
import { useT, type MessageKey } from '../../i18n';
import { Link } from '../../router';
import { StaffPage } from '../staff/components/StaffPage';
import { focusControl, serverFieldIssues } from '../staff/errors';
import { staffPaths } from '../staff/paths';
import { describeAdminError, FormError, isGeneralError, useFieldErrors, usePageFlash } from './form-helpers';
import { useAdminDepartments, useCreateDepartment, useUpdateDepartment } from './queries';

type Kind = (typeof DEPARTMENT_KINDS)[number];
const KIND_LABELS: Record<Kind, MessageKey> = { internal: 'admin.department.kind.internal', subordinate: 'admin.department.kind.subordinate' };

export function DepartmentsPage() {
  const { t, tm } = useT();
  const departments = useAdminDepartments();
  const flash = usePageFlash();
  const cols = {
    code: t('admin.departments.col.code'),
    name: t('admin.departments.col.name'),
    kind: t('admin.departments.col.kind'),
    users: t('admin.departments.col.users'),
    state: t('admin.users.col.state'),
  };
  return (
    <StaffPage title={t('admin.departments.title')}>
      {flash.element}
      {departments.isPending && <p role="status">{t('common.loading')}</p>}
      {departments.isError && (
        <p className="notice notice--error" role="alert">
          {tm(describeAdminError(departments.error))}
        </p>
      )}
      {departments.data && (
        <div className="table-wrap">
          <table className="queue-table data-table">
            <caption className="visually-hidden">{t('admin.departments.title')}</caption>
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
              {departments.data.items.map((d) => (
                <tr key={d.code} data-testid="department-row" data-code={d.code}>
                  <th scope="row" data-label={cols.code}>
                    <Link to={staffPaths.admin.department(d.code)}>{d.code}</Link>
                  </th>
                  <td data-label={cols.name}>
                    {d.name}
                    {d.isRegistry && <span className="cell-note">{t('admin.department.registry')}</span>}
                  </td>
                  <td data-label={cols.kind}>{t(KIND_LABELS[d.kind])}</td>
                  <td data-label={cols.users}>{d.userCount}</td>
                  <td data-label={cols.state}>
                    <span className={d.active ? 'tag tag--success' : 'tag'}>{t(d.active ? 'admin.active' : 'admin.inactive')}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewDepartmentForm onCreated={(code) => flash.show({ key: 'admin.department.created', vars: { code } })} />
    </StaffPage>
  );
}

const CREATE_FIELDS = ['code', 'name', 'kind'];

function NewDepartmentForm({ onCreated }: { onCreated: (code: string) => void }) {
  const { t } = useT();
  const create = useCreateDepartment();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind | ''>('');
  const [clientErrors, setClientErrors] = useState<Partial<Record<string, MessageKey>>>({});
  const fieldError = useFieldErrors(create.error, clientErrors, { code: 'admin.err.departmentCodeTaken' });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const normalized = code.trim().toUpperCase();
    const found: Partial<Record<string, MessageKey>> = {};
    if (!/^[A-Z0-9]{2,12}$/.test(normalized)) found.code = 'admin.department.code.invalid';
    if (name.trim().length < 2) found.name = 'admin.department.name.required';
    if (!kind) found.kind = 'admin.department.kind.required';
    setClientErrors(found);
    const first = CREATE_FIELDS.find((f) => found[f]);
    if (first) {
      create.reset();
      focusControl(`department-${first}`);
      return;
    }
    create.mutate(
      { code: normalized, name: name.trim(), kind: kind as Kind },
      {
        onSuccess: ({ department }) => {
          setCode('');
          setName('');
          setKind('');
          onCreated(department.code);
        },
        onError: (error) => {
          const issues = serverFieldIssues(error);
          const first = CREATE_FIELDS.find((f) => issues.has(f));
          if (first) focusControl(`department-${first}`);
        },
      },
    );
  };

  return (
    <section aria-labelledby="new-department-title" className="panel">
      <h2 id="new-department-title">{t('admin.department.new')}</h2>
      <FormError error={create.error} shown={isGeneralError(create.error, CREATE_FIELDS)} />
      <form className="narrow-form" noValidate onSubmit={onSubmit}>
        <FormField id="department-code" label={t('admin.departments.col.code')} hint={t('admin.department.code.hint')} error={fieldError('code')} required>
          {(c) => <input {...c} type="text" className="input--code" autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} />}
        </FormField>
        <FormField id="department-name" label={t('admin.departments.col.name')} error={fieldError('name')} required>
          {(c) => <input {...c} type="text" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />}
        </FormField>
        <KindRadios name="department-kind" value={kind} onChange={setKind} error={fieldError('kind')} />
        <button type="submit" className="button button--primary" aria-disabled={create.isPending || undefined}>
          {t('admin.department.create')}
        </button>
      </form>
    </section>
  );
}

function KindRadios({ name, value, onChange, error }: { name: string; value: Kind | ''; onChange: (kind: Kind) => void; error: string | undefined }) {
  const { t } = useT();
  return (
    <RadioGroup<Kind>
      name={name}
      legend={t('admin.departments.col.kind')}
      required
      value={value}
      onChange={onChange}
      error={error}
      options={[
        { value: 'internal', label: t(KIND_LABELS.internal), hint: t('admin.department.kind.internal.hint') },
        { value: 'subordinate', label: t(KIND_LABELS.subordinate), hint: t('admin.department.kind.subordinate.hint') },
      ]}
    />
  );
}

export function DepartmentEditPage({ code }: { code: string }) {
  const { t, tm } = useT();
  const departments = useAdminDepartments();
  const department = departments.data?.items.find((d) => d.code === code);
  return (
    <StaffPage
      title={t('admin.department.editTitle', { code })}
      before={
        <p className="back-link">
          <Link to={staffPaths.admin.departments}>{t('admin.departments.back')}</Link>
        </p>
      }
    >
      {departments.isPending && <p role="status">{t('common.loading')}</p>}
      {departments.isError && (
        <p className="notice notice--error" role="alert">
          {tm(describeAdminError(departments.error))}
        </p>
      )}
      {departments.data && !department && <p className="notice notice--warning">{t('admin.err.departmentNotFound')}</p>}
      {department && <DepartmentEditForm key={department.code} department={department} />}
    </StaffPage>
  );
}

function DepartmentEditForm({ department }: { department: AdminDepartment }) {
  const { t } = useT();
  const update = useUpdateDepartment(department.code);
  const flash = usePageFlash();
  const [name, setName] = useState(department.name);
  const [kind, setKind] = useState<Kind | ''>(department.kind);
  const [active, setActive] = useState(department.active);
  const [clientErrors, setClientErrors] = useState<Partial<Record<string, MessageKey>>>({});
  const fieldError = useFieldErrors(update.error, clientErrors);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (name.trim().length < 2) {
      setClientErrors({ name: 'admin.department.name.required' });
      update.reset();
      focusControl('department-name');
      return;
    }
    setClientErrors({});
    update.mutate(
      { name: name.trim(), kind: kind || department.kind, active },
      { onSuccess: () => flash.show({ key: 'admin.saved' }), onError: (error) => flash.show(describeAdminError(error), 'error') },
    );
  };

  return (
    <>
      {flash.element}
      <form className="narrow-form" noValidate onSubmit={onSubmit} aria-label={t('admin.department.editTitle', { code: department.code })}>
        {department.isRegistry && <p className="notice">{t('admin.department.registry.note')}</p>}
        <FormField id="department-name" label={t('admin.departments.col.name')} error={fieldError('name')} required>
          {(c) => <input {...c} type="text" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />}
        </FormField>
        <KindRadios name="department-kind" value={kind} onChange={setKind} error={fieldError('kind')} />
        <div className="field">
          <div className="checkbox">
            <input
              type="checkbox"
              id="department-active"
              checked={active}
              disabled={department.isRegistry}
              onChange={(e) => setActive(e.target.checked)}
              aria-describedby="department-active-hint"
            />
            <label htmlFor="department-active">{t('admin.department.active')}</label>
            <p id="department-active-hint" className="hint radio__hint">
              {t('admin.department.active.hint', { n: department.userCount })}
            </p>
          </div>
        </div>
        <button type="submit" className="button button--primary" aria-disabled={update.isPending || undefined}>
          {t('admin.save')}
        </button>
      </form>
    </>
  );
}
