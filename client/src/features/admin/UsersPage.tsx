import { useState, type FormEvent } from 'react';
import { STAFF_ROLES, type StaffRole } from '../../../../shared/api/admin';
import { useT } from '../../i18n';
import { Link } from '../../router';
import { StaffPage } from '../staff/components/StaffPage';
import { staffPaths } from '../staff/paths';
import { useDepartments } from '../staff/queries';
import { ROLE_LABELS } from '../staff/roles';
import type { UserFilter } from './api';
import { describeAdminError, usePageFlash } from './form-helpers';
import { useUsers } from './queries';

export function UsersPage() {
  const { t, tm } = useT();
  const flash = usePageFlash();
  const departments = useDepartments();
  const [role, setRole] = useState('');
  const [departmentCode, setDepartmentCode] = useState('');
  const [q, setQ] = useState('');
  const [active, setActive] = useState('true');
  const [filter, setFilter] = useState<UserFilter>({ active: true });
  const users = useUsers(filter);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilter({
      role: (STAFF_ROLES as readonly string[]).includes(role) ? (role as StaffRole) : undefined,
      departmentCode: departmentCode || undefined,
      q: q.trim() || undefined,
      active: active === '' ? undefined : active === 'true',
    });
  };

  const cols = {
    name: t('admin.users.col.name'),
    email: t('admin.users.col.email'),
    role: t('admin.users.col.role'),
    department: t('admin.users.col.department'),
    jobTitle: t('admin.users.col.jobTitle'),
    state: t('admin.users.col.state'),
  };

  return (
    <StaffPage title={t('admin.users.title')}>
      {flash.element}
      <p className="actions">
        <Link to={staffPaths.admin.newUser} className="button button--primary">
          {t('admin.users.new')}
        </Link>
      </p>
      <form className="filters filters--wide" role="search" aria-label={t('admin.users.filters')} onSubmit={onSubmit}>
        <div className="filters__field">
          <label htmlFor="users-q" className="label">
            {t('admin.users.q')}
          </label>
          <input id="users-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <div className="filters__field">
          <label htmlFor="users-role" className="label">
            {t('admin.users.col.role')}
          </label>
          <select id="users-role" value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">{t('filters.any')}</option>
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(ROLE_LABELS[r])}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__field">
          <label htmlFor="users-department" className="label">
            {t('admin.users.col.department')}
          </label>
          <select id="users-department" value={departmentCode} onChange={(e) => setDepartmentCode(e.target.value)}>
            <option value="">{t('filters.any')}</option>
            {(departments.data ?? []).map((d) => (
              <option key={d.code} value={d.code}>
                {d.code}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__field">
          <label htmlFor="users-active" className="label">
            {t('admin.users.col.state')}
          </label>
          <select id="users-active" value={active} onChange={(e) => setActive(e.target.value)}>
            <option value="">{t('filters.any')}</option>
            <option value="true">{t('admin.active')}</option>
            <option value="false">{t('admin.inactive')}</option>
          </select>
        </div>
        <div className="filters__buttons">
          <button type="submit" className="button button--primary">
            {t('filters.apply')}
          </button>
        </div>
      </form>

      {users.isPending && <p role="status">{t('common.loading')}</p>}
      {users.isError && (
        <p className="notice notice--error" role="alert">
          {tm(describeAdminError(users.error))}
        </p>
      )}
      {users.data && (
        <>
          <p className="results-count" role="status">
            {t('admin.users.count', { n: users.data.items.length })}
          </p>
          {users.data.items.length > 0 && (
            <div className="table-wrap">
              <table className="queue-table data-table">
                <caption className="visually-hidden">{t('admin.users.title')}</caption>
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
                  {users.data.items.map((u) => (
                    <tr key={u.id} data-testid="user-row" data-email={u.email}>
                      <th scope="row" data-label={cols.name}>
                        <Link to={staffPaths.admin.user(u.id)}>{u.name}</Link>
                      </th>
                      <td data-label={cols.email} className="break">
                        {u.email}
                      </td>
                      <td data-label={cols.role}>{t(ROLE_LABELS[u.role])}</td>
                      <td data-label={cols.department}>{u.departmentCode ?? <span className="muted">{t('common.none')}</span>}</td>
                      <td data-label={cols.jobTitle}>{u.jobTitle ?? <span className="muted">{t('common.none')}</span>}</td>
                      <td data-label={cols.state}>
                        <span className={u.active ? 'tag tag--success' : 'tag'}>{t(u.active ? 'admin.active' : 'admin.inactive')}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </StaffPage>
  );
}
