// Levers and assumptions as controls: the what-if runs in the Web Worker on the whole scenario
// (only the mediator has it), debounced, with the baseline of the same draws and seed beside it.
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { SharedText } from '../api.js';
import { debounce } from '../logic/debounce.js';
import { rangeProblem } from '../logic/ranges.js';
import { pct } from '../logic/visibility.js';
import {
  baselineOf,
  deltaPoints,
  initialWhatIf,
  isBaseline,
  settingsKey,
  type WhatIfSettings,
  whatIfReducer,
  type ZoneResult,
} from '../logic/whatif.js';
import { AnalysisLane, Superseded } from '../worker/client.js';
import { ErrorBox, Progress, Section } from './ui.js';

interface Assumption {
  id: string;
  parameter: string;
  rationale?: string;
  distribution?: Record<string, unknown>;
}

/** The range an assumption's distribution spans (its smallest and largest parameter). */
export function assumptionRange(a: Assumption): [number, number] | undefined {
  const params = Object.values(a.distribution ?? {}).find(Array.isArray) as unknown[] | undefined;
  const nums = (params ?? []).filter((x): x is number => typeof x === 'number');
  if (nums.length < 2) return undefined;
  const lo = Math.min(...nums);
  const hi = Math.max(...nums);
  return lo < hi ? [lo, hi] : undefined;
}

export function WhatIfPanel({ text, yaml }: { text: SharedText; yaml: string }) {
  const levers = text.levers ?? [];
  const assumptions = ((text.assumptions ?? []) as Assumption[]).filter((a) => assumptionRange(a));
  const baselines = useMemo(() => Object.fromEntries(levers.map((l) => [l.id, l.baseline])), [levers]);
  const [state, dispatch] = useReducer(
    whatIfReducer,
    initialWhatIf({ levers: baselines, pins: {}, samples: 1000, seed: 1 }),
  );
  const lane = useRef<AnalysisLane>(undefined);
  const cache = useRef(new Map<string, ZoneResult>());
  const request = useRef(0);

  const run = useMemo(
    () =>
      debounce(async (s: WhatIfSettings) => {
        const id = ++request.current;
        lane.current ??= new AnalysisLane();
        dispatch({ type: 'started', request: id });
        const zone = async (x: WhatIfSettings): Promise<ZoneResult> => {
          const key = settingsKey(x);
          const hit = cache.current.get(key);
          if (hit) return hit;
          const r = await (lane.current as AnalysisLane).run(
            {
              kind: 'zone',
              yaml,
              samples: x.samples,
              seed: x.seed,
              levers: { ...x.levers },
              pins: { ...x.pins },
              ranges: Object.fromEntries(
                Object.entries(x.ranges ?? {}).map(([k, [lo, hi]]) => [k, [lo, hi] as [number, number]]),
              ),
            },
            (done, total) => dispatch({ type: 'progress', request: id, done, total }),
          );
          const z = { pAgreementZone: r.pAgreementZone, stdError: r.stdError, samples: r.samples, ms: r.ms };
          cache.current.set(key, z);
          return z;
        };
        try {
          const baseline = await zone(baselineOf(s, baselines));
          const current = isBaseline(s, baselines) ? baseline : await zone(s);
          dispatch({ type: 'result', request: id, key: settingsKey(s), result: current, baseline });
        } catch (e) {
          if (!(e instanceof Superseded))
            dispatch({ type: 'failed', request: id, error: e instanceof Error ? e.message : String(e) });
        }
      }, 300),
    [yaml, baselines],
  );
  useEffect(() => () => lane.current?.stop(), []);
  useEffect(() => run.schedule(state.settings), [settingsKey(state.settings), run]);

  const set = (patch: Partial<WhatIfSettings>) =>
    dispatch({ type: 'set', settings: { ...state.settings, ...patch } });
  const delta = deltaPoints(state);
  // The what-if shown is for the settings on screen (no newer run pending or running).
  const fresh = !state.running && !run.pending && state.currentKey === settingsKey(state.settings);
  return (
    <Section title="Levers and assumptions (what-if)" id="whatif">
      <div className="controls">
        {levers.map((l) => (
          <label key={l.id}>
            {l.name}
            <select
              data-lever={l.id}
              value={state.settings.levers[l.id] ?? l.baseline}
              onChange={(e) => set({ levers: { ...state.settings.levers, [l.id]: e.target.value } })}
            >
              {Object.keys(l.levels).map((lv) => (
                <option key={lv} value={lv}>
                  {lv}
                  {lv === l.baseline ? ' (baseline)' : ''}
                </option>
              ))}
            </select>
          </label>
        ))}
        {assumptions.map((a) => {
          const [lo, hi] = assumptionRange(a) as [number, number];
          const pinned = state.settings.pins[a.id];
          const pins = { ...state.settings.pins };
          return (
            <fieldset key={a.id} className="pin">
              <legend>
                <code>{a.parameter}</code>
              </legend>
              <label className="inline">
                <input
                  type="checkbox"
                  checked={pinned !== undefined}
                  onChange={(e) => {
                    if (e.target.checked) pins[a.id] = (lo + hi) / 2;
                    else delete pins[a.id];
                    set({ pins });
                  }}
                />{' '}
                pin ({lo} to {hi}, else drawn)
              </label>
              {pinned !== undefined && (
                <input
                  type="range"
                  aria-label={`${a.parameter} pinned value`}
                  min={lo}
                  max={hi}
                  step={(hi - lo) / 100}
                  value={pinned}
                  onChange={(e) => set({ pins: { ...pins, [a.id]: Number(e.target.value) } })}
                />
              )}
              {pinned !== undefined && <output>{pinned.toFixed(3)}</output>}
              <RangeControl
                id={a.id}
                parameter={a.parameter}
                lo={lo}
                hi={hi}
                onChange={(r) => {
                  const ranges = { ...(state.settings.ranges ?? {}) };
                  if (r) ranges[a.id] = r;
                  else delete ranges[a.id];
                  set({ ranges });
                }}
              />
            </fieldset>
          );
        })}
        <label>
          Draws
          <select value={state.settings.samples} onChange={(e) => set({ samples: Number(e.target.value) })}>
            {[500, 1000, 2000, 5000].map((n) => (
              <option key={n} value={n}>
                {n.toLocaleString('en-US')}
              </option>
            ))}
          </select>
        </label>
        <label>
          Seed
          <input
            type="number"
            min={0}
            value={state.settings.seed}
            onChange={(e) => set({ seed: Math.max(0, Math.floor(Number(e.target.value) || 0)) })}
          />
        </label>
      </div>
      <Progress
        active={state.running}
        {...(state.progress ?? {})}
        label="Running the what-if in your browser"
      />
      <ErrorBox error={state.error ? new Error(state.error) : undefined} title="The what-if failed" />
      <div className="compare" aria-live="polite">
        <div>
          <div className="muted small">Baseline P(agreement zone)</div>
          <div className="big" data-testid="pzone-baseline" data-value={state.baseline?.pAgreementZone ?? ''}>
            {state.baseline ? pct(state.baseline.pAgreementZone) : '…'}
          </div>
        </div>
        <div>
          <div className="muted small">What-if P(agreement zone)</div>
          <div
            className="big"
            data-testid="pzone-whatif"
            data-value={fresh ? state.current?.pAgreementZone : ''}
            data-settings={fresh ? state.currentKey : ''}
          >
            {state.current ? pct(state.current.pAgreementZone) : '…'}
            {state.current && <span className="muted small"> ± {pct(state.current.stdError)}</span>}
          </div>
        </div>
        <div>
          <div className="muted small">Change</div>
          <div className="big">
            {delta === undefined ? '…' : `${delta >= 0 ? '+' : ''}${delta.toFixed(1)} points`}
          </div>
        </div>
      </div>
      <p className="muted small">
        {state.settings.samples.toLocaleString('en-US')} draws, seed {state.settings.seed}: the same Monte
        Carlo as <code>concord whatif</code>, run by the library in a Web Worker.
      </p>
    </Section>
  );
}

/**
 * "Draw from another range": two numbers; only a valid range reaches the settings (an invalid
 * one says what is wrong and leaves the what-if as it was).
 */
function RangeControl({
  id,
  parameter,
  lo,
  hi,
  onChange,
}: {
  id: string;
  parameter: string;
  lo: number;
  hi: number;
  onChange: (r: readonly [number, number] | undefined) => void;
}) {
  const [on, setOn] = useState(false);
  const [from, setFrom] = useState(String(lo));
  const [to, setTo] = useState(String(hi));
  const problem = on ? rangeProblem(parameter, Number(from), Number(to)) : undefined;
  const update = (next: { on: boolean; from: string; to: string }) => {
    const bad = rangeProblem(parameter, Number(next.from), Number(next.to));
    onChange(next.on && !bad ? [Number(next.from), Number(next.to)] : undefined);
  };
  return (
    <div className="range" data-range={id}>
      <label className="inline">
        <input
          type="checkbox"
          checked={on}
          onChange={(e) => {
            setOn(e.target.checked);
            update({ on: e.target.checked, from, to });
          }}
        />{' '}
        draw from another range
      </label>
      {on && (
        <>
          <label className="inline">
            from{' '}
            <input
              type="number"
              step="any"
              aria-label={`${parameter} range from`}
              value={from}
              onChange={(e) => {
                setFrom(e.target.value);
                update({ on, from: e.target.value, to });
              }}
            />
          </label>{' '}
          <label className="inline">
            to{' '}
            <input
              type="number"
              step="any"
              aria-label={`${parameter} range to`}
              value={to}
              onChange={(e) => {
                setTo(e.target.value);
                update({ on, from, to: e.target.value });
              }}
            />
          </label>
          {problem && (
            <p role="alert" className="error small">
              {problem}
            </p>
          )}
        </>
      )}
    </div>
  );
}
