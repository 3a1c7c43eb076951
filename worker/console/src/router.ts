import { useEffect, useState } from 'preact/hooks';

/** The console lives under /console; routes are the part after it ("/", "/audit", …). */
export const BASE = '/console';

export function currentRoute(): string {
  const path = window.location.pathname;
  const route = path.startsWith(BASE) ? path.slice(BASE.length) : path;
  return route === '' ? '/' : route.replace(/\/+$/, '') || '/';
}

const listeners = new Set<() => void>();

export function navigate(route: string): void {
  const target = `${BASE}${route === '/' ? '/' : route}`;
  if (window.location.pathname !== target) window.history.pushState(null, '', target);
  for (const listener of listeners) listener();
}

export function useRoute(): string {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}
