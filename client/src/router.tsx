// A tiny history-API router: the portal has a handful of flat routes, so react-router would be overkill.
import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useState,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react';

type Location = { path: string; search: string };
type RouterValue = Location & { navigate: typeof navigate };

const NAVIGATE_EVENT = 'portal:navigate';
const RouterContext = createContext<RouterValue | null>(null);

// Focus moves to the page's <h1> only after an in-app navigation: on first load the skip link comes first.
let navigatedInApp = false;
export const hasNavigated = (): boolean => navigatedInApp;

export function navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  navigatedInApp = true;
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  window.scrollTo(0, 0);
}

const readLocation = (): Location => ({ path: window.location.pathname, search: window.location.search });

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(readLocation);
  useEffect(() => {
    const update = () => setLocation(readLocation());
    const onPopState = () => {
      navigatedInApp = true;
      update();
    };
    window.addEventListener(NAVIGATE_EVENT, update);
    window.addEventListener('popstate', onPopState);
    return () => {
      window.removeEventListener(NAVIGATE_EVENT, update);
      window.removeEventListener('popstate', onPopState);
    };
  }, []);
  const value = useMemo(() => ({ ...location, navigate }), [location]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useRouter outside RouterProvider');
  return value;
}

export function useQueryParam(name: string): string | null {
  const { search } = useRouter();
  return new URLSearchParams(search).get(name);
}

/** `/urmarire/:number` against a path: the decoded params, or null when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    const value = got[i] ?? '';
    if (segment.startsWith(':')) {
      try {
        params[segment.slice(1)] = decodeURIComponent(value);
      } catch {
        return null;
      }
    } else if (segment !== value) return null;
  }
  return params;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

export function Link({ to, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    // Let the browser handle new tabs, downloads and modified clicks.
    if (event.defaultPrevented || event.button !== 0 || rest.target) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handleClick} {...rest} />;
}

/** Replaces the current address (a page that only sends elsewhere: the staff side's sign-in guard). */
export function Redirect({ to }: { to: string }) {
  useEffect(() => {
    navigate(to, { replace: true });
  }, [to]);
  return null;
}
