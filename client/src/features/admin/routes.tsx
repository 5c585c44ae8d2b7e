// The administrator's pages, under /personal/admin (role admin only; the server checks it too).
import type { StaffRoute } from '../staff/StaffApp';
import { CategoriesPage, CategoryEditPage } from './CategoriesPage';
import { ClosedDaysPage } from './ClosedDaysPage';
import { DepartmentEditPage, DepartmentsPage } from './DepartmentsPage';
import { OutboxPage } from './OutboxPage';
import { TemplateFormPage } from './TemplateFormPage';
import { TemplatesPage } from './TemplatesPage';
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
  { pattern: '/personal/admin/notificari', roles: admin, render: () => <OutboxPage /> },
  { pattern: '/personal/admin/modele', roles: admin, render: () => <TemplatesPage /> },
  // Before ':id', which would match 'nou' too.
  { pattern: '/personal/admin/modele/nou', roles: admin, render: () => <TemplateFormPage /> },
  { pattern: '/personal/admin/modele/:id', roles: admin, render: ({ id = '' }) => <TemplateFormPage id={id} /> },
];
