// A room: the page for my role (mediator's desk, party's private room, observer view), with
// the room's header: exports, the drafts (the mediator's editor; everyone else's read-only
// history) and, for the mediator, invitations.
import { useState } from 'react';
import { api, type Room, roomPath } from '../api.js';
import { Link } from '../components/link.js';
import { ErrorBox, Loading, useLoad } from '../components/ui.js';
import { capabilities } from '../logic/visibility.js';
import { MediatorDesk } from './mediator.js';
import { ObserverView } from './observer.js';
import { PartyRoom } from './party.js';

export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function RoomHeader({ room, children }: { room: Room; children?: React.ReactNode }) {
  const caps = capabilities(room.role);
  const [error, setError] = useState<unknown>();
  const exportYaml = async () => {
    try {
      const r = await api<{ yaml: string }>('GET', roomPath(room.id, '/scenario'));
      download(`${room.id}.yaml`, r.yaml, 'text/yaml');
    } catch (e) {
      setError(e);
    }
  };
  const who =
    room.role === 'party' ? `party: ${room.parties.find((p) => p.slug === room.party)?.name}` : room.role;
  return (
    <div className="room-head">
      <h1>
        {room.name} <span className="badge">{who}</span>
      </h1>
      <nav aria-label="Room" className="room-nav">
        <Link to={`/rooms/${encodeURIComponent(room.id)}`}>
          {room.role === 'mediator' ? "Mediator's desk" : 'Room'}
        </Link>
        <Link to={`/rooms/${encodeURIComponent(room.id)}/drafts`}>
          {caps.draftEditor ? 'Draft editor' : 'Drafts history'}
        </Link>
        <button type="button" onClick={exportYaml}>
          Export YAML{caps.exportComplete ? '' : ' (shared text)'}
        </button>
        {children}
      </nav>
      <ErrorBox error={error} title="Export failed" />
    </div>
  );
}

export function RoomPage({ room }: { room: string }) {
  const r = useLoad(() => api<Room>('GET', roomPath(room)), [room]);
  if (r.error) return <ErrorBox error={r.error} title="Could not open the room" />;
  if (!r.data) return <Loading what="the room" />;
  const data = r.data;
  if (data.role === 'mediator') return <MediatorDesk room={data} />;
  if (data.role === 'party') return <PartyRoom room={data} />;
  return <ObserverView room={data} />;
}
