import { useState } from 'react';
import { api } from '../api.js';
import { ErrorBox } from '../components/ui.js';
import { navigate } from '../router.js';

export function InvitePage({ token }: { token: string }) {
  const [error, setError] = useState<unknown>();
  return (
    <div className="card narrow">
      <h1>Join a room</h1>
      <p>This one-time link adds you to a negotiation room.</p>
      <button
        type="button"
        onClick={async () => {
          try {
            const r = await api<{ id: string }>('POST', `/api/invitations/${encodeURIComponent(token)}`);
            navigate(`/rooms/${encodeURIComponent(r.id)}`);
          } catch (e) {
            setError(e);
          }
        }}
      >
        Accept the invitation
      </button>
      <ErrorBox error={error} title="Could not join" />
    </div>
  );
}
