import { useState } from 'preact/hooks';

export interface Action {
  /** What is running now ("Exporting…"), for the progress note; undefined when idle. */
  busy: string | undefined;
  error: unknown;
  /** Runs one action at a time; its error is kept for <ProblemMessage>, never thrown. */
  run<T>(label: string, action: () => Promise<T>): Promise<T | undefined>;
  clear(): void;
}

/** Busy and error state for a page's writes (buttons disable, the problem+json shows). */
export function useAction(): Action {
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<unknown>();
  return {
    busy,
    error,
    async run(label, action) {
      setBusy(label);
      setError(undefined);
      try {
        return await action();
      } catch (caught) {
        setError(caught);
        return undefined;
      } finally {
        setBusy(undefined);
      }
    },
    clear: () => setError(undefined),
  };
}
