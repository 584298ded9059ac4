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
const WIRE_VERSION = 2;

/**
 * A scenario's identity for the queue: a hash of its content (not of where it was read from), so
 * a worker whose file under the same name differs refuses the job instead of answering for
 * another scenario.
 */
export function scenarioFingerprint(scenario: Scenario): string {
  const { source: _source, ...content } = scenario;
  return hash64(JSON.stringify(content));
}

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

/** A batch of negotiations of a tournament, with the fingerprint of each scenario they use. */
export const tournamentJobSchema = z.strictObject({
  kind: z.literal('tournament'),
  runs: z.array(plannedRunSchema).min(1),
  /** Scenario reference → {@link scenarioFingerprint}. */
  scenarios: z.record(z.string(), z.string()),
});

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

/**
 * A tournament result on the wire: the fields the coordinator planned are left out and put
 * back from its own plan ({@link fromWire}) — repetition, scenario and steps always; protocol,
 * variant, seed and agents together, when all four are as planned (a result that differs
 * carries all four, `variant` absent meaning none). A third fewer bytes through Redis and less
 * to check for the coordinator, which handles every result of every worker.
 */
export const wireResultSchema = tournamentResultSchema
  .omit({ repetition: true, scenario: true, steps: true })
  .partial({ protocol: true, seed: true, agents: true })
  .refine(
    (w) =>
      (w.protocol === undefined) === (w.seed === undefined) &&
      (w.seed === undefined) === (w.agents === undefined),
    {
      message: 'protocol, seed and agents come together or not at all',
    },
  );
export type WireResult = z.infer<typeof wireResultSchema>;

const asPlanned = (run: PlannedRun, r: TournamentResult): boolean =>
  r.protocol === run.protocol &&
  r.variant === run.variant &&
  r.seed === run.seed &&
  r.agents.length === run.agents.length &&
  r.agents.every((a, i) => a === run.agents[i]);

/** The result as it goes on the wire (see {@link wireResultSchema}). */
export function toWire(run: PlannedRun, r: TournamentResult): WireResult {
  const { repetition: _r, scenario: _s, steps: _t, ...rest } = r;
  if (!asPlanned(run, r)) return rest;
  const { protocol: _p, variant: _v, seed: _e, agents: _a, ...measured } = rest;
  return measured;
}

/** The result back from the wire, key for key as the local run writes it. */
export function fromWire(run: PlannedRun, w: WireResult): TournamentResult {
  const { id, name, protocol, variant, seed, agents, ...measured } = w;
  const planned = protocol === undefined;
  const v = planned ? run.variant : variant;
  return {
    id,
    repetition: run.repetition,
    scenario: run.scenario,
    name,
    protocol: planned ? run.protocol : protocol,
    ...(v === undefined ? {} : { variant: v }),
    steps: run.steps,
    seed: seed ?? run.seed,
    agents: agents ?? [...run.agents],
    ...measured,
  };
}

export const jobResultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('tournament'), results: z.array(wireResultSchema) }),
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
