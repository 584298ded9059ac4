// The rooms I am in; create one from a built-in scenario or an uploaded YAML / GENIUS file.
import { useState } from 'react';
import { api, type Room, type RoomSummary } from '../api.js';
import { Link } from '../components/link.js';
import { ErrorBox, Loading, Section, useLoad } from '../components/ui.js';
import { navigate } from '../router.js';

const BUILTINS = ['ukraine-2025', 'us-rail-2022'];

export function RoomsPage() {
  const rooms = useLoad(() => api<{ rooms: RoomSummary[] }>('GET', '/api/rooms'), []);
  return (
    <>
      <h1>Your rooms</h1>
      <Section title="Rooms" id="rooms">
        {rooms.loading && !rooms.data && <Loading what="rooms" />}
        <ErrorBox error={rooms.error} title="Could not load your rooms" />
        {rooms.data && rooms.data.rooms.length === 0 && (
          <p className="muted">You are in no room yet: create one below.</p>
        )}
        {rooms.data && rooms.data.rooms.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">Room</th>
                <th scope="col">Your role</th>
              </tr>
            </thead>
            <tbody>
              {rooms.data.rooms.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/rooms/${encodeURIComponent(r.id)}`}>{r.name}</Link>{' '}
                    <span className="muted small">{r.id}</span>
                  </td>
                  <td>
                    {r.role}
                    {r.party ? ` (${r.party})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <CreateRoom />
    </>
  );
}

function CreateRoom() {
  const [id, setId] = useState('');
  const [kind, setKind] = useState<'builtin' | 'yaml' | 'genius'>('builtin');
  const [builtin, setBuiltin] = useState(BUILTINS[0] as string);
  const [files, setFiles] = useState<{ name: string; text: string }[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const read = async (list: FileList | null) =>
    setFiles(await Promise.all([...(list ?? [])].map(async (f) => ({ name: f.name, text: await f.text() }))));

  const source = () => {
    if (kind === 'builtin') return { builtin };
    if (kind === 'yaml') return { yaml: files[0]?.text ?? '' };
    // GENIUS: the domain file is the one that declares the issues (no utility space).
    const domain = files.find((f) => !/utility_?space|utilityspace/i.test(f.text)) ?? files[0];
    return {
      genius: { domain: domain?.text ?? '', profiles: files.filter((f) => f !== domain).map((f) => f.text) },
    };
  };

  return (
    <Section title="New room" id="new-room">
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(undefined);
          try {
            const r = await api<Room>('POST', '/api/rooms', { id, source: source() });
            navigate(`/rooms/${encodeURIComponent(r.id)}`);
          } catch (err) {
            setError(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        <label>
          Room id (lower-case letters, digits, hyphens)
          <input
            value={id}
            onChange={(e) => setId(e.target.value)}
            required
            pattern="[a-z0-9][a-z0-9-]{0,62}"
          />
        </label>
        <fieldset>
          <legend>From</legend>
          <label className="inline">
            <input
              type="radio"
              name="kind"
              checked={kind === 'builtin'}
              onChange={() => setKind('builtin')}
            />{' '}
            a built-in scenario
          </label>
          <label className="inline">
            <input type="radio" name="kind" checked={kind === 'yaml'} onChange={() => setKind('yaml')} /> a
            scenario file (YAML or JSON)
          </label>
          <label className="inline">
            <input type="radio" name="kind" checked={kind === 'genius'} onChange={() => setKind('genius')} />{' '}
            a GENIUS domain and its profiles (XML)
          </label>
        </fieldset>
        {kind === 'builtin' ? (
          <label>
            Scenario
            <select value={builtin} onChange={(e) => setBuiltin(e.target.value)}>
              {BUILTINS.map((b) => (
                <option key={b}>{b}</option>
              ))}
            </select>
          </label>
        ) : (
          <label>
            {kind === 'yaml' ? 'Scenario file' : 'Domain and profile files'}
            <input
              type="file"
              multiple={kind === 'genius'}
              accept={kind === 'yaml' ? '.yaml,.yml,.json' : '.xml'}
              onChange={(e) => read(e.target.files)}
            />
          </label>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create room'}
        </button>
      </form>
      <ErrorBox error={error} title="The room was not created" />
    </Section>
  );
}
