import { useState } from 'react';
import { api } from '../api.js';
import type { Me } from '../app.js';
import { ErrorBox } from '../components/ui.js';

export function LoginPage({ onIn }: { onIn: (m: Me) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  return (
    <div className="card narrow">
      <h1>Sign in</h1>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(undefined);
          try {
            const r = await api<{ csrf: string; email: string }>('POST', '/api/session', { email, password });
            onIn({ email: r.email, csrf: r.csrf });
          } catch (err) {
            setError(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        <label>
          Email
          <input
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <ErrorBox error={error} title="Could not sign in" />
      <p className="muted small">
        With <code>concord serve --demo</code>: <code>mediator@demo.local</code>,{' '}
        <code>russia@demo.local</code>, <code>observer@demo.local</code>, … password <code>demo</code>.
      </p>
    </div>
  );
}
