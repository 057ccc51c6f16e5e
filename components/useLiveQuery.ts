// Dexie's liveQuery as a Preact hook: the value follows the database, also when another context
// (the background) writes. While new inputs load, the previous value stays shown (no flicker).
import { liveQuery } from "dexie";
import { useEffect, useState } from "preact/hooks";

export interface LiveState<T> {
  value: T | undefined;
  /** True until the first value for the current inputs arrives. */
  loading: boolean;
  error?: unknown;
}

export function useLiveQuery<T>(querier: (() => Promise<T>) | null, deps: readonly unknown[]): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>({ value: undefined, loading: querier !== null });
  useEffect(() => {
    if (!querier) {
      setState({ value: undefined, loading: false });
      return undefined;
    }
    setState((s) => (s.loading ? s : { ...s, loading: true }));
    const subscription = liveQuery(querier).subscribe({
      next: (value) => setState({ value, loading: false }),
      error: (error: unknown) => setState((s) => ({ value: s.value, loading: false, error })),
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
