// Staff search (issue 6 §4), mounted by the staff router; the query is part of the key, so each search
// remounts the page and its heading takes the focus, like any other navigation.
import type { StaffRoute } from '../staff/StaffApp';
import { searchPaths, SEARCH_ROLES } from './paths';
import { SearchPage } from './SearchPage';
import './search.css';

export const searchRoutes: StaffRoute[] = [
  {
    pattern: searchPaths.search,
    roles: SEARCH_ROLES,
    render: () => <SearchPage initialQuery={new URLSearchParams(window.location.search).get('q') ?? ''} />,
    key: (path, search) => `${path}${search}`,
  },
];
