// The what-if panel's state: the settings the user moved, the baseline beside them, and the
// results of runs that may come back out of order (only the latest request's answer counts).

export interface WhatIfSettings {
  /** Lever id → level. */
  readonly levers: Readonly<Record<string, string>>;
  /** Assumption id → pinned value (unpinned assumptions keep their distribution). */
  readonly pins: Readonly<Record<string, number>>;
  /** Assumption id → [low, high] it is drawn from instead of its own range (absent: none moved). */
  readonly ranges?: Readonly<Record<string, readonly [number, number]>>;
  readonly samples: number;
  readonly seed: number;
}

export interface ZoneResult {
  readonly pAgreementZone: number;
  readonly stdError: number;
  readonly samples: number;
  readonly ms: number;
}

export interface WhatIfState {
  readonly settings: WhatIfSettings;
  /** The run with every lever at its baseline and nothing pinned, same draws and seed. */
  readonly baseline?: ZoneResult;
  readonly current?: ZoneResult;
  /** {@link settingsKey} of the settings `current` was computed for. */
  readonly currentKey?: string;
  /** Id of the latest request; answers to older ones are dropped. */
  readonly request: number;
  readonly running: boolean;
  readonly progress?: { readonly done: number; readonly total: number };
  readonly error?: string;
}

export type WhatIfAction =
  | { type: 'set'; settings: WhatIfSettings }
  | { type: 'started'; request: number }
  | { type: 'progress'; request: number; done: number; total: number }
  | { type: 'result'; request: number; key: string; result: ZoneResult; baseline?: ZoneResult }
  | { type: 'failed'; request: number; error: string };

export const initialWhatIf = (settings: WhatIfSettings): WhatIfState => ({
  settings,
  request: 0,
  running: false,
});

/** Stable text of the settings: equal settings, equal key (key order does not matter). */
export function settingsKey(s: WhatIfSettings): string {
  const sorted = (o: Readonly<Record<string, unknown>>) =>
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]);
  return JSON.stringify([sorted(s.levers), sorted(s.pins), sorted(s.ranges ?? {}), s.samples, s.seed]);
}

/** The settings with every lever at `baselines` and no pins, same draws and seed. */
export const baselineOf = (
  s: WhatIfSettings,
  baselines: Readonly<Record<string, string>>,
): WhatIfSettings => ({
  levers: { ...baselines },
  pins: {},
  samples: s.samples,
  seed: s.seed,
});

export const isBaseline = (s: WhatIfSettings, baselines: Readonly<Record<string, string>>): boolean =>
  Object.keys(s.pins).length === 0 &&
  Object.keys(s.ranges ?? {}).length === 0 &&
  Object.entries(baselines).every(([k, v]) => (s.levers[k] ?? v) === v);

export function whatIfReducer(state: WhatIfState, a: WhatIfAction): WhatIfState {
  switch (a.type) {
    case 'set':
      return { ...state, settings: a.settings };
    case 'started': {
      const { progress: _, error: __, ...rest } = state;
      return { ...rest, request: a.request, running: true };
    }
    case 'progress':
      return a.request === state.request ? { ...state, progress: { done: a.done, total: a.total } } : state;
    case 'result': {
      if (a.request !== state.request) return state;
      const { progress: _, error: __, ...rest } = state;
      const baseline = a.baseline ?? state.baseline;
      return {
        ...rest,
        running: false,
        current: a.result,
        currentKey: a.key,
        ...(baseline ? { baseline } : {}),
      };
    }
    case 'failed': {
      if (a.request !== state.request) return state;
      const { progress: _, ...rest } = state;
      return { ...rest, running: false, error: a.error };
    }
  }
}

/** The change from the baseline, in percentage points, or undefined before both are known. */
export function deltaPoints(s: WhatIfState): number | undefined {
  if (!s.baseline || !s.current) return undefined;
  return (s.current.pAgreementZone - s.baseline.pAgreementZone) * 100;
}
