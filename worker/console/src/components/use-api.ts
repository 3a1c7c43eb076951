import { useCallback, useEffect, useState } from 'preact/hooks';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Loads data for a page; `reload` runs the loader again (after a change). */
export function useApi<T>(loader: () => Promise<T>, deps: unknown[] = []): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  // The caller names the dependencies, as with useEffect.
  const load = useCallback(loader, deps);
  useEffect(() => {
    let live = true;
    setLoading(true);
    load().then(
      (value) => live && (setData(value), setError(undefined), setLoading(false)),
      (caught: unknown) => live && (setError(caught), setLoading(false)),
    );
    return () => {
      live = false;
    };
  }, [load, tick]);
  return { data, error, loading, reload: () => setTick((n) => n + 1) };
}
