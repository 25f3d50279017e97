import { useEffect, useState } from 'react';

/** A minimal history router: the staff app has a handful of flat pages. */
export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const onPop = () => setPath(location.pathname);
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  return path;
}

export function navigate(path: string): void {
  history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
}

/**
 * Page state kept in the address's query string (filters, sort, page), so that a reload or a shared link shows the
 * same view. Empty values are left out of the address. Each choice (a filter, a page, a sort) is a history entry, so
 * the back button returns to the previous view; typing in a search box passes `{ replace: true }` to keep one entry.
 */
export function useUrlState<T extends Record<string, string>>(defaults: T): [T, (patch: Partial<T>, options?: { replace?: boolean }) => void] {
  const read = (): T => {
    const params = new URLSearchParams(location.search);
    return Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, params.get(k) ?? v])) as T;
  };
  const [state, setState] = useState<T>(read);
  useEffect(() => {
    const onPop = () => setState(read());
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const update = (patch: Partial<T>, options: { replace?: boolean } = {}) => {
    setState((current) => {
      const next = { ...current, ...patch };
      const params = new URLSearchParams(location.search);
      for (const [k, v] of Object.entries(next)) {
        if (v === '' || v === defaults[k]) params.delete(k);
        else params.set(k, v);
      }
      const query = params.toString();
      const address = `${location.pathname}${query ? `?${query}` : ''}`;
      if (address !== `${location.pathname}${location.search}`) {
        if (options.replace) history.replaceState(history.state, '', address);
        else history.pushState(history.state, '', address);
      }
      return next;
    });
  };
  return [state, update];
}
