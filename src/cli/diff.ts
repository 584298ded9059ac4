import {
  BRIEF_DEFAULTS,
  centralScenario,
  type DraftEvaluation,
  describeKnowledge,
  describeRule,
  describeShift,
  diffDrafts,
  draftBounds,
  draftKnowledge,
  evaluateDraft,
  fmtValue,
  monteCarlo,
  partyShift,
} from '../index.js';
import { loadForCommand } from './analyze.js';
import type { RegisterCommand } from './command.js';
import type { CliIo } from './io.js';
import { integer, positiveInt } from './options.js';
import { wrapText } from './wrap.js';

export interface DiffArgs {
  readonly scenario: string;
  readonly before: string;
  readonly after: string;
  readonly samples: number;
  readonly seed: number;
  readonly json?: true;
}

const pct = (p: number | undefined) => (p === undefined ? 'n/a' : `${(p * 100).toFixed(1)}%`);

/**
 * `concord diff <scenario> <draft A> <draft B>`: points added, dropped and changed; each party's
 * utility (central assumptions, open issues completed evenly) and acceptance probability
 * (Monte Carlo) under each draft; who gained.
 */
export async function diffCommand(args: DiffArgs, io: CliIo): Promise<number> {
  const scenario = loadForCommand(io, args.scenario);
  if (!scenario) return 1;
  const drafts = scenario.record?.drafts ?? [];
  const find = (name: string) => drafts.find((d) => d.name === name);
  const a = find(args.before);
  const b = find(args.after);
  const missing = [args.before, args.after].filter((n) => !find(n));
  if (!a || !b) {
    for (const m of missing)
      io.err(
        `error: ${args.scenario} has no draft "${m}" (drafts: ${drafts.map((d) => `"${d.name}"`).join(', ') || 'none'})`,
      );
    return 1;
  }
  const t0 = io.now();
  const diff = diffDrafts(a, b);
  const central = centralScenario(scenario);
  const ea = evaluateDraft(central, a);
  const eb = evaluateDraft(central, b);
  const mc = monteCarlo(scenario, { samples: args.samples, seed: args.seed, nashEvery: 0 });
  const accA = mc.drafts.find((d) => d.name === a.name);
  const accB = mc.drafts.find((d) => d.name === b.name);
  const parties = scenario.parties.map((p, i) => ({
    party: p.name,
    before: {
      utility: ea.parties[i]?.utility ?? Number.NaN,
      accepts: ea.parties[i]?.accepts ?? false,
      pAccept: accA?.pAccept[p.name],
    },
    after: {
      utility: eb.parties[i]?.utility ?? Number.NaN,
      accepts: eb.parties[i]?.accepts ?? false,
      pAccept: accB?.pAccept[p.name],
    },
  }));
  const shifts = parties.map((p) =>
    partyShift(
      p.party,
      { utility: p.before.utility, pAccept: p.before.pAccept ?? 0 },
      { utility: p.after.utility, pAccept: p.after.pAccept ?? 0 },
      args.samples,
    ),
  );
  // A party is said to gain or lose only when utility and acceptance agree (see partyShift).
  const gained = shifts.filter((s) => s.verdict === 'gains').map((s) => s.party);
  const lost = shifts.filter((s) => s.verdict === 'loses').map((s) => s.party);
  const mixed = shifts.filter((s) => s.verdict === 'mixed').map((s) => s.party);
  const boundsA = draftBounds(central, a);
  const boundsB = draftBounds(central, b);
  const completion = (
    e: DraftEvaluation,
    bounds: typeof boundsA,
    pAcceptRange: Record<string, readonly [number, number]> | undefined,
  ) => ({
    rule: e.rule,
    filledIn: e.completion,
    redLinesCrossed: e.redLinesCrossed,
    parties: e.parties.map((p, i) => ({
      party: p.party,
      utility: p.utility,
      accepts: p.accepts,
      utilityRange: bounds[i]?.utility,
      acceptsBest: bounds[i]?.acceptsBest,
      acceptsWorst: bounds[i]?.acceptsWorst,
      pAcceptRange: pAcceptRange?.[p.party],
    })),
  });
  const elapsedMs = io.now() - t0;
  if (args.json) {
    io.out(
      JSON.stringify(
        {
          scenario: scenario.name,
          diff,
          knowledge: { before: draftKnowledge(a), after: draftKnowledge(b) },
          completions: {
            before: completion(ea, boundsA, accA?.pAcceptRange),
            after: completion(eb, boundsB, accB?.pAcceptRange),
          },
          parties,
          shifts,
          pAll: { before: accA?.pAll, after: accB?.pAll },
          gained,
          lost,
          mixed,
          samples: args.samples,
          seed: args.seed,
          elapsedMs,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const out: string[] = [
    `${a.name} (${describeKnowledge(draftKnowledge(a))}) → ${b.name} (${describeKnowledge(draftKnowledge(b))})`,
    '',
    'Points',
  ];
  for (const p of diff.points) {
    const t =
      p.change === 'changed'
        ? `${p.before?.title} → ${p.after?.title}; changes: ${(p.what ?? []).join(', ')}`
        : (p.after ?? p.before)?.title;
    const pt = p.after ?? p.before;
    out.push(
      `  ${p.change.padEnd(8)} ${t}${pt?.detailed === false ? ' [not described in the source]' : pt?.modelled ? ' [modelled, not in the source]' : ''}`,
    );
  }
  out.push('', 'Issues fixed by either draft');
  for (const i of diff.issues)
    out.push(
      `  ${i.issue}: ${i.before !== undefined ? fmtValue(i.before) : 'open'} → ${i.after !== undefined ? fmtValue(i.after) : 'open'}${i.change === 'same' ? '' : `  (${i.change})`}`,
    );
  const w = Math.max(...parties.map((p) => p.party.length));
  for (const [d, e, bounds, acc] of [
    [a, ea, boundsA, accA],
    [b, eb, boundsB, accB],
  ] as const) {
    if (e.open.length === 0) continue;
    out.push(
      '',
      `${d.name}: ${e.open.length} open issues, filled in (ours, not the draft's) by ${describeRule(e.rule)}`,
    );
    out.push(
      `  ${Object.entries(e.completion)
        .map(([i, v]) => `${i} = ${fmtValue(v)}`)
        .join(', ')}`,
    );
    e.parties.forEach((p, i) => {
      const bd = bounds[i];
      const r = acc?.pAcceptRange[p.party];
      out.push(
        `  ${p.party.padEnd(w)}  utility ${p.utility.toFixed(3)}, over completions ${bd?.utility ? `${bd.utility[0].toFixed(3)}–${bd.utility[1].toFixed(3)}` : 'none feasible'}; accepts in ${bd?.acceptsWorst ? 'all' : bd?.acceptsBest ? 'some' : 'no'} completions${r ? `; P(accepts) worst–best ${pct(r[0])}–${pct(r[1])}` : ''}`,
      );
    });
  }
  out.push(
    '',
    `Each party (utility at the central assumptions under each draft's completion; P(accepts) over ${args.samples.toLocaleString('en-US')} draws, seed ${args.seed})`,
  );
  for (const p of parties) {
    const d = p.after.utility - p.before.utility;
    out.push(
      `  ${p.party.padEnd(w)}  ${p.before.utility.toFixed(3)}${p.before.accepts ? ' ' : '✗'} → ${p.after.utility.toFixed(3)}${p.after.accepts ? ' ' : '✗'} (${d >= 0 ? '+' : ''}${d.toFixed(3)})   P(accepts) ${pct(p.before.pAccept)} → ${pct(p.after.pAccept)}`,
    );
  }
  out.push(`  all accept: ${pct(accA?.pAll)} → ${pct(accB?.pAll)}`);
  out.push(
    '',
    `Verdict in both measures: ${shifts.map(describeShift).join('; ')}.`,
    `Gained: ${gained.join(', ') || 'nobody'}. Lost: ${lost.join(', ') || 'nobody'}. Mixed (utility and acceptance disagree): ${mixed.join(', ') || 'nobody'}. (✗ = rejects at the central assumptions)`,
    `(${elapsedMs.toFixed(0)} ms)`,
  );
  io.out(wrapText(out.join('\n'), io.columns));
  return 0;
}

export const registerDiff: RegisterCommand = (program, { io, exit }) => {
  program
    .command('diff')
    .description(
      'Compare two drafts: points added, dropped, changed; each party’s utility and acceptance; who gained',
    )
    .argument('<scenario>', 'a scenario file or built-in name with drafts')
    .argument('<before>', 'name of the first draft')
    .argument('<after>', 'name of the second draft')
    .option(
      '--samples <n>',
      'Monte Carlo draws for acceptance probabilities',
      positiveInt('--samples'),
      BRIEF_DEFAULTS.samples,
    )
    .option('--seed <n>', 'seed of every draw', integer('--seed'), BRIEF_DEFAULTS.seed)
    .option('--json', 'print JSON')
    .action(async (scenario, before, after, opts) => {
      exit(await diffCommand({ scenario, before, after, ...opts }, io));
    });
};
