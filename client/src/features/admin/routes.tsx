// The administrator's pages, under /personal/admin (role admin only; the server checks it too).
import type { StaffRoute } from '../staff/StaffApp';
import { CategoriesPage, CategoryEditPage } from './CategoriesPage';
import { ClosedDaysPage } from './ClosedDaysPage';
import { DepartmentEditPage, DepartmentsPage } from './DepartmentsPage';
import { UserFormPage } from './UserFormPage';
import { UsersPage } from './UsersPage';

const admin = ['admin'] as const;

export const adminRoutes: StaffRoute[] = [
  { pattern: '/personal/admin/utilizatori', roles: admin, render: () => <UsersPage /> },
  { pattern: '/personal/admin/utilizatori/nou', roles: admin, render: () => <UserFormPage /> },
  { pattern: '/personal/admin/utilizatori/:id', roles: admin, render: ({ id = '' }) => <UserFormPage id={id} /> },
  { pattern: '/personal/admin/compartimente', roles: admin, render: () => <DepartmentsPage /> },
  { pattern: '/personal/admin/compartimente/:code', roles: admin, render: ({ code = '' }) => <DepartmentEditPage code={code} /> },
  { pattern: '/personal/admin/categorii', roles: admin, render: () => <CategoriesPage /> },
  { pattern: '/personal/admin/categorii/:code', roles: admin, render: ({ code = '' }) => <CategoryEditPage code={code} /> },
  { pattern: '/personal/admin/zile-nelucratoare', roles: admin, render: () => <ClosedDaysPage /> },
];
