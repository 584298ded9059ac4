// A party's private room: its preferences as sliders, its red lines (dropped or added with a
// form), "check a package" on them (on the server, which holds the shared text; nothing of another
// party's), what the joint analysis may tell it, and blind offers.
import { useEffect, useMemo, useState } from 'react';
import { ApiError, api, type Option, type Room, roomPath } from '../api.js';
import type { PreferenceSet } from '../components/matrix.js';
import { AddRedLine } from '../components/red-line-form.js';
import { Drafts, Evidence, Issues, publicEvidence, Timeline } from '../components/shared-text.js';
import { ErrorBox, Loading, Section, useLoad } from '../components/ui.js';
import { debounce } from '../logic/debounce.js';
import { type Condition, conditionText, serverProblemsOf } from '../logic/red-lines.js';
import { JointAnswers } from './joint-answers.js';
import { RoomHeader } from './room.js';

type Package = Record<string, string | number>;
interface Check {
  utility: number;
  reservation: number;
  gain: number;
  acceptable: boolean;
  preview: boolean;
  redLinesCrossed: { id: string; description: string }[];
}

/** A slider with a number box beside it, one value (keyboard and exact entry both work). */
function Slider(props: {
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  onChange: (v: number) => void;
  testid?: string;
}) {
  const { label, min, max, step, value, onChange } = props;
  return (
    <div className="slider">
      <span className="slider-label">{label}</span>
      <input
        type="range"
        aria-label={label}
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <input
        type="number"
        aria-label={`${label} (number)`}
        data-testid={props.testid}
        min={min}
        max={max}
        step="any"
        value={value}
        onChange={(e) => e.target.value !== '' && onChange(Number(e.target.value))}
      />
    </div>
  );
}

/** The server's problems about red line `i`, from a failed save or check. */
const problemsOf = (error: unknown, i: number) =>
  error instanceof ApiError ? serverProblemsOf(error.errors, i) : [];

const firstPackage = (issues: Option[]): Package =>
  Object.fromEntries(issues.map((i) => [i.name, i.options ? (i.options[0] as string) : (i.min ?? 0)]));

export function PartyRoom({ room }: { room: Room }) {
  const slug = room.party as string;
  const issues = room.text.issues ?? [];
  const stored = useLoad(
    () =>
      api<{ version: number; preferences: PreferenceSet }>(
        'GET',
        roomPath(room.id, `/parties/${slug}/preferences`),
      ),
    [room.id, slug],
  );
  const [prefs, setPrefs] = useState<PreferenceSet | undefined>();
  useEffect(() => {
    if (stored.data) setPrefs(structuredClone(stored.data.preferences));
  }, [stored.data]);
  const [pkg, setPkg] = useState<Package>(() => firstPackage(issues));
  const [check, setCheck] = useState<{ result?: Check; error?: unknown; busy?: boolean }>({});
  const [message, setMessage] = useState('');
  const [saved, setSaved] = useState<{ version?: number; error?: unknown }>({});

  const runCheck = useMemo(
    () =>
      debounce(async ([p, k]: [PreferenceSet, Package]) => {
        setCheck((c) => ({ ...c, busy: true }));
        try {
          const result = await api<Check>('POST', roomPath(room.id, `/parties/${slug}/check`), {
            package: k,
            preferences: p,
          });
          setCheck({ result });
        } catch (error) {
          setCheck({ error });
        }
      }, 300),
    [room.id, slug],
  );
  useEffect(() => {
    if (prefs) runCheck.schedule([prefs, pkg]);
  }, [prefs, pkg, runCheck]);

  if (stored.error) return <ErrorBox error={stored.error} title="Your preferences could not be loaded" />;
  if (!prefs) return <Loading what="your preferences" />;
  const weights = prefs.weights ?? {};
  const maxW = Math.max(1, ...Object.values(weights)) * 2;
  const edit = (f: (p: PreferenceSet) => void) => {
    const next = structuredClone(prefs);
    f(next);
    setPrefs(next);
  };
  const save = async () => {
    try {
      const r = await api<{ version: number }>(
        'PUT',
        roomPath(room.id, `/parties/${slug}/preferences?message=${encodeURIComponent(message)}`),
        prefs,
      );
      setSaved({ version: r.version });
      setMessage('');
    } catch (error) {
      setSaved({ error });
    }
  };

  return (
    <div data-page="party">
      <RoomHeader room={room} />
      <p className="private-note" role="note">
        This room is private to your party and the mediator: no other party or observer sees your preferences
        or checks.
      </p>
      <div className="grid">
        <Section title="My preferences" id="preferences">
          <Slider
            label="Reservation value (what no deal is worth to you, 0–1)"
            min={0}
            max={1}
            step={0.01}
            value={prefs.reservation ?? 0}
            testid="reservation"
            onChange={(v) =>
              edit((p) => {
                p.reservation = v;
              })
            }
          />
          <h3>Weights</h3>
          {Object.keys(weights).map((issue) => (
            <Slider
              key={issue}
              label={`Weight of ${issue}`}
              min={0}
              max={maxW}
              step={maxW / 100}
              value={weights[issue] as number}
              testid={`weight-${issue}`}
              onChange={(v) =>
                edit((p) => {
                  (p.weights as Record<string, number>)[issue] = v;
                })
              }
            />
          ))}
          <h3>Ratings of the options (1 = best for you)</h3>
          {Object.entries(prefs.values ?? {}).map(([issue, table]) =>
            table &&
            typeof table === 'object' &&
            !Array.isArray(table) &&
            Object.values(table).every((x) => typeof x === 'number') ? (
              <fieldset key={issue}>
                <legend>{issue}</legend>
                {Object.entries(table as Record<string, number>).map(([opt, v]) => (
                  <Slider
                    key={opt}
                    label={`${issue}: ${opt}`}
                    min={0}
                    max={1}
                    step={0.05}
                    value={v}
                    onChange={(x) =>
                      edit((p) => {
                        (
                          (p.values as Record<string, Record<string, number>>)[issue] as Record<
                            string,
                            number
                          >
                        )[opt] = x;
                      })
                    }
                  />
                ))}
              </fieldset>
            ) : null,
          )}
          <h3>Red lines</h3>
          {(prefs.redLines ?? []).length === 0 && <p className="muted">None.</p>}
          <ul data-testid="red-lines">
            {(prefs.redLines ?? []).map((r, i) => (
              <li key={r.id} data-red-line={r.id}>
                <code>{r.id}</code> {r.description}{' '}
                {r.forbid !== undefined && (
                  <span className="small muted">(crossed when {conditionText(r.forbid as Condition)})</span>
                )}{' '}
                {[...problemsOf(saved.error, i), ...problemsOf(check.error, i)].map((e) => (
                  <span key={`${e.path}:${e.message}`} className="field-error">
                    The server: {e.path ? <code>{e.path}</code> : null} {e.message}
                  </span>
                ))}
                <button
                  type="button"
                  onClick={() =>
                    edit((p) => {
                      p.redLines = (p.redLines ?? []).filter((_, j) => j !== i);
                    })
                  }
                >
                  Drop
                </button>
              </li>
            ))}
          </ul>
          <AddRedLine
            issues={issues}
            party={slug}
            taken={[
              ...(prefs.redLines ?? []).map((r) => r.id),
              ...((room.text.constraints ?? []) as { id?: string }[]).flatMap((c) => (c.id ? [c.id] : [])),
            ]}
            onAdd={(line) =>
              edit((p) => {
                p.redLines = [...(p.redLines ?? []), { ...line }];
              })
            }
          />
          <label>
            Why (kept in your history)
            <input value={message} onChange={(e) => setMessage(e.target.value)} />
          </label>
          <button type="button" onClick={save}>
            Save a new version
          </button>{' '}
          <button
            type="button"
            onClick={() => stored.data && setPrefs(structuredClone(stored.data.preferences))}
          >
            Undo unsaved changes
          </button>
          {saved.version !== undefined && <p role="status">Saved as version {saved.version}.</p>}
          <ErrorBox error={saved.error} title="Not saved" />
        </Section>
        <Section title="Check a package" id="check">
          <div className="controls">
            {issues.map((i) => (
              <label key={i.name}>
                {i.name}
                {i.options ? (
                  <select
                    value={String(pkg[i.name])}
                    onChange={(e) => setPkg({ ...pkg, [i.name]: e.target.value })}
                  >
                    {i.options.map((o) => (
                      <option key={o}>{o}</option>
                    ))}
                  </select>
                ) : (
                  <input
                    type="number"
                    min={i.min}
                    max={i.max}
                    step={i.step ?? 'any'}
                    value={Number(pkg[i.name])}
                    onChange={(e) => setPkg({ ...pkg, [i.name]: Number(e.target.value) })}
                  />
                )}
              </label>
            ))}
          </div>
          <ErrorBox error={check.error} title="The check failed" />
          {check.result && (
            <div className="check" aria-live="polite" data-busy={check.busy ? 'yes' : 'no'}>
              <p>
                Worth to you: <strong data-testid="check-utility">{check.result.utility.toFixed(4)}</strong>{' '}
                (your reservation {check.result.reservation}) —{' '}
                <strong data-testid="check-verdict">
                  {check.result.acceptable ? 'acceptable to you' : 'not acceptable to you'}
                </strong>
                {check.result.preview && <span className="muted small"> (on your unsaved preferences)</span>}
              </p>
              {check.result.redLinesCrossed.length > 0 ? (
                <ul>
                  {check.result.redLinesCrossed.map((r) => (
                    <li key={r.id}>
                      crosses your red line <code>{r.id}</code>: {r.description}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>Crosses none of your red lines.</p>
              )}
            </div>
          )}
          <BlindOffers room={room} slug={slug} pkg={pkg} />
        </Section>
        <JointAnswers room={room} load={() => api('GET', roomPath(room.id, '/brief'))} />
        <Drafts text={room.text} />
        <Issues text={room.text} />
        <Timeline events={room.text.events ?? []} />
        <Evidence items={publicEvidence(room.text)} />
      </div>
    </div>
  );
}

function BlindOffers({ room, slug, pkg }: { room: Room; slug: string; pkg: Package }) {
  const offers = useLoad(
    () =>
      api<{ complete: boolean; overlap: Package[]; mine: Package[] | null }>(
        'GET',
        roomPath(room.id, '/offers'),
      ),
    [room.id],
  );
  const [list, setList] = useState<Package[] | undefined>();
  const [error, setError] = useState<unknown>();
  const mine = list ?? offers.data?.mine ?? [];
  const submit = async () => {
    try {
      await api('PUT', roomPath(room.id, `/parties/${slug}/offers`), { packages: mine });
      setList(undefined);
      offers.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="offers">
      <h3>Blind offers</h3>
      <p className="small muted">
        Submit the packages you would accept. The server shows only the packages every party offered, once
        every party has submitted; nothing else of anyone's offers.
      </p>
      <button type="button" onClick={() => setList([...mine, { ...pkg }])}>
        Add this package to my offers
      </button>{' '}
      <button type="button" onClick={submit} disabled={mine.length === 0}>
        Submit my offers ({mine.length})
      </button>
      <ErrorBox error={error ?? offers.error} title="Offers" />
      {offers.data && (
        <p role="status">
          {offers.data.complete
            ? offers.data.overlap.length > 0
              ? `Acceptable to all: ${offers.data.overlap.map((p) => Object.values(p).join(' / ')).join('; ')}`
              : 'Every party has submitted; no package is in every offer.'
            : 'Waiting for every party to submit.'}
        </p>
      )}
    </div>
  );
}
