import {
  BRIEF_DEFAULTS,
  centralScenario,
  diffDrafts,
  evaluateDraft,
  fmtValue,
  monteCarlo,
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
  const gained = parties.filter((p) => p.after.utility > p.before.utility + 1e-12).map((p) => p.party);
  const lost = parties.filter((p) => p.after.utility < p.before.utility - 1e-12).map((p) => p.party);
  const elapsedMs = io.now() - t0;
  if (args.json) {
    io.out(
      JSON.stringify(
        {
          scenario: scenario.name,
          diff,
          parties,
          pAll: { before: accA?.pAll, after: accB?.pAll },
          gained,
          lost,
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
    `${a.name} (${a.pointCount} points, ${a.points.length} recorded) → ${b.name} (${b.pointCount} points, ${b.points.length} recorded)`,
    '',
    'Points',
  ];
  for (const p of diff.points) {
    const t =
      p.change === 'changed'
        ? `${p.before?.title} → ${p.after?.title}; changes: ${(p.what ?? []).join(', ')}`
        : (p.after ?? p.before)?.title;
    out.push(
      `  ${p.change.padEnd(8)} ${t}${(p.after ?? p.before)?.detailed === false ? ' [not described in the source]' : ''}`,
    );
  }
  out.push('', 'Issues fixed by either draft');
  for (const i of diff.issues)
    out.push(
      `  ${i.issue}: ${i.before !== undefined ? fmtValue(i.before) : 'open'} → ${i.after !== undefined ? fmtValue(i.after) : 'open'}${i.change === 'same' ? '' : `  (${i.change})`}`,
    );
  out.push(
    '',
    `Each party (utility at the central assumptions, open issues completed evenly; P(accepts) over ${args.samples.toLocaleString('en-US')} draws, seed ${args.seed})`,
  );
  const w = Math.max(...parties.map((p) => p.party.length));
  for (const p of parties) {
    const d = p.after.utility - p.before.utility;
    out.push(
      `  ${p.party.padEnd(w)}  ${p.before.utility.toFixed(3)}${p.before.accepts ? ' ' : '✗'} → ${p.after.utility.toFixed(3)}${p.after.accepts ? ' ' : '✗'} (${d >= 0 ? '+' : ''}${d.toFixed(3)})   P(accepts) ${pct(p.before.pAccept)} → ${pct(p.after.pAccept)}`,
    );
  }
  out.push(`  all accept: ${pct(accA?.pAll)} → ${pct(accB?.pAll)}`);
  out.push(
    '',
    `Gained: ${gained.join(', ') || 'nobody'}. Lost: ${lost.join(', ') || 'nobody'}. (✗ = rejects at the central assumptions)`,
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
