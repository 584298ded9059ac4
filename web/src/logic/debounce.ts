// Debouncing with an injectable clock, so the component tests drive time themselves.

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface Debounced<A> {
  /** Calls `fn(arg)` once `ms` have passed without another call; only the last argument counts. */
  schedule(arg: A): void;
  /** Calls now with the pending argument, if any. */
  flush(): void;
  cancel(): void;
  readonly pending: boolean;
}

export function debounce<A>(fn: (arg: A) => void, ms: number, timers: Timers = realTimers): Debounced<A> {
  let handle: unknown;
  let waiting: { arg: A } | undefined;
  const fire = () => {
    handle = undefined;
    const w = waiting;
    waiting = undefined;
    if (w) fn(w.arg);
  };
  return {
    schedule(arg) {
      waiting = { arg };
      if (handle !== undefined) timers.clear(handle);
      handle = timers.set(fire, ms);
    },
    flush() {
      if (handle !== undefined) timers.clear(handle);
      fire();
    },
    cancel() {
      if (handle !== undefined) timers.clear(handle);
      handle = undefined;
      waiting = undefined;
    },
    get pending() {
      return waiting !== undefined;
    },
  };
}
