import type { Distribution } from '../record/types.js';
import { DRIVER_FIFTH } from './monte-carlo-tally.js';
import { quantileOf } from './sample.js';
import { binomialStdError } from './stats.js';

/** The draws of one bin of an assumption: how many, and how often each party accepted the draft. */
export interface DriverBinResult {
  /** The assumption's values in this bin (a bernoulli: [0, 0] not real, [1, 1] real). */
  readonly range: readonly [number, number];
  readonly draws: number;
  /** Per party: share of this bin's draws where it accepts the draft (NaN when the bin is empty). */
  readonly pAccept: Readonly<Record<string, number>>;
  readonly pAll: number;
  /** Binomial standard errors of the shares, within the bin. */
  readonly stdErrors: { readonly pAccept: Readonly<Record<string, number>>; readonly pAll: number };
}

/**
 * One bar of a draft's acceptance tornado: P(accept) in the draws where one assumption was low
 * against those where it was high, the others drawn as usual. The bins are disjoint sets of
 * independent draws, so the standard error of a difference is the root of the sum of squares.
 */
export interface AcceptanceDriver {
  readonly assumption: string;
  readonly parameter: string;
  /** `value`: a bernoulli split by its value (not real / real); `fifths`: lowest vs highest fifth of the distribution. */
  readonly split: 'value' | 'fifths';
  readonly low: DriverBinResult;
  readonly high: DriverBinResult;
  /** Per party (and `all`): high − low of P(accept), with its standard error. */
  readonly effect: Readonly<Record<string, { readonly delta: number; readonly stdError: number }>>;
}

/** The key of "every party accepts" in {@link AcceptanceDriver.effect}. */
export const ALL_PARTIES = '*all';

/**
 * The acceptance tornado of draft `j` from a tally's driver counts: one bar per sampled
 * assumption (pinned and fixed ones have empty bins and are left out).
 */
export function acceptanceDrivers(
  assumptions: readonly {
    readonly id: string;
    readonly parameter: string;
    readonly distribution: Distribution;
  }[],
  parties: readonly string[],
  driverDraws: readonly number[],
  counts: readonly number[],
): AcceptanceDriver[] {
  const k = parties.length;
  const out: AcceptanceDriver[] = [];
  assumptions.forEach((a, i) => {
    const bin = (b: 0 | 1): DriverBinResult => {
      const n = driverDraws[2 * i + b] as number;
      const share = (p: number) => (n > 0 ? (counts[(2 * i + b) * (k + 1) + p] as number) / n : Number.NaN);
      const pAccept = Object.fromEntries(parties.map((name, p) => [name, share(p)]));
      const pAll = share(k);
      const d = a.distribution;
      const range: [number, number] =
        d.kind === 'bernoulli'
          ? [b, b]
          : b === 0
            ? [quantileOf(d, 0), quantileOf(d, DRIVER_FIFTH)]
            : [quantileOf(d, 1 - DRIVER_FIFTH), quantileOf(d, 1)];
      return {
        range,
        draws: n,
        pAccept,
        pAll,
        stdErrors: {
          pAccept: Object.fromEntries(parties.map((name, p) => [name, binomialStdError(share(p), n)])),
          pAll: binomialStdError(pAll, n),
        },
      };
    };
    const low = bin(0);
    const high = bin(1);
    if (low.draws === 0 || high.draws === 0) return;
    const diff = (lo: number, hi: number, slo: number, shi: number) => ({
      delta: hi - lo,
      stdError: Math.hypot(slo, shi),
    });
    const effect: Record<string, { delta: number; stdError: number }> = Object.fromEntries(
      parties.map((name) => [
        name,
        diff(
          low.pAccept[name] as number,
          high.pAccept[name] as number,
          low.stdErrors.pAccept[name] as number,
          high.stdErrors.pAccept[name] as number,
        ),
      ]),
    );
    effect[ALL_PARTIES] = diff(low.pAll, high.pAll, low.stdErrors.pAll, high.stdErrors.pAll);
    out.push({
      assumption: a.id,
      parameter: a.parameter,
      split: a.distribution.kind === 'bernoulli' ? 'value' : 'fifths',
      low,
      high,
      effect,
    });
  });
  return out;
}

/** The drivers of one party's acceptance (or {@link ALL_PARTIES}), largest |effect| first. */
export function topDrivers(
  drivers: readonly AcceptanceDriver[],
  party: string,
  n: number,
): AcceptanceDriver[] {
  const size = (d: AcceptanceDriver) => Math.abs(d.effect[party]?.delta ?? 0);
  return [...drivers].sort((x, y) => size(y) - size(x)).slice(0, n);
}
