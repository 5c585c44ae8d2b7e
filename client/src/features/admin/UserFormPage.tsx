import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ROLES_REQUIRING_DEPARTMENT, ROLES_WITHOUT_DEPARTMENT, STAFF_ROLES, type AdminUser, type StaffRole } from '../../../../shared/api/admin';
import { FormField } from '../../components/FormField';
import { useT, type MessageKey } from '../../i18n';
import { Link, navigate } from '../../router';
import { StaffPage } from '../staff/components/StaffPage';
import { focusControl } from '../staff/errors';
import { setNextFlash } from '../staff/flash-store';
import { staffPaths } from '../staff/paths';
import { useDepartments } from '../staff/queries';
import { ROLE_LABELS } from '../staff/roles';
import { describeAdminError, FormError, isGeneralError, useFieldErrors, usePageFlash } from './form-helpers';
import { useCreateUser, useUpdateUser, useUsers } from './queries';

const MIN_PASSWORD = 10;
const FIELDS = ['email', 'name', 'role', 'departmentCode', 'managerId', 'jobTitle', 'phone', 'password'];
const includes = (list: readonly string[], value: string) => list.includes(value);

export function UserFormPage({ id }: { id?: string }) {
  const { t, tm } = useT();
  const users = useUsers({});
  const user = id ? users.data?.items.find((u) => u.id === id) : undefined;
  const title = id ? (user ? t('admin.user.editTitle', { name: user.name }) : t('admin.user.editTitleShort')) : t('admin.user.newTitle');
  return (
    <StaffPage
      title={title}
      before={
        <p className="back-link">
          <Link to={staffPaths.admin.users}>{t('admin.users.back')}</Link>
        </p>
      }
    >
      {id && users.isPending && <p role="status">{t('common.loading')}</p>}
      {id && users.isError && (
        <p className="notice notice--error" role="alert">
          {tm(describeAdminError(users.error))}
        </p>
      )}
      {id && users.data && !user && <p className="notice notice--warning">{t('admin.err.userNotFound')}</p>}
      {(!id || user) && <UserForm key={user?.id ?? 'new'} user={user} others={users.data?.items ?? []} />}
    </StaffPage>
  );
}

function UserForm({ user, others }: { user: AdminUser | undefined; others: AdminUser[] }) {
  const { t } = useT();
  const departments = useDepartments();
  const create = useCreateUser();
  const update = useUpdateUser(user?.id ?? '');
  const toggle = useUpdateUser(user?.id ?? '');
  const mutation = user ? update : create;
  const flash = usePageFlash();
  const [email, setEmail] = useState(user?.email ?? '');
  const [name, setName] = useState(user?.name ?? '');
  const [role, setRole] = useState<string>(user?.role ?? '');
  const [departmentCode, setDepartmentCode] = useState(user?.departmentCode ?? '');
  const [managerId, setManagerId] = useState(user?.managerId ?? '');
  const [jobTitle, setJobTitle] = useState(user?.jobTitle ?? '');
  const [phone, setPhone] = useState(user?.phone ?? '');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<Partial<Record<string, MessageKey>>>({});
  const [attempt, setAttempt] = useState(0);
  const fieldError = useFieldErrors(mutation.error, clientErrors, { email: 'admin.err.emailTaken' });
  const lastAttempt = useRef(0);

  useEffect(() => {
    if (attempt === lastAttempt.current) return;
    lastAttempt.current = attempt;
    const first = FIELDS.find((f) => fieldError(f));
    if (first) focusControl(`user-${first}`);
  });

  const noDepartment = includes(ROLES_WITHOUT_DEPARTMENT, role);
  const needsDepartment = includes(ROLES_REQUIRING_DEPARTMENT, role);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Partial<Record<string, MessageKey>> = {};
    if (!user && !/^\S+@\S+\.\S+$/.test(email.trim())) found.email = 'admin.user.email.invalid';
    if (name.trim().length < 2) found.name = 'admin.user.name.required';
    if (!includes(STAFF_ROLES, role)) found.role = 'admin.user.role.required';
    if (needsDepartment && !departmentCode) found.departmentCode = 'admin.user.department.required';
    if (!user && password.length < MIN_PASSWORD) found.password = 'admin.user.password.weak';
    if (user && password && password.length < MIN_PASSWORD) found.password = 'admin.user.password.weak';
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      mutation.reset();
      setAttempt((n) => n + 1);
      return;
    }
    const common = {
      name: name.trim(),
      role: role as StaffRole,
      departmentCode: noDepartment ? null : departmentCode || null,
      managerId: managerId || null,
      jobTitle: jobTitle.trim() || null,
      phone: phone.trim() || null,
    };
    const onError = () => setAttempt((n) => n + 1);
    if (user) {
      update.mutate(
        { ...common, ...(password ? { password } : {}) },
        {
          onSuccess: () => {
            setPassword('');
            flash.show({ key: 'admin.saved' });
          },
          onError,
        },
      );
    } else {
      create.mutate(
        { ...common, email: email.trim(), password },
        {
          onSuccess: ({ user: created }) => {
            setNextFlash({ key: 'admin.user.created', vars: { name: created.name } });
            navigate(staffPaths.admin.users);
          },
          onError,
        },
      );
    }
  };

  const onToggleActive = () => {
    if (!user || toggle.isPending) return;
    toggle.mutate(
      { active: !user.active },
      {
        onSuccess: ({ user: changed }) => flash.show({ key: changed.active ? 'admin.user.reactivated' : 'admin.user.deactivated' }),
        onError: (error) => flash.show(describeAdminError(error), 'error'),
      },
    );
  };

  const departmentHint: MessageKey = noDepartment ? 'admin.user.department.none' : needsDepartment ? 'admin.user.department.needed' : 'admin.user.department.default';

  return (
    <>
      {flash.element}
      <FormError error={mutation.error} shown={isGeneralError(mutation.error, FIELDS)} />
      <form className="narrow-form" noValidate onSubmit={onSubmit} aria-label={t(user ? 'admin.user.editTitleShort' : 'admin.user.newTitle')}>
        <p className="hint">{t('common.required')}</p>
        {user ? (
          <p>
            <strong>{t('admin.user.email')}:</strong> <span className="break">{user.email}</span>
          </p>
        ) : (
          <FormField id="user-email" label={t('admin.user.email')} error={fieldError('email')} required>
            {(c) => <input {...c} type="email" autoComplete="off" spellCheck={false} value={email} onChange={(e) => setEmail(e.target.value)} />}
          </FormField>
        )}
        <FormField id="user-name" label={t('admin.user.name')} error={fieldError('name')} required>
          {(c) => <input {...c} type="text" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />}
        </FormField>
        <FormField id="user-role" label={t('admin.user.role')} error={fieldError('role')} required>
          {(c) => (
            <select {...c} value={role} onChange={(e) => setRole(e.target.value)}>
              <option value="">{t('common.choose')}</option>
              {STAFF_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(ROLE_LABELS[r])}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {!noDepartment && (
          <FormField id="user-departmentCode" label={t('admin.user.department')} hint={t(departmentHint)} error={fieldError('departmentCode')} required={needsDepartment}>
            {(c) => (
              <select {...c} value={departmentCode} onChange={(e) => setDepartmentCode(e.target.value)}>
                <option value="">{t(needsDepartment ? 'common.choose' : 'admin.user.department.defaultOption')}</option>
                {(departments.data ?? []).map((d) => (
                  <option key={d.code} value={d.code}>
                    {`${d.code} — ${d.name}`}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        <FormField id="user-managerId" label={t('admin.user.manager')} hint={t('admin.user.manager.hint')} error={fieldError('managerId')}>
          {(c) => (
            <select {...c} value={managerId} onChange={(e) => setManagerId(e.target.value)}>
              <option value="">{t('admin.user.manager.none')}</option>
              {others
                .filter((o) => o.id !== user?.id && o.active)
                .map((o) => (
                  <option key={o.id} value={o.id}>
                    {`${o.name} — ${t(ROLE_LABELS[o.role])}${o.departmentCode ? `, ${o.departmentCode}` : ''}`}
                  </option>
                ))}
            </select>
          )}
        </FormField>
        <FormField id="user-jobTitle" label={t('admin.user.jobTitle')} error={fieldError('jobTitle')}>
          {(c) => <input {...c} type="text" autoComplete="off" value={jobTitle} onChange={(e) => setJobTitle(e.target.value)} />}
        </FormField>
        <FormField id="user-phone" label={t('admin.user.phone')} hint={t('admin.user.phone.hint')} error={fieldError('phone')}>
          {(c) => <input {...c} type="tel" autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} />}
        </FormField>
        <FormField
          id="user-password"
          label={t(user ? 'admin.user.newPassword' : 'admin.user.password')}
          hint={t(user ? 'admin.user.newPassword.hint' : 'admin.user.password.hint')}
          error={fieldError('password')}
          required={!user}
        >
          {(c) => <input {...c} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </FormField>
        <button type="submit" className="button button--primary" aria-disabled={mutation.isPending || undefined}>
          {t(user ? 'admin.save' : 'admin.user.create')}
        </button>
      </form>
      {user && (
        <section aria-labelledby="user-state-title" className="panel">
          <h2 id="user-state-title">{t('admin.user.state')}</h2>
          <p>
            <span className={user.active ? 'tag tag--success' : 'tag'} data-testid="user-state">
              {t(user.active ? 'admin.active' : 'admin.inactive')}
            </span>
          </p>
          <p className="hint">{t(user.active ? 'admin.user.deactivate.hint' : 'admin.user.reactivate.hint')}</p>
          <button type="button" className="button button--secondary" onClick={onToggleActive} aria-disabled={toggle.isPending || undefined}>
            {t(user.active ? 'admin.user.deactivate' : 'admin.user.reactivate')}
          </button>
        </section>
      )}
    </>
  );
}
