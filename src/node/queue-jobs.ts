import { z } from 'zod';
import type { Scenario } from '../model/scenario.js';
import { PROTOCOL_NAMES, SINGLE_TEXT_VARIANTS } from '../protocols/types.js';
import { hash64 } from '../tournaments/hash.js';
import { type PlannedRun, type TournamentResult, tournamentResultSchema } from '../tournaments/index.js';
import type { MonteCarloDraws, MonteCarloTally } from '../uncertainty/index.js';
import { packageVersion } from './version.js';

/**
 * The jobs that go through the queue, as one schema per shape: what the coordinator sends, what a
 * worker returns. Workers check every payload (a malformed one fails at once, with the field path,
 * and is not retried); the coordinator checks every result.
 */

const count = z.int().nonnegative();

/**
 * The engine's version, part of every job id: a finished job's result stays in Redis for a while,
 * and another version of Concord (which may compute differently) must never be answered from it.
 */
const ENGINE_VERSION = packageVersion();
/** The wire format of job results; part of every job id, like the engine's version. */
const WIRE_VERSION = 3;

/**
 * A scenario's identity for the queue: a hash of its content (not of where it was read from), so
 * a worker whose file under the same name differs refuses the job instead of answering for
 * another scenario.
 */
export function scenarioFingerprint(scenario: Scenario): string {
  const { source: _source, ...content } = scenario;
  return hash64(JSON.stringify(content));
}

/**
 * A column (an array) whose every entry passes `ok`, checked in one loop: a schema per entry costs
 * more than the work it checks (the coordinator checks every result of every worker). The first
 * bad entry is reported with its index.
 */
function column<T>(ok: (x: unknown) => x is T, expected: string) {
  return z
    .custom<T[]>(() => true)
    .superRefine((xs, ctx) => {
      if (!Array.isArray(xs)) {
        ctx.addIssue({ code: 'custom', message: `expected array, got ${typeof xs}` });
        return;
      }
      for (let i = 0; i < xs.length; i++)
        if (!ok(xs[i])) {
          ctx.addIssue({
            code: 'custom',
            message: `expected ${expected}, got ${JSON.stringify(xs[i])}`,
            path: [i],
          });
          return;
        }
    });
}

/** A column of whole numbers from `min` to `max`. */
const intColumn = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  column(
    (x): x is number => typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max,
    `a whole number ${max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`}`,
  );

/** A column of strings, non-empty ones when `minLength` is 1. */
const stringColumn = (minLength = 0) =>
  column(
    (x): x is string => typeof x === 'string' && x.length >= minLength,
    minLength ? 'a non-empty string' : 'a string',
  );

const plannedRunSchema = z.looseObject({
  id: z.string().min(1),
  scenario: z.string().min(1),
  protocol: z.enum(PROTOCOL_NAMES),
  variant: z.enum(SINGLE_TEXT_VARIANTS).optional(),
  agents: z.array(z.string()).min(1),
  seed: z.int(),
  steps: z.int().positive(),
  parties: z.array(z.string()).optional(),
  mediator: z.string().optional(),
  repetition: count,
});

/**
 * What runs of a job have in common: a planned run without its id, seed, repetition and agents,
 * and how many agents each such run names (`seats`). Any further field of the run goes along.
 */
const sharedRunSchema = plannedRunSchema
  .omit({ id: true, seed: true, repetition: true, agents: true })
  .extend({ seats: z.int().positive() });
type SharedRun = z.infer<typeof sharedRunSchema>;

type Issue = { message: string; path: (string | number)[] };
/** Reports the first problem of a cross-field check (lengths, indices) with its field path. */
function addIssues(ctx: z.RefinementCtx, issues: Issue[]): void {
  for (const i of issues.slice(0, 5)) ctx.addIssue({ code: 'custom', message: i.message, path: i.path });
}
const sameLength = (issues: Issue[], field: string, xs: readonly unknown[], n: number): void => {
  if (xs.length !== n) issues.push({ message: `expected ${n} entries, got ${xs.length}`, path: [field] });
};
const indices = (issues: Issue[], field: string, xs: readonly number[], size: number, what: string): void => {
  for (let i = 0; i < xs.length; i++)
    if ((xs[i] as number) >= size) {
      issues.push({ message: `${xs[i]} is not an index of ${what} (${size} entries)`, path: [field, i] });
      return;
    }
};

/**
 * A batch of negotiations of a tournament, column by column: what runs share (scenario,
 * protocol, steps, parties…) and the agent texts once per job, each run as its id, repetition,
 * seed and the indices of its shared fields and agents. A third of the bytes of planned runs,
 * and arrays of numbers and strings that are cheap to check.
 */
export const tournamentJobSchema = z
  .strictObject({
    kind: z.literal('tournament'),
    /** The runs' ids, one per run (their identities; the other columns follow this order). */
    runs: stringColumn(1).refine((xs) => xs.length > 0, 'expected at least one run'),
    /** Scenario reference → {@link scenarioFingerprint}. */
    scenarios: z.record(z.string(), z.string()),
    /** What runs share, referred to by index from `shared`. */
    common: z.array(sharedRunSchema).min(1),
    /** Agent texts, referred to by index from `agents`. */
    names: stringColumn(1),
    /** Per run: its index in `common`. */
    shared: intColumn(0),
    repetition: intColumn(0),
    seed: intColumn(Number.MIN_SAFE_INTEGER),
    /** Per run, run after run: `common[shared[i]].seats` indices into `names`. */
    agents: intColumn(0),
  })
  .superRefine((job, ctx) => {
    const issues: Issue[] = [];
    const n = job.runs.length;
    sameLength(issues, 'shared', job.shared, n);
    sameLength(issues, 'repetition', job.repetition, n);
    sameLength(issues, 'seed', job.seed, n);
    indices(issues, 'shared', job.shared, job.common.length, 'common');
    indices(issues, 'agents', job.agents, job.names.length, 'names');
    job.common.forEach((c, i) => {
      if (!(c.scenario in job.scenarios))
        issues.push({
          message: `no fingerprint for "${c.scenario}" in scenarios`,
          path: ['common', i, 'scenario'],
        });
    });
    if (!issues.length) {
      let seats = 0;
      for (const k of job.shared) seats += (job.common[k] as SharedRun).seats;
      sameLength(issues, 'agents', job.agents, seats);
    }
    addIssues(ctx, issues);
  });

/** Fields of a planned run that are not shared (the rest are, when equal). */
const OWN_FIELDS = 4; // id, seed, repetition, agents
const KNOWN = new Set([
  'id',
  'seed',
  'repetition',
  'agents',
  'scenario',
  'protocol',
  'variant',
  'steps',
  'parties',
  'mediator',
]);

/**
 * Runs with the same key share their entry in `common`: built from the known fields without
 * allocating objects; a run with fields beyond them is keyed by their JSON as well.
 */
function commonKey(run: PlannedRun): string {
  let fields = OWN_FIELDS + 3; // scenario, protocol, steps
  if (run.variant !== undefined) fields++;
  if (run.parties !== undefined) fields++;
  if (run.mediator !== undefined) fields++;
  const key = `${run.scenario}\u0000${run.protocol}\u0000${run.variant ?? ''}\u0000${run.steps}\u0000${
    run.parties === undefined ? '' : JSON.stringify(run.parties)
  }\u0000${run.mediator ?? ''}\u0000${run.agents.length}`;
  const keys = Object.keys(run);
  if (keys.length === fields) return key;
  const extra = Object.fromEntries(
    keys.filter((k) => !KNOWN.has(k)).map((k) => [k, (run as unknown as Record<string, unknown>)[k]]),
  );
  return `${key}\u0000${JSON.stringify(extra)}`;
}

/** The job of a batch of planned runs (see {@link tournamentJobSchema}). */
export function tournamentJob(
  runs: readonly PlannedRun[],
  fingerprintOf: (ref: string) => string,
): TournamentJob {
  const common: SharedRun[] = [];
  const commonAt = new Map<string, number>();
  const names: string[] = [];
  const nameAt = new Map<string, number>();
  const scenarios: Record<string, string> = {};
  const ids: string[] = [];
  const shared: number[] = [];
  const repetition: number[] = [];
  const seed: number[] = [];
  const agents: number[] = [];
  for (const run of runs) {
    const a = run.agents;
    const key = commonKey(run);
    let k = commonAt.get(key);
    if (k === undefined) {
      const { id: _i, seed: _s, repetition: _r, agents: _a, ...rest } = run;
      k = common.length;
      commonAt.set(key, k);
      common.push({ ...rest, seats: a.length } as SharedRun);
      scenarios[run.scenario] ??= fingerprintOf(run.scenario);
    }
    for (const name of a) {
      let j = nameAt.get(name);
      if (j === undefined) {
        j = names.length;
        nameAt.set(name, j);
        names.push(name);
      }
      agents.push(j);
    }
    ids.push(run.id);
    shared.push(k);
    repetition.push(run.repetition);
    seed.push(run.seed);
  }
  return { kind: 'tournament', runs: ids, scenarios, common, names, shared, repetition, seed, agents };
}

/** The planned runs of a checked job, as the coordinator planned them. */
export function plannedRuns(job: TournamentJob): PlannedRun[] {
  let at = 0;
  const common = job.common.map((c) => {
    const { seats, scenario, protocol, steps, variant, parties, mediator, ...extra } = c;
    return { c, extra: Object.keys(extra).length ? extra : undefined };
  });
  const out = new Array<PlannedRun>(job.runs.length);
  for (let i = 0; i < job.runs.length; i++) {
    const { c, extra } = common[job.shared[i] as number] as (typeof common)[number];
    const agents = new Array<string>(c.seats);
    for (let s = 0; s < c.seats; s++) agents[s] = job.names[job.agents[at++] as number] as string;
    // One object shape for the usual run; the optional fields only where the plan has them.
    const run: { -readonly [K in keyof PlannedRun]: PlannedRun[K] } = {
      id: job.runs[i] as string,
      scenario: c.scenario,
      protocol: c.protocol,
      agents,
      seed: job.seed[i] as number,
      steps: c.steps,
      repetition: job.repetition[i] as number,
    };
    if (c.variant !== undefined) run.variant = c.variant;
    if (c.parties !== undefined) run.parties = c.parties;
    if (c.mediator !== undefined) run.mediator = c.mediator;
    out[i] = extra ? { ...extra, ...run } : run;
  }
  return out;
}

const numberRecord = z.record(z.string(), z.number());

/** Draws `from` to `to − 1` of one Monte Carlo run. */
export const monteCarloJobSchema = z.strictObject({
  kind: z.literal('monte-carlo'),
  /** The chunk's identity: scenario, options and range hashed. */
  key: z.string().min(1),
  scenario: z.string().min(1),
  fingerprint: z.string(),
  options: z.strictObject({
    samples: z.int().positive(),
    seed: z.int(),
    levers: z.record(z.string(), z.union([z.string(), z.number()])),
    overrides: numberRecord,
    drafts: z.boolean(),
    nashEvery: count,
  }),
  from: count,
  to: count,
  /**
   * The scenario itself (a scenario file's text), for scenarios no worker has as a file: the
   * workbench's rooms live in its database. Checked against `fingerprint` like a loaded one.
   */
  text: z.string().max(20_000_000).optional(),
});

export const jobSchema = z.discriminatedUnion('kind', [tournamentJobSchema, monteCarloJobSchema]);
export type QueueJob = z.infer<typeof jobSchema>;
export type TournamentJob = z.infer<typeof tournamentJobSchema>;
export type MonteCarloJob = z.infer<typeof monteCarloJobSchema>;

const f64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

/** A tally on the wire: utilities as the bytes of a Float64Array (JSON would lose −0 and NaN). */
const wireTallySchema = z.strictObject({
  from: count,
  to: count,
  zoneHits: count,
  accept: z.array(z.array(count)),
  acceptBest: z.array(z.array(count)),
  acceptWorst: z.array(z.array(count)),
  fewest: z.array(count),
  allAccept: z.array(count),
  driverDraws: z.array(count),
  driverAccept: z.array(z.array(count)),
  nashRuns: count,
  nashIssue: z.array(z.array(count)),
  nashUtil: z.array(f64),
});

const ENDINGS = tournamentResultSchema.shape.endedBy.options;
/** Numbers a result has in `reals`: time, welfare, a utility and a discounted one per seat, the flagged distances. */
const realsOf = (seats: number, flags: number): number => 2 + 2 * seats + (flags & 1) + (flags >> 1);
/** Entries a result has in `agreement`, from its first (−1, or the issue count). */
const agreementEntries = (first: number): number => (first < 0 ? 1 : first + 1);

/**
 * A job's tournament results on the wire, column by column. Left out, and put back from the
 * coordinator's own plan ({@link decodeResults}): repetition, scenario and steps always;
 * protocol, variant, seed and agents unless a result differs from its run (then it is listed in
 * `own` with all four, `variant` absent meaning none). Strings (scenario names, parties) are sent
 * once and referred to by index; the real numbers go as the bytes of a Float64Array, exact to
 * the bit (JSON would lose −0 and NaN) and cheap to write and read.
 */
export const tournamentResultsSchema = z
  .strictObject({
    kind: z.literal('tournament'),
    /** Per result: the id of its run (the identity a result is counted by). */
    ids: stringColumn(1),
    /** Strings referred to by index from `name` and `parties`. */
    text: stringColumn(),
    /** Per result: the scenario's own name (index into `text`). */
    name: intColumn(0),
    /** Per result: seats at the table (entries in `parties`, and utilities and discounted in `reals`). */
    seats: intColumn(0),
    /** Per result, result after result: `seats` indices into `text`. */
    parties: intColumn(0),
    /** Per result, result after result: −1 without agreement, else the issue count and a value index per issue. */
    agreement: intColumn(-1),
    /** Per result: index into the endings (`agreement`, `deadline`, `walk-away`, `illegal`, `error`). */
    endedBy: intColumn(0, ENDINGS.length - 1),
    rounds: intColumn(0),
    turns: intColumn(0),
    /** Per result: bit 0 set with a Nash distance, bit 1 with a frontier distance. */
    flags: intColumn(0, 3),
    /**
     * Float64 bytes in base64; per result: time, welfare, utilities, discounted, then the Nash
     * and frontier distances when flagged.
     */
    reals: z.base64(),
    /** Results with a problem: result index and the problem. */
    problems: z.array(z.tuple([count, z.string()])),
    /** Results that differ from their run in protocol, variant, seed or agents. */
    own: z.array(
      z.strictObject({
        at: count,
        protocol: z.enum(PROTOCOL_NAMES),
        variant: z.enum(SINGLE_TEXT_VARIANTS).optional(),
        seed: z.int(),
        agents: z.array(z.string()),
      }),
    ),
  })
  .superRefine((w, ctx) => {
    const issues: Issue[] = [];
    const n = w.ids.length;
    for (const f of ['name', 'seats', 'endedBy', 'rounds', 'turns', 'flags'] as const)
      sameLength(issues, f, w[f], n);
    indices(issues, 'name', w.name, w.text.length, 'text');
    indices(issues, 'parties', w.parties, w.text.length, 'text');
    w.problems.forEach(([at], i) => {
      if (at >= n) issues.push({ message: `no result ${at}`, path: ['problems', i, 0] });
    });
    w.own.forEach((o, i) => {
      if (o.at >= n) issues.push({ message: `no result ${o.at}`, path: ['own', i, 'at'] });
    });
    if (!issues.length) {
      let seats = 0;
      let reals = 0;
      for (let i = 0; i < n; i++) {
        const s = w.seats[i] as number;
        const f = w.flags[i] as number;
        seats += s;
        reals += realsOf(s, f);
      }
      sameLength(issues, 'parties', w.parties, seats);
      let at = 0;
      let i = 0;
      for (; i < n && at < w.agreement.length; i++) {
        const k = w.agreement[at] as number;
        for (let v = at + 1; v <= at + k; v++)
          if ((w.agreement[v] ?? 0) < 0)
            issues.push({ message: 'a value index is negative', path: ['agreement', v] });
        at += agreementEntries(k);
      }
      if (i !== n || at !== w.agreement.length)
        issues.push({
          message: `does not hold ${n} agreements (${w.agreement.length} entries)`,
          path: ['agreement'],
        });
      const bytes =
        Math.floor((w.reals.length * 3) / 4) - (w.reals.endsWith('==') ? 2 : w.reals.endsWith('=') ? 1 : 0);
      if (bytes !== reals * 8)
        issues.push({
          message: `expected ${reals} numbers (${reals * 8} bytes), got ${bytes} bytes`,
          path: ['reals'],
        });
    }
    addIssues(ctx, issues);
  });
export type WireResults = z.infer<typeof tournamentResultsSchema>;

const asPlanned = (run: PlannedRun, r: TournamentResult): boolean =>
  r.protocol === run.protocol &&
  r.variant === run.variant &&
  r.seed === run.seed &&
  r.agents.length === run.agents.length &&
  r.agents.every((a, i) => a === run.agents[i]);

/** The results of a job's runs (`results[i]` of `runs[i]`) as they go on the wire. */
export function encodeResults(
  runs: readonly PlannedRun[],
  results: readonly TournamentResult[],
): WireResults {
  const text: string[] = [];
  const textAt = new Map<string, number>();
  const indexOf = (s: string): number => {
    let i = textAt.get(s);
    if (i === undefined) {
      i = text.length;
      textAt.set(s, i);
      text.push(s);
    }
    return i;
  };
  const n = results.length;
  const w: WireResults = {
    kind: 'tournament',
    ids: new Array<string>(n),
    text,
    name: new Array<number>(n),
    seats: new Array<number>(n),
    parties: [],
    agreement: [],
    endedBy: new Array<number>(n),
    rounds: new Array<number>(n),
    turns: new Array<number>(n),
    flags: new Array<number>(n),
    reals: '',
    problems: [],
    own: [],
  };
  const reals: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = results[i] as TournamentResult;
    const run = runs[i] as PlannedRun;
    w.ids[i] = r.id;
    w.name[i] = indexOf(r.name);
    w.seats[i] = r.parties.length;
    for (const p of r.parties) w.parties.push(indexOf(p));
    if (r.agreement === null) w.agreement.push(-1);
    else w.agreement.push(r.agreement.length, ...r.agreement);
    w.endedBy[i] = ENDINGS.indexOf(r.endedBy);
    w.rounds[i] = r.rounds;
    w.turns[i] = r.turns;
    w.flags[i] = (r.nashDistance !== undefined ? 1 : 0) | (r.frontierDistance !== undefined ? 2 : 0);
    reals.push(r.time, r.welfare, ...r.utilities, ...r.discounted);
    if (r.nashDistance !== undefined) reals.push(r.nashDistance);
    if (r.frontierDistance !== undefined) reals.push(r.frontierDistance);
    if (r.problem !== undefined) w.problems.push([i, r.problem]);
    if (!asPlanned(run, r))
      w.own.push({
        at: i,
        protocol: r.protocol,
        ...(r.variant !== undefined ? { variant: r.variant } : {}),
        seed: r.seed,
        agents: [...r.agents],
      });
  }
  if (
    results.some((r) => r.utilities.length !== r.parties.length || r.discounted.length !== r.parties.length)
  )
    throw new Error('a result has not one utility and one discounted utility per party');
  w.reals = Buffer.from(Float64Array.from(reals).buffer).toString('base64');
  return w;
}

/**
 * The results of a checked wire message, key for key as the local run writes them: each result
 * whose run `runOf` knows (given its id and position in the message) goes to `onResult`
 * (others are skipped).
 */
export function decodeResults(
  w: WireResults,
  runOf: (id: string, index: number) => PlannedRun | undefined,
  onResult: (result: TournamentResult) => void,
): void {
  const bytes = Buffer.from(w.reals, 'base64');
  // A copy: a view needs the bytes aligned to 8.
  const reals = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const problems = new Map(w.problems);
  const own = new Map(w.own.map((o) => [o.at, o]));
  let party = 0;
  let agreement = 0;
  let real = 0;
  for (let i = 0; i < w.ids.length; i++) {
    const seats = w.seats[i] as number;
    const flags = w.flags[i] as number;
    const k = w.agreement[agreement] as number;
    const run = runOf(w.ids[i] as string, i);
    if (run === undefined) {
      party += seats;
      agreement += agreementEntries(k);
      real += realsOf(seats, flags);
      continue;
    }
    const o = own.get(i);
    const variant = o ? o.variant : run.variant;
    const problem = problems.get(i);
    const parties = new Array<string>(seats);
    for (let s = 0; s < seats; s++) parties[s] = w.text[w.parties[party++] as number] as string;
    let agreed: number[] | null = null;
    if (k < 0) agreement++;
    else {
      agreed = new Array<number>(k);
      for (let v = 0; v < k; v++) agreed[v] = w.agreement[agreement + 1 + v] as number;
      agreement += k + 1;
    }
    const time = reals[real++] as number;
    const welfare = reals[real++] as number;
    const utilities = new Array<number>(seats);
    for (let s = 0; s < seats; s++) utilities[s] = reals[real++] as number;
    const discounted = new Array<number>(seats);
    for (let s = 0; s < seats; s++) discounted[s] = reals[real++] as number;
    const nash = flags & 1 ? reals[real++] : undefined;
    const frontier = flags & 2 ? reals[real++] : undefined;
    const protocol = o ? o.protocol : run.protocol;
    const seed = o ? o.seed : run.seed;
    const agents = o ? [...o.agents] : [...run.agents];
    const name = w.text[w.name[i] as number] as string;
    const endedBy = ENDINGS[w.endedBy[i] as number] as TournamentResult['endedBy'];
    // Key for key in the order the local run writes (`batchRunner`); object literals of one
    // shape for the usual results (no variant, no problem; both distances or neither).
    if (variant === undefined && problem === undefined && flags === 3) {
      onResult({
        id: run.id,
        repetition: run.repetition,
        scenario: run.scenario,
        name,
        protocol,
        steps: run.steps,
        seed,
        agents,
        parties,
        agreement: agreed,
        endedBy,
        rounds: w.rounds[i] as number,
        turns: w.turns[i] as number,
        time,
        utilities,
        discounted,
        welfare,
        nashDistance: nash as number,
        frontierDistance: frontier as number,
      });
      continue;
    }
    if (variant === undefined && problem === undefined && flags === 0) {
      onResult({
        id: run.id,
        repetition: run.repetition,
        scenario: run.scenario,
        name,
        protocol,
        steps: run.steps,
        seed,
        agents,
        parties,
        agreement: agreed,
        endedBy,
        rounds: w.rounds[i] as number,
        turns: w.turns[i] as number,
        time,
        utilities,
        discounted,
        welfare,
      });
      continue;
    }
    const r: Record<string, unknown> = {
      id: run.id,
      repetition: run.repetition,
      scenario: run.scenario,
      name,
      protocol,
    };
    if (variant !== undefined) r.variant = variant;
    r.steps = run.steps;
    r.seed = seed;
    r.agents = agents;
    r.parties = parties;
    r.agreement = agreed;
    r.endedBy = endedBy;
    if (problem !== undefined) r.problem = problem;
    r.rounds = w.rounds[i];
    r.turns = w.turns[i];
    r.time = time;
    r.utilities = utilities;
    r.discounted = discounted;
    r.welfare = welfare;
    if (nash !== undefined) r.nashDistance = nash;
    if (frontier !== undefined) r.frontierDistance = frontier;
    onResult(r as TournamentResult);
  }
}

export const jobResultSchema = z.discriminatedUnion('kind', [
  tournamentResultsSchema,
  z.strictObject({ kind: z.literal('monte-carlo'), key: z.string(), tally: wireTallySchema }),
]);
export type JobResult = z.infer<typeof jobResultSchema>;

const toBase64 = (xs: readonly number[]): string =>
  Buffer.from(Float64Array.from(xs).buffer).toString('base64');
const fromBase64 = (s: string): number[] => {
  const b = Buffer.from(s, 'base64');
  return Array.from(new Float64Array(b.buffer, b.byteOffset, b.byteLength / 8));
};

export function encodeTally(t: MonteCarloTally): z.infer<typeof wireTallySchema> {
  return {
    from: t.from,
    to: t.to,
    zoneHits: t.zoneHits,
    accept: t.accept.map((a) => [...a]),
    acceptBest: t.acceptBest.map((a) => [...a]),
    acceptWorst: t.acceptWorst.map((a) => [...a]),
    fewest: [...t.fewest],
    allAccept: [...t.allAccept],
    driverDraws: [...t.driverDraws],
    driverAccept: t.driverAccept.map((a) => [...a]),
    nashRuns: t.nashRuns,
    nashIssue: t.nashIssue.map((a) => [...a]),
    nashUtil: t.nashUtil.map(toBase64),
  };
}

export function decodeTally(t: z.infer<typeof wireTallySchema>): MonteCarloTally {
  return { ...t, nashUtil: t.nashUtil.map(fromBase64) };
}

/** A job's id: its kind and a hash of what it computes (the same work has the same id). */
export function tournamentJobId(runs: readonly PlannedRun[]): string {
  return `t-${hash64(`${ENGINE_VERSION}|w${WIRE_VERSION}|${runs.map((r) => r.id).join(',')}`)}`;
}

/** The Monte Carlo options that decide the draws, every default filled in (the chunk's identity). */
export type ChunkOptions = MonteCarloJob['options'];

export function monteCarloJob(
  ref: string,
  fingerprint: string,
  options: ChunkOptions,
  from: number,
  to: number,
  text?: string,
): MonteCarloJob {
  // The text is not part of the key: the fingerprint already stands for the content.
  const key = hash64(JSON.stringify([ENGINE_VERSION, WIRE_VERSION, ref, fingerprint, options, from, to]));
  return {
    kind: 'monte-carlo',
    key,
    scenario: ref,
    fingerprint,
    options,
    from,
    to,
    ...(text !== undefined ? { text } : {}),
  };
}

/** Fills in the defaults of Monte Carlo options, as the chunk's identity needs them. */
export function chunkOptions(
  o: MonteCarloDraws,
  defaults: { samples: number; seed: number; nashEvery: number },
): ChunkOptions {
  return {
    samples: o.samples ?? defaults.samples,
    seed: o.seed ?? defaults.seed,
    levers: { ...(o.levers ?? {}) },
    overrides: { ...(o.overrides ?? {}) },
    drafts: o.drafts ?? true,
    nashEvery: o.nashEvery ?? defaults.nashEvery,
  };
}

/** One line of a problem with a job payload or result, naming the field path. */
export function describeZodError(what: string, error: z.ZodError): string {
  const issues = error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(top)'}: ${i.message}`);
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more)` : '';
  return `${what}: ${issues.join('; ')}${more}`;
}

export type { TournamentResult };
