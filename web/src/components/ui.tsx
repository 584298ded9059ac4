// Small shared pieces: error box, progress, loading, section.
import { type ReactNode, useEffect, useState } from 'react';
import { ApiError } from '../api.js';

export function ErrorBox({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  if (!error) return null;
  const e = error as Error;
  const fields = error instanceof ApiError ? error.errors : [];
  return (
    <div className="error" role="alert" data-testid="error">
      <strong>{title}</strong>
      <p>
        {error instanceof ApiError
          ? `${error.title} (${error.status || 'no answer'}): ${error.detail}`
          : e.message}
      </p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={`${f.path}:${f.message}`}>
              <code>{f.path}</code>: {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Shown only once a run has lasted half a second: quick runs do not flicker. */
export function Progress({
  active,
  done,
  total,
  label,
}: {
  active: boolean;
  done?: number;
  total?: number;
  label: string;
}) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!active) {
      setShown(false);
      return;
    }
    const t = setTimeout(() => setShown(true), 500);
    return () => clearTimeout(t);
  }, [active]);
  if (!active || !shown) return null;
  const known = done !== undefined && total !== undefined && total > 0;
  return (
    <div className="progress" data-testid="progress">
      <label>
        {label}
        {known ? ` (${Math.round((100 * (done as number)) / (total as number))}%)` : '…'}{' '}
        <progress aria-label={label} {...(known ? { value: done, max: total } : {})} />
      </label>
    </div>
  );
}

export function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-h`} className="card" id={id}>
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
    </section>
  );
}

export const Loading = ({ what }: { what: string }) => (
  <p className="muted" role="status">
    Loading {what}…
  </p>
);

/** Loads with `load` whenever `deps` change; errors are kept to show. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}
