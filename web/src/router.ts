// A tiny client router on the History API: the server answers every non-API path with the app.
import { useEffect, useState } from 'react';

const listeners = new Set<() => void>();

export function navigate(to: string): void {
  if (to === location.pathname + location.search) return;
  history.pushState(null, '', to);
  for (const l of listeners) l();
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return path;
}

export type Route =
  | { page: 'login' }
  | { page: 'rooms' }
  | { page: 'room'; room: string }
  | { page: 'drafts'; room: string }
  | { page: 'invite'; token: string }
  | { page: 'missing'; path: string };

/** The page a path names. */
export function matchRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { page: 'rooms' };
  if (parts[0] === 'login' && parts.length === 1) return { page: 'login' };
  if (parts[0] === 'invite' && parts.length === 2) return { page: 'invite', token: parts[1] as string };
  if (parts[0] === 'rooms' && parts.length === 2) return { page: 'room', room: parts[1] as string };
  if (parts[0] === 'rooms' && parts.length === 3 && parts[2] === 'drafts')
    return { page: 'drafts', room: parts[1] as string };
  return { page: 'missing', path };
}
