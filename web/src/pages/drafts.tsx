// The single negotiating text. The mediator edits it: drafts as numbered points fixing issue
// values or not, new versions with a message (saved versions are what the parties read), and a
// side-by-side diff of any two versions with each party's acceptance, computed in the Web Worker on
// the whole scenario. Parties and observers read its history: the same diff of any two versions;
// a party also sees, from the server, whether each of the two is acceptable to it and to all
// (docs/privacy.md); an observer sees the text only.
import { useEffect, useState } from 'react';
import { api, type DraftPoint, type DraftText, type Room, roomPath } from '../api.js';
import { ErrorBox, Loading, Progress, Section, useLoad } from '../components/ui.js';
import { acceptanceRows, diffRows, type EvaluationView } from '../logic/diff-view.js';
import { AnalysisLane } from '../worker/client.js';
import type { Evaluation } from '../worker/protocol.js';
import { RoomHeader } from './room.js';

interface Version {
  version: number;
  message: string;
  createdAt: string;
  author: string | null;
  body: Omit<DraftText, 'name'> | null;
}

/** A version's verdict as a party receives it (GET …/versions/{version}/verdict). */
interface Verdict {
  version: number;
  acceptableToAll: boolean;
  acceptableToMe: boolean;
  myRedLinesCrossed: string[];
}

const loadVersions = (room: string, name: string) =>
  name
    ? api<{ versions: Version[] }>('GET', roomPath(room, `/drafts/${encodeURIComponent(name)}/versions`))
    : Promise.resolve({ versions: [] as Version[] });

export function DraftEditor({ room: roomId }: { room: string }) {
  const room = useLoad(() => api<Room>('GET', roomPath(roomId)), [roomId]);
  if (room.error) return <ErrorBox error={room.error} title="Could not open the room" />;
  if (!room.data) return <Loading what="the room" />;
  if (room.data.role !== 'mediator') return <DraftHistory room={room.data} />;
  return <Editor room={room.data} onSaved={room.reload} />;
}

/** The drafts' history for a party or an observer: read only. */
function DraftHistory({ room }: { room: Room }) {
  const drafts = room.text.drafts ?? [];
  const [name, setName] = useState(drafts.at(-1)?.name ?? '');
  const versions = useLoad(() => loadVersions(room.id, name), [room.id, name]);
  return (
    <div data-page="draft-history">
      <RoomHeader room={room} />
      <div className="grid">
        <Section title="Drafts history" id="diff">
          <p className="small muted">
            Every saved version of the negotiating text; pick two to compare them side by side.
            {room.role === 'party'
              ? ' Whether a version is acceptable to you and to all parties is computed on the current preferences of every party; you learn only these yes/no answers.'
              : ''}
          </p>
          <label htmlFor="draft-select">Draft</label>
          <select id="draft-select" value={name} onChange={(e) => setName(e.target.value)}>
            {drafts.map((d) => (
              <option key={d.name}>{d.name}</option>
            ))}
          </select>
          {drafts.length === 0 && <p className="muted">No drafts yet.</p>}
          <ErrorBox error={versions.error} title="Versions not available" />
          {versions.data && (
            <VersionDiff
              name={name}
              versions={versions.data.versions}
              acceptance={(a, b) =>
                room.role === 'party' ? <PartyVerdicts room={room} name={name} a={a} b={b} /> : null
              }
            />
          )}
        </Section>
      </div>
    </div>
  );
}

function Editor({ room, onSaved }: { room: Room; onSaved: () => void }) {
  const drafts = room.text.drafts ?? [];
  const [name, setName] = useState(drafts.at(-1)?.name ?? '');
  const versions = useLoad(() => loadVersions(room.id, name), [room.id, name]);
  const current = drafts.find((d) => d.name === name);
  const [points, setPoints] = useState<DraftPoint[]>([]);
  const [message, setMessage] = useState('');
  const [saved, setSaved] = useState<{ version?: number; error?: unknown }>({});
  useEffect(() => setPoints(structuredClone(current?.points ?? [])), [current]);
  const issues = room.text.issues ?? [];

  const setPoint = (i: number, f: (p: DraftPoint) => void) =>
    setPoints(
      points.map((p, j) =>
        j === i
          ? (() => {
              const q = structuredClone(p);
              f(q);
              return q;
            })()
          : p,
      ),
    );
  const save = async () => {
    if (!current) return;
    const { name: _, ...rest } = current;
    try {
      const r = await api<{ version: number }>(
        'PUT',
        roomPath(room.id, `/drafts/${encodeURIComponent(name)}`),
        {
          draft: { ...rest, points },
          message,
        },
      );
      setSaved({ version: r.version });
      setMessage('');
      versions.reload();
      onSaved();
    } catch (error) {
      setSaved({ error });
    }
  };

  return (
    <div data-page="drafts">
      <RoomHeader room={room} />
      <div className="grid">
        <Section title="Edit a draft" id="edit">
          <label htmlFor="draft-select">Draft</label>
          <select id="draft-select" value={name} onChange={(e) => setName(e.target.value)}>
            {drafts.map((d) => (
              <option key={d.name}>{d.name}</option>
            ))}
          </select>
          {points.map((p, i) => (
            <fieldset key={`${i}-${p.number}`} className="point">
              <legend>Point {p.number}</legend>
              <label>
                Title
                <input
                  value={p.title}
                  onChange={(e) =>
                    setPoint(i, (q) => {
                      q.title = e.target.value;
                    })
                  }
                />
              </label>
              <div className="controls">
                {issues.map((is) => {
                  const v = p.sets?.[is.name];
                  const put = (x: string | number | undefined) =>
                    setPoint(i, (q) => {
                      const sets = { ...(q.sets ?? {}) };
                      if (x === undefined || x === '') delete sets[is.name];
                      else sets[is.name] = x;
                      q.sets = sets;
                    });
                  return (
                    <label key={is.name} className="small">
                      {is.name}
                      {is.options ? (
                        <select
                          value={v === undefined ? '' : String(v)}
                          onChange={(e) => put(e.target.value || undefined)}
                        >
                          <option value="">— not fixed —</option>
                          {is.options.map((o) => (
                            <option key={o}>{o}</option>
                          ))}
                        </select>
                      ) : (
                        <input
                          type="number"
                          placeholder="not fixed"
                          min={is.min}
                          max={is.max}
                          step={is.step ?? 'any'}
                          value={v === undefined ? '' : Number(v)}
                          onChange={(e) => put(e.target.value === '' ? undefined : Number(e.target.value))}
                        />
                      )}
                    </label>
                  );
                })}
              </div>
              <button type="button" onClick={() => setPoints(points.filter((_, j) => j !== i))}>
                Remove point {p.number}
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            onClick={() =>
              setPoints([
                ...points,
                {
                  number: Math.max(0, ...points.map((p) => p.number)) + 1,
                  title: 'New point',
                  detailed: true,
                  evidence: [],
                },
              ])
            }
          >
            Add a point
          </button>
          <label>
            Message for this version
            <input
              value={message}
              onChange={(e) => setMessage(e.target.value)}
              placeholder="what changed and why"
            />
          </label>
          <button type="button" onClick={save} disabled={!current}>
            Save version and send to parties
          </button>
          {saved.version !== undefined && (
            <p role="status">Saved as version {saved.version}: the parties now read it.</p>
          )}
          <ErrorBox error={saved.error} title="Not saved" />
        </Section>
        <Section title="Versions and diff" id="diff">
          <ErrorBox error={versions.error} title="Versions not available" />
          {versions.data && (
            <VersionDiff
              name={name}
              versions={versions.data.versions}
              acceptance={(a, b) => (
                <MediatorAcceptance
                  room={room}
                  name={name}
                  a={a}
                  b={b}
                  versions={versions.data?.versions ?? []}
                />
              )}
            />
          )}
        </Section>
      </div>
    </div>
  );
}

/** Pick two versions (the last two at first) and see the side-by-side diff; `acceptance` below it. */
function VersionDiff({
  name,
  versions,
  acceptance,
}: {
  name: string;
  versions: Version[];
  acceptance: (a: Version | undefined, b: Version | undefined) => React.ReactNode;
}) {
  const live = versions.filter((v) => v.body);
  const [a, setA] = useState(live.at(-2)?.version ?? live[0]?.version ?? 0);
  const [b, setB] = useState(live.at(-1)?.version ?? 0);
  useEffect(() => {
    setA(live.at(-2)?.version ?? live[0]?.version ?? 0);
    setB(live.at(-1)?.version ?? 0);
  }, [versions]);
  const va = live.find((v) => v.version === a);
  const vb = live.find((v) => v.version === b);

  const pick = (value: number, set: (n: number) => void, label: string) => (
    <label>
      {label}
      <select value={value} onChange={(e) => set(Number(e.target.value))}>
        {live.map((v) => (
          <option key={v.version} value={v.version}>
            v{v.version} — {v.message || 'no message'} ({v.author ?? 'import'})
          </option>
        ))}
      </select>
    </label>
  );
  if (live.length === 0) return <p className="muted">No versions.</p>;
  const rows = va?.body && vb?.body ? diffRows({ ...va.body, name }, { ...vb.body, name }) : [];
  return (
    <>
      <div className="controls">
        {pick(a, setA, 'Before')}
        {pick(b, setB, 'After')}
      </div>
      <div className="scroll">
        <table className="diff" data-testid="diff">
          <thead>
            <tr>
              <th scope="col">v{a}</th>
              <th scope="col">v{b}</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} className={`change-${r.change}`} data-change={r.change}>
                <td>
                  {r.left
                    ? `${r.left.number}. ${r.left.title}${r.left.sets.length ? ` — ${r.left.sets.join('; ')}` : ''}`
                    : ''}
                </td>
                <td>
                  {r.right
                    ? `${r.right.number}. ${r.right.title}${r.right.sets.length ? ` — ${r.right.sets.join('; ')}` : ''}`
                    : ''}
                </td>
                <td>
                  {r.change}
                  {r.what.length > 0 ? `: ${r.what.join(', ')}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {acceptance(va, vb)}
    </>
  );
}

const yes = (x?: boolean) => (x === undefined ? '…' : x ? 'accepts' : 'rejects');

function AcceptanceTable({
  a,
  b,
  before,
  after,
  me,
}: {
  a?: Version | undefined;
  b?: Version | undefined;
  before: EvaluationView | undefined;
  after: EvaluationView | undefined;
  me?: string;
}) {
  const acc = acceptanceRows(before, after, me);
  return (
    <table className="acceptance">
      <thead>
        <tr>
          <th scope="col">Party</th>
          <th scope="col">v{a?.version}</th>
          <th scope="col">v{b?.version}</th>
        </tr>
      </thead>
      <tbody>
        {acc.map((r) => (
          <tr key={r.who}>
            <th scope="row">{r.who}</th>
            <td data-yes={r.before === undefined ? '' : r.before ? 'yes' : 'no'}>{yes(r.before)}</td>
            <td data-yes={r.after === undefined ? '' : r.after ? 'yes' : 'no'}>{yes(r.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The mediator: every party's acceptance of both versions, in the Web Worker on the whole scenario. */
function MediatorAcceptance({
  room,
  name,
  a: va,
  b: vb,
  versions,
}: {
  room: Room;
  name: string;
  a: Version | undefined;
  b: Version | undefined;
  versions: Version[];
}) {
  const [evals, setEvals] = useState<{ list?: Evaluation[]; error?: unknown; busy?: boolean }>({});
  const yaml = useLoad(
    () => api<{ yaml: string }>('GET', roomPath(room.id, '/scenario')),
    [room.id, versions],
  );
  useEffect(() => {
    if (!va?.body || !vb?.body || !yaml.data) return;
    const lane = new AnalysisLane();
    setEvals({ busy: true });
    lane
      .run({
        kind: 'evaluate',
        yaml: yaml.data.yaml,
        drafts: [
          { ...va.body, name: `${name} v${va.version}` },
          { ...vb.body, name: `${name} v${vb.version}` },
        ],
      })
      .then(
        (r) => setEvals({ list: r.evaluations }),
        (error: unknown) => setEvals({ error }),
      );
    return () => lane.stop();
  }, [va, vb, yaml.data, name]);
  return (
    <>
      <h3>Acceptance</h3>
      <Progress active={evals.busy === true} label="Evaluating both versions" />
      <ErrorBox error={evals.error} title="Evaluation failed" />
      <AcceptanceTable a={va} b={vb} before={evals.list?.[0]} after={evals.list?.[1]} />
    </>
  );
}

/** A party: from the server, whether each version is acceptable to it and to all; nothing more. */
function PartyVerdicts({
  room,
  name,
  a,
  b,
}: {
  room: Room;
  name: string;
  a: Version | undefined;
  b: Version | undefined;
}) {
  const verdict = (v: Version | undefined) =>
    v
      ? api<Verdict>(
          'GET',
          roomPath(room.id, `/drafts/${encodeURIComponent(name)}/versions/${v.version}/verdict`),
        )
      : Promise.resolve(undefined);
  const both = useLoad(() => Promise.all([verdict(a), verdict(b)]), [room.id, name, a?.version, b?.version]);
  const me = room.parties.find((p) => p.slug === room.party)?.name ?? 'you';
  const [before, after] = both.data ?? [];
  // The versions compared that cross some of the party's red lines.
  const crossing = [before, after].filter((v): v is Verdict => (v?.myRedLinesCrossed.length ?? 0) > 0);
  return (
    <div data-testid="verdicts" className="verdicts" data-loading={both.loading ? 'yes' : 'no'}>
      <h3>Acceptable to you?</h3>
      <ErrorBox error={both.error} title="Verdicts not available" />
      <AcceptanceTable
        a={a}
        b={b}
        before={both.loading ? undefined : before}
        after={both.loading ? undefined : after}
        me={`${me} (you)`}
      />
      {!both.loading && crossing.length > 0 && (
        <ul className="small">
          {crossing.map((v, i) => (
            <li key={`${v.version}-${i}`}>
              v{v.version} crosses your red lines: {v.myRedLinesCrossed.join(', ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
