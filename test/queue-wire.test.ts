/**
 * Tournament jobs and results on the queue's wire (columns, wire version 3): on random plans,
 * a job gives back the planned runs exactly, and the results rebuilt from the coordinator's plan
 * equal the local run key for key (as JSON text, the results file's form); results that differ
 * from the plan, −0 and NaN come back exactly; malformed jobs and results are refused with the
 * field path; both are much smaller than planned runs and results as objects.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../src/core/rng.js';
import {
  batchesOf,
  inProcessExecutor,
  type PlannedRun,
  planTournament,
  runTournament,
  type TournamentResult,
} from '../src/index.js';
import {
  decodeResults,
  encodeResults,
  jobResultSchema,
  jobSchema,
  plannedRuns,
  tournamentJob,
} from '../src/node/queue-jobs.js';
import { scenarioResolver } from '../src/node/scenario-resolver.js';

const EXAMPLES = ['examples/job-offer.yaml', 'examples/labour-contract.yaml', 'examples/trade-deal.yaml'];
const STRATEGIES = ['boulware', 'conceder', 'tft', 'frequency', 'linear', 'boulware:e=0.3'];
const PROTOCOLS = [
  { protocol: 'ao' },
  { protocol: 'mao' },
  { protocol: 'shuttle' },
  { protocol: 'single-text', variant: 'veto' },
  { protocol: 'single-text', variant: 'hill-climbing' },
] as const;

const resolve = scenarioResolver();
const print = (ref: string) => `print-of-${ref}`;
/** Through JSON, as BullMQ stores jobs and results. */
const viaJson = <T>(x: T): unknown => JSON.parse(JSON.stringify(x));

async function randomPlan(seed: number) {
  const rng = createRng(seed);
  const pick = <T>(xs: readonly T[], n: number): T[] => {
    const pool = [...xs];
    const out: T[] = [];
    while (out.length < n && pool.length) out.push(pool.splice(rng.int(0, pool.length - 1), 1)[0] as T);
    return out;
  };
  const p = PROTOCOLS[rng.int(0, PROTOCOLS.length - 1)] as (typeof PROTOCOLS)[number];
  const plan = planTournament({
    strategies: pick(STRATEGIES, rng.int(2, 4)),
    scenarios: pick(EXAMPLES, rng.int(1, 3)),
    repetitions: rng.int(1, 3),
    steps: rng.int(5, 40),
    seed: rng.int(1, 1_000_000),
    permutations: rng.int(0, 1) ? 'all' : 'none',
    protocol: p.protocol,
    ...('variant' in p ? { variant: p.variant } : {}),
  });
  if (!plan.ok) throw new Error(plan.problems.map((x) => x.message).join('; '));
  const out = await runTournament(plan.value, { executor: inProcessExecutor({ resolve }) });
  return { runs: plan.value.runs, results: out.results, size: rng.int(1, 12) };
}

/** 4 strategies × 2 scenarios × both seat orders: 24 runs. */
async function fixedPlan() {
  const plan = planTournament({
    strategies: STRATEGIES.slice(0, 4),
    scenarios: EXAMPLES.slice(0, 2),
    steps: 20,
  });
  if (!plan.ok) throw new Error('plan');
  const out = await runTournament(plan.value, { executor: inProcessExecutor({ resolve }) });
  expect(out.results.length).toBe(24);
  return { runs: plan.value.runs, results: out.results };
}

function decodeAll(wire: unknown, runs: readonly PlannedRun[]): TournamentResult[] {
  const parsed = jobResultSchema.parse(wire);
  if (parsed.kind !== 'tournament') throw new Error('kind');
  const byId = new Map(runs.map((r) => [r.id, r]));
  const out: TournamentResult[] = [];
  decodeResults(
    parsed,
    (id) => byId.get(id),
    (r) => out.push(r),
  );
  return out;
}

describe('queue wire format', () => {
  it('on random plans: jobs give back the planned runs, results equal the local run key for key', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const { runs, results, size } = await randomPlan(seed);
      expect(results.length).toBe(runs.length);
      const batches = batchesOf(runs, size);
      let at = 0;
      for (const batch of batches) {
        const job = jobSchema.parse(viaJson(tournamentJob(batch, print)));
        if (job.kind !== 'tournament') throw new Error('kind');
        expect(plannedRuns(job)).toEqual(batch);
        expect(job.scenarios).toEqual(Object.fromEntries(batch.map((r) => [r.scenario, print(r.scenario)])));
        const local = results.slice(at, at + batch.length);
        at += batch.length;
        const back = decodeAll(viaJson(encodeResults(batch, local)), batch);
        expect(back.map((r) => JSON.stringify(r))).toEqual(local.map((r) => JSON.stringify(r)));
        expect(back).toEqual(local);
      }
    }
  });

  it('skips results of runs the coordinator does not know, and keeps the rest in step', async () => {
    const { runs, results } = await randomPlan(5);
    const wanted = new Map(runs.filter((_, i) => i % 3 === 1).map((r) => [r.id, r]));
    const parsed = jobResultSchema.parse(viaJson(encodeResults(runs, results)));
    if (parsed.kind !== 'tournament') throw new Error('kind');
    const out: TournamentResult[] = [];
    decodeResults(
      parsed,
      (id) => wanted.get(id),
      (r) => out.push(r),
    );
    expect(out.map((r) => JSON.stringify(r))).toEqual(
      results.filter((_, i) => i % 3 === 1).map((r) => JSON.stringify(r)),
    );
  });

  it('carries protocol, variant, seed, agents and problems when a result differs from its run; −0 and NaN exactly', async () => {
    const { runs, results } = await randomPlan(3);
    const changed = results.map((r, i) =>
      i === 0
        ? { ...r, seed: r.seed + 1, agents: ['x', 'y'], problem: 'it broke', utilities: [-0, Number.NaN] }
        : i === 1
          ? { ...r, protocol: 'single-text' as const, variant: 'veto' as const }
          : r,
    );
    const wire = encodeResults(runs, changed);
    expect(wire.own.map((o) => o.at)).toEqual([0, 1]);
    const back = decodeAll(viaJson(wire), runs);
    expect(back).toEqual(changed);
    expect(Object.is(back[0]?.utilities[0], -0)).toBe(true);
  });

  it('sends far less than planned runs and results as objects', async () => {
    const { runs, results } = await fixedPlan();
    const job = JSON.stringify(tournamentJob(runs, print)).length;
    const wire = JSON.stringify(encodeResults(runs, results)).length;
    expect(job).toBeLessThan(0.5 * JSON.stringify(runs).length);
    expect(wire).toBeLessThan(0.6 * JSON.stringify(results).length);
  });

  it('refuses malformed jobs with the field path', async () => {
    const { runs } = await fixedPlan();
    const good = viaJson(tournamentJob(runs.slice(0, 4), print)) as Record<string, unknown[]>;
    const issue = (data: unknown): string => {
      const r = jobSchema.safeParse(data);
      expect(r.success).toBe(false);
      return JSON.stringify(r.error?.issues.map((i) => [i.path.join('.'), i.message]));
    };
    expect(issue({ ...good, runs: 'all of them' })).toMatch(/"runs","[^"]*expected array/);
    expect(issue({ ...good, shared: [0, 0, 0, 7] })).toContain('"shared.3","7 is not an index of common');
    expect(issue({ ...good, seed: [1, 2] })).toContain('"seed","expected 4 entries, got 2"');
    expect(issue({ ...good, agents: (good.agents as number[]).slice(1) })).toContain('"agents","expected');
    expect(issue({ ...good, scenarios: {} })).toContain('"common.0.scenario","no fingerprint');
    expect(issue({ ...good, common: [{ ...(good.common?.[0] as object), protocol: 'poker' }] })).toContain(
      '"common.0.protocol"',
    );
  });

  it('refuses malformed results with the field path', async () => {
    const { runs, results } = await fixedPlan();
    const good = viaJson(encodeResults(runs.slice(0, 4), results.slice(0, 4))) as Record<string, unknown>;
    const issue = (data: unknown): string => {
      const r = jobResultSchema.safeParse(data);
      expect(r.success).toBe(false);
      return JSON.stringify(r.error?.issues.map((i) => [i.path.join('.'), i.message]));
    };
    expect(issue({ ...good, reals: `${good.reals}AAAAAAAAAAA=` })).toContain('"reals","expected');
    expect(issue({ ...good, reals: 'not base64!' })).toContain('"reals"');
    expect(issue({ ...good, rounds: [1] })).toContain('"rounds","expected 4 entries, got 1"');
    expect(issue({ ...good, name: [0, 0, 0, 99] })).toContain('"name.3","99 is not an index of text');
    expect(issue({ ...good, agreement: [...(good.agreement as number[]), -1] })).toContain('"agreement"');
    expect(issue({ ...good, endedBy: [0, 0, 0, 9] })).toContain('"endedBy.3"');
    expect(issue({ ...good, own: [{ at: 9, protocol: 'ao', seed: 1, agents: [] }] })).toContain('"own.0.at"');
  });
});
