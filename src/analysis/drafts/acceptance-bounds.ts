import type { SearchModel, SearchRedLine } from '../search/additive-plan.js';
import { makePlan } from '../search/additive-plan.js';
import { search } from '../search/additive-search.js';
import { complement, oneParty } from './draft-range.js';
import { partialRange } from './partial-range.js';

/** Whether a party accepts a partial draft under its best and under its worst completion. */
export interface AcceptanceBound {
  readonly acceptsBest: boolean;
  readonly acceptsWorst: boolean;
}

/** Below this gap under the reservation a found maximum is re-checked by an exact `exists` search. */
const CLOSE = 1e-9;

/** Red lines keyed by content where possible, else by identity (a fresh object never hits). */
const ids = new WeakMap<object, number>();
let nextId = 0;
function lineKey(r: SearchRedLine): string {
  if (r.mask) return `${r.id}=${r.mask.join('')}`;
  let id = ids.get(r);
  if (id === undefined) {
    id = nextId++;
    ids.set(r, id);
  }
  return `${r.id}#${id}`;
}

function sameTables(a: readonly Float64Array[] | undefined, b: readonly Float64Array[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Float64Array;
    const y = b[i] as Float64Array;
    if (x.length !== y.length) return false;
    for (let v = 0; v < x.length; v++) if (x[v] !== y[v]) return false;
  }
  return true;
}

interface PartyMemo {
  tables: Float64Array[] | undefined;
  /** Own-red-line key the `maxOk` below was found with. */
  ownKey: string;
  /** Lowest utility over the feasible completions (null: not computed for these tables). */
  lo: number | null;
  /** Highest utility over the completions crossing none of its red lines (undefined: none; null: not computed). */
  maxOk: number | undefined | null;
}

/**
 * {@link completionBounds}' acceptance under the best and worst completion, the same answers,
 * for the many draws of a Monte Carlo on one draft: what does not change from draw to draw is
 * searched once. A Monte Carlo draw moves a party's reservation every time but its utility
 * tables only when its weights or scores are sampled, and its red lines only when their
 * activity or bounds are; so the searches are split into parts that depend on the tables
 * (the lowest utility; the highest utility avoiding its red lines), on its red lines alone
 * (whether some completion crosses one), or on neither (whether any completion is feasible),
 * and each is kept while its inputs are equal. Reservations enter only through comparisons.
 * The constraints of the space must be the same objects on every call (as a `SampleModel`
 * gives them).
 */
export class AcceptanceBounds {
  readonly #fixed: readonly number[];
  #feasible: boolean | undefined;
  readonly #parties: PartyMemo[] = [];
  /** Own-red-line key → whether some feasible completion crosses one of them. */
  readonly #crosses = new Map<string, boolean>();
  /** Own-red-line key → whether some feasible completion crosses none of them. */
  readonly #avoids = new Map<string, boolean>();

  constructor(fixed: readonly number[]) {
    this.#fixed = fixed;
  }

  /** The party's acceptance under its best and worst completion of the draft in this model. */
  of(model: SearchModel, party: number): AcceptanceBound {
    const fixed = this.#fixed;
    const none = { acceptsBest: false, acceptsWorst: false };
    if (this.#feasible === undefined)
      this.#feasible =
        search(makePlan(oneParty(model, 0, Number.NEGATIVE_INFINITY, 1, []), { fixed }), {
          kind: 'exists',
        }) !== undefined;
    if (!this.#feasible) return none;
    const r = model.reservations[party] as number;
    const tables = model.tables[party] as readonly Float64Array[];
    const own = model.redLines.filter((x) => x.party === party);
    const ownKey = own.map(lineKey).join('|');
    if (this.#crosses.size > 4096) this.#crosses.clear();
    if (this.#avoids.size > 4096) this.#avoids.clear();

    // Exact bounds over all assignments of the open issues (constraints ignored): a completion's
    // utility, summed in the same order, lies between them.
    const [loAll, hiAll] = partialRange(tables, fixed);
    if (hiAll < r) return none;
    let memo = this.#parties[party];
    if (!memo || !sameTables(memo.tables, tables)) {
      memo = { tables: tables.map((t) => t.slice()), ownKey: '', lo: null, maxOk: null };
      this.#parties[party] = memo;
    }
    let acceptsBest: boolean;
    if (loAll >= r) {
      // Every completion reaches the reservation: the best case needs one that avoids its red lines.
      acceptsBest = this.#avoid(model, party, own, ownKey);
    } else {
      if (memo.maxOk === null || memo.ownKey !== ownKey) {
        const found = search(makePlan(oneParty(model, party, Number.NEGATIVE_INFINITY, 1, own), { fixed }), {
          kind: 'utility',
          party: 0,
        });
        memo.maxOk = found?.value;
        memo.ownKey = ownKey;
      }
      const m = memo.maxOk;
      acceptsBest =
        m !== undefined &&
        (m >= r ||
          (m > r - CLOSE &&
            search(makePlan(oneParty(model, party, r, 1, own), { fixed }), { kind: 'exists' }) !==
              undefined));
    }
    if (!acceptsBest) return none;
    // The worst case: no feasible completion crosses one of its red lines, and the lowest reaches r.
    if (this.#cross(model, party, own, ownKey)) return { acceptsBest, acceptsWorst: false };
    if (loAll >= r) return { acceptsBest, acceptsWorst: true };
    if (memo.lo === null) {
      const low = search(makePlan(oneParty(model, party, Number.NEGATIVE_INFINITY, -1, []), { fixed }), {
        kind: 'utility',
        party: 0,
      });
      memo.lo = -(low as { value: number }).value;
    }
    return { acceptsBest, acceptsWorst: memo.lo >= r };
  }

  #avoid(model: SearchModel, party: number, own: readonly SearchRedLine[], key: string): boolean {
    let v = this.#avoids.get(key);
    if (v === undefined) {
      v =
        search(makePlan(oneParty(model, party, Number.NEGATIVE_INFINITY, 1, own), { fixed: this.#fixed }), {
          kind: 'exists',
        }) !== undefined;
      this.#avoids.set(key, v);
    }
    return v;
  }

  #cross(model: SearchModel, party: number, own: readonly SearchRedLine[], key: string): boolean {
    let v = this.#crosses.get(key);
    if (v === undefined) {
      v = own.some(
        (x) =>
          search(
            makePlan(oneParty(model, party, Number.NEGATIVE_INFINITY, 1, [complement(x)]), {
              fixed: this.#fixed,
            }),
            { kind: 'exists' },
          ) !== undefined,
      );
      this.#crosses.set(key, v);
    }
    return v;
  }
}
