import { acAny, acCombiMax, acConst, acNext, acProbability, acTime } from './acceptance.js';
import { composeNegotiator } from './compose.js';
import { frequencyModel } from './frequency-model.js';
import {
  hardlinerOffering,
  modelOffering,
  randomOffering,
  timeDependentOffering,
  titForTatOffering,
} from './offering.js';
import type { AcceptanceCondition } from './parts.js';
import { type ParamSpec, type ParamValue, type StrategyDefinition, StrategyRegistry } from './registry.js';
import { rubinsteinNegotiator } from './rubinstein.js';

const num = (description: string, dflt: number | undefined, min?: number, max?: number): ParamSpec => ({
  kind: 'number',
  description,
  ...(dflt !== undefined ? { default: dflt } : {}),
  ...(min !== undefined ? { min } : {}),
  ...(max !== undefined ? { max } : {}),
});

/** The acceptance parameters every composed strategy takes. */
const ACCEPTANCE_PARAMS: Readonly<Record<string, ParamSpec>> = {
  ac: {
    kind: 'choice',
    description:
      'acceptance condition: next (AC_next), const (AC_const c), time (AC_time tau), combi (AC_next or, after tau, the best offer so far), next-or-time',
    default: 'next',
    choices: ['next', 'const', 'time', 'combi', 'next-or-time'],
  },
  a: num('AC_next: scale of the offer utility', 1, 0),
  b: num('AC_next: added to the offer utility', 0, -1, 1),
  c: num('AC_const: utility threshold', 0.8),
  tau: num('AC_time / combi: normalised time from which to accept', 0.98, 0, 1),
};

/** The acceptance condition the parameters describe. */
export function acceptanceOf(p: Readonly<Record<string, ParamValue>>): AcceptanceCondition {
  const a = Number(p.a ?? 1);
  const b = Number(p.b ?? 0);
  const tau = Number(p.tau ?? 0.98);
  switch (p.ac ?? 'next') {
    case 'const':
      return acConst(Number(p.c ?? 0.8));
    case 'time':
      return acTime(tau);
    case 'combi':
      return acCombiMax(tau);
    case 'next-or-time':
      return acAny(acNext(a, b), acTime(tau));
    default:
      return acNext(a, b);
  }
}

const E = (dflt: number) =>
  num('concession exponent e (GENIUS): < 1 Boulware, 1 linear, > 1 Conceder', dflt, 0);
const K = num('offset k: share of the range conceded at time 0', 0, 0, 1);

function timeDependent(name: string, e: number, what: string): StrategyDefinition {
  return {
    name,
    description: `${what}: target utility max − (max − min)·t^(1/e), e = ${e} (GENIUS TimeDependentAgent)`,
    params: { e: E(e), k: K, ...ACCEPTANCE_PARAMS },
    create: (p) =>
      composeNegotiator({
        offering: timeDependentOffering({ e: Number(p.e), k: Number(p.k) }),
        acceptance: acceptanceOf(p),
      }),
  };
}

/** The strategies every Concord user has, by name. */
export const BUILT_IN_STRATEGIES: readonly StrategyDefinition[] = [
  timeDependent('boulware', 0.2, 'concedes late'),
  timeDependent('linear', 1, 'concedes linearly'),
  timeDependent('conceder', 2, 'concedes early'),
  {
    name: 'hardliner',
    description: 'always offers its best outcome and accepts nothing less',
    params: {},
    create: () =>
      composeNegotiator({ offering: hardlinerOffering(), acceptance: (x) => x.offer >= x.max - 1e-12 }),
  },
  {
    name: 'tft',
    description: 'relative tit-for-tat: concedes as much as the least conceding other party has',
    params: {
      initial: num('opening concession, share of its range', 0.02, 0, 1),
      factor: num('how much of the others’ concession it returns', 1, 0),
      ...ACCEPTANCE_PARAMS,
    },
    create: (p) =>
      composeNegotiator({
        offering: titForTatOffering({ initial: Number(p.initial), factor: Number(p.factor) }),
        acceptance: acceptanceOf(p),
      }),
  },
  {
    name: 'random',
    description:
      'random offers at or above its reservation value; accepts a rational offer with probability p',
    params: { p: num('probability of accepting a rational offer', 0.5, 0, 1) },
    create: (p) => composeNegotiator({ offering: randomOffering(), acceptance: acProbability(Number(p.p)) }),
  },
  {
    name: 'frequency',
    description:
      'time-dependent target; among its outcomes near the target offers the one a frequency opponent model rates best',
    params: {
      e: E(0.5),
      k: K,
      width: num('band above the target to choose from, share of its range', 0.1, 0, 1),
      learning: num('frequency model: weight added to an issue each time its value is kept', 0.2, 0),
      ...ACCEPTANCE_PARAMS,
    },
    create: (p) =>
      composeNegotiator({
        offering: modelOffering({ e: Number(p.e), k: Number(p.k), width: Number(p.width) }),
        acceptance: acceptanceOf(p),
        model: frequencyModel(Number(p.learning)),
      }),
  },
  {
    name: 'rubinstein',
    description:
      'subgame-perfect play of alternating offers over a zero-sum pie with discounting (backward induction)',
    params: {
      d: num('the other party’s discount factor (default: its own)', undefined, 0, 1),
      tol: num('accepts offers this much (share of its range) below its threshold', 0.01, 0, 1),
    },
    create: (p) =>
      rubinsteinNegotiator({
        ...(p.d !== undefined ? { opponentDiscount: Number(p.d) } : {}),
        tolerance: Number(p.tol),
      }),
  },
];

/** The registry of the built-in strategies. */
export const builtInStrategies = new StrategyRegistry(BUILT_IN_STRATEGIES);
