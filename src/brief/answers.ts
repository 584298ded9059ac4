import type { Scenario } from '../model/scenario.js';
import type { IssueCondition } from '../preferences/red-line.js';
import type { Brief } from './build.js';
import { draftLines } from './draft-lines.js';
import { driverLine } from './driver-lines.js';
import { anyAssumed, boundWord } from './evidence-words.js';
import { possessive } from './possessive.js';
import { describeShift, partyShift } from './verdict.js';

/** One answer of the brief: a question, the answer in a few lines, and what it rests on. */
export interface Answer {
  readonly id: string;
  readonly question: string;
  readonly answer: readonly string[];
  /** Evidence ids the answer rests on. */
  readonly evidence: readonly string[];
  /** Assumption ids the answer rests on. */
  readonly assumptions: readonly string[];
}

const pct = (p: number, se?: number) =>
  `${(p * 100).toFixed(1)}%${se !== undefined ? ` ± ${(se * 100).toFixed(1)}` : ''}`;
const num = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 3 });
/** "+7.2 ± 2.2 points", and "within noise" when the difference is within two standard errors. */
const points = (delta: number, se: number, after = '') =>
  `${delta >= 0 ? '+' : ''}${(delta * 100).toFixed(1)} ± ${(se * 100).toFixed(1)} points${after}${Math.abs(delta) <= 2 * se ? ', within noise' : ''}`;

/** Evidence that supports any of `ids` (by the evidence's `supports` list). */
function evidenceFor(scenario: Scenario, ids: readonly string[]): string[] {
  const want = new Set(ids);
  return (scenario.record?.evidence ?? [])
    .filter((e) => e.supports.some((s) => want.has(s)))
    .map((e) => e.id);
}

function assumptionsWhere(scenario: Scenario, test: (parameter: string) => boolean): string[] {
  return (scenario.record?.assumptions ?? []).filter((a) => test(a.parameter)).map((a) => a.id);
}

/** Numeric red-line bounds per numeric issue: who forbids what. */
function numericGaps(scenario: Scenario): string[] {
  const out: string[] = [];
  for (const issue of scenario.issues) {
    if (issue.kind === 'discrete') continue;
    const bounds = scenario.parties.flatMap((p) =>
      p.redLines
        .filter((r) => 'issue' in r.forbid && r.forbid.issue === issue.name)
        .map((r) => ({ party: p.name, id: r.id, f: r.forbid as IssueCondition })),
    );
    if (bounds.length < 2) continue;
    let lo = issue.min;
    let hi = issue.max;
    const parts: string[] = [];
    for (const { party, id, f } of bounds) {
      const w = (bound: string) => ` (${boundWord(scenario, party, id, bound)})`;
      if (f.above !== undefined) {
        hi = Math.min(hi, f.above);
        parts.push(`${party} rules out more than ${num(f.above)}${w('above')}`);
      }
      if (f.atLeast !== undefined) {
        hi = Math.min(hi, f.atLeast);
        parts.push(`${party} rules out ${num(f.atLeast)} or more${w('atLeast')}`);
      }
      if (f.below !== undefined) {
        lo = Math.max(lo, f.below);
        parts.push(`${party} rules out less than ${num(f.below)}${w('below')}`);
      }
      if (f.atMost !== undefined) {
        lo = Math.max(lo, f.atMost);
        parts.push(`${party} rules out ${num(f.atMost)} or less${w('atMost')}`);
      }
    }
    const gap =
      lo > hi
        ? `a gap of ${num(lo - hi)}${issue.unit ? ` ${issue.unit}` : ''}: no value satisfies both`
        : `${num(lo)} to ${num(hi)} remains open`;
    out.push(`${issue.name}: ${parts.join('; ')} — ${gap} (central assumptions).`);
  }
  return out;
}

/**
 * The model choices no assumption samples, said as such: option scores and the weights of
 * parties without a weight assumption are fixed at the file's values.
 */
function fixedChoices(scenario: Scenario): string {
  const params = (scenario.record?.assumptions ?? []).map((a) => a.parameter);
  const sampledScores = params.filter((p) => p.includes('.values.')).length;
  const fixedWeights = scenario.parties
    .filter((p) => !params.some((x) => x.startsWith(`${p.name}.weights.`)))
    .map((p) => p.name);
  const partial = scenario.parties
    .filter((p) => params.some((x) => x.startsWith(`${p.name}.weights.`)))
    .map((p) => `${p.name} ${params.filter((x) => x.startsWith(`${p.name}.weights.`)).length}`);
  return `Fixed, not sampled (modelling choices at the file's values): ${sampledScores === 0 ? 'every option score (0–1 judgements of each option)' : `all option scores but ${sampledScores}`}; the weights of ${fixedWeights.join(', ') || 'no party'}${partial.length > 0 ? `; of the other parties' weights only some are sampled (${partial.join(', ')})` : ''}; the constraints of the space.`;
}

/** What every question reads: the scenario, the brief, and the assumption ids most answers cite. */
interface AnswerContext {
  readonly scenario: Scenario;
  readonly b: Brief;
  readonly names: readonly string[];
  readonly reservationIds: readonly string[];
  readonly redLineIds: readonly string[];
}

/** 1. Is there a deal at all? At the central assumptions, and how often across them. */
function zoneAnswer(ctx: AnswerContext): Answer | undefined {
  const { scenario, b, names, reservationIds, redLineIds } = ctx;
  const mc = b.monteCarlo;
  const zone = b.central.agreementZone;
  const zoneCentral = (zone && BigInt(zone.count) > 0n) || b.central.frontier.length > 0;
  const top = b.redLineEffects.filter((w) => w.delta > 0).slice(0, 3);
  // Conservative: the runs share their draws, so the true error of a difference is smaller.
  const seOf = (w: { stdError: number }) => Math.hypot(w.stdError, b.whatIfBaseline.stdError);
  return {
    id: 'zone',
    question: `Is there any deal that ${names.join(', ')} could all accept?`,
    answer: [
      zoneCentral
        ? `At the central assumptions, yes: ${zone ? `${BigInt(zone.count).toLocaleString('en-US')} of ${BigInt(b.central.outcomeCount).toLocaleString('en-US')} outcomes` : 'some outcomes'} clear every walk-away value and red line.`
        : `At the central assumptions, no: no outcome clears every party’s walk-away value and red lines at once.${b.centralUnblockers.length > 0 ? ` Any one of these would open a zone: ${b.centralUnblockers.map((u) => `${u.party} drops “${u.description.replace(/\.$/, '')}”`).join('; ')}.` : ' No single red line dropped would open one.'}`,
      `Across the assumptions (${mc.samples.toLocaleString('en-US')} draws, seed ${mc.seed}): an agreement zone exists in ${pct(mc.pAgreementZone, mc.stdError)} of draws.`,
      ...(top.length > 0
        ? [
            `The red lines that close it most often: ${top.map((w) => `${w.label.replace(/^(.*?) drops /, (_, party: string) => `${possessive(party)} `)} (${points(w.delta, seOf(w), ' if not real')})`).join('; ')}.`,
          ]
        : []),
    ],
    evidence: evidenceFor(
      scenario,
      scenario.parties.flatMap((p) => p.redLines.map((r) => r.id)),
    ),
    assumptions: [...reservationIds, ...redLineIds],
  };
}

/** 2. How far apart the numbers are (numeric red lines, the war-bargaining range); none without two numeric bounds on an issue. */
function gapsAnswer(ctx: AnswerContext): Answer | undefined {
  const { scenario, b } = ctx;
  const gaps = numericGaps(scenario);
  if (gaps.length === 0) return undefined;
  const numericIssues = new Set(scenario.issues.filter((i) => i.kind !== 'discrete').map((i) => i.name));
  const isNumeric = (label: string) =>
    scenario.parties.some((p) =>
      p.redLines.some(
        (r) =>
          'issue' in r.forbid && numericIssues.has(r.forbid.issue) && label.includes(r.description ?? r.id),
      ),
    );
  // Sums of the positive effects, each against the same baseline; the error adds in quadrature
  // (conservative: the runs share their draws).
  const gain = (numeric: boolean) => {
    const ws = b.redLineEffects.filter((w) => isNumeric(w.label) === numeric && w.delta > 0);
    return {
      delta: ws.reduce((s, w) => s + w.delta, 0),
      se: Math.sqrt(ws.reduce((s, w) => s + w.stdError ** 2 + b.whatIfBaseline.stdError ** 2, 0)),
    };
  };
  const numericGain = gain(true);
  const otherGain = gain(false);
  const lensCap = b.lens?.central.ranges.filter((r) => r.allowedByRedLines);
  return {
    id: 'gaps',
    question: 'How far apart are the numbers, and does that gap matter next to the other issues?',
    answer: [
      ...gaps,
      ...(lensCap ?? []).map(
        (r) =>
          `Bargaining model of war: fighting on would settle ${r.dimension} near ${num(r.warOutcome)}; both sides should prefer anything from ${num(r.range[0])} to ${num(r.range[1])} to more war${r.allowedByRedLines && r.allowedByRedLines.values.length === 0 ? (anyAssumed(scenario, r.allowedByRedLines.cutBy) ? `, yet their red lines at the central assumed bounds (${r.allowedByRedLines.cutBy.join(', ')}; the bounds are assumptions, not stated in the source) exclude all of it — if those bounds are real, a sign of bluffing or of a commitment problem` : `, yet their stated red lines (${r.allowedByRedLines.cutBy.join(', ')}) exclude all of it — a sign of bluffing or of a commitment problem`) : ''}.`,
      ),
      `Dropping one numeric red line raises P(agreement zone) by ${points(numericGain.delta, numericGain.se, ' in all')}; dropping one of the other red lines by ${points(otherGain.delta, otherGain.se, ' in all')} (each alone, summed; ${b.whatIfBaseline.samples.toLocaleString('en-US')} draws each).`,
    ],
    evidence: evidenceFor(scenario, [...numericIssues]),
    assumptions: assumptionsWhere(
      scenario,
      (p) => [...numericIssues].some((i) => p.includes(i)) || /redLines\.(ru|ua)-cap/.test(p),
    ),
  };
}

/** 3. Which draft is closer to acceptable, and for whom; none without drafts. */
function draftsAnswer(ctx: AnswerContext): Answer | undefined {
  const { scenario, b, names, reservationIds, redLineIds } = ctx;
  if (b.drafts.length === 0) return undefined;
  const lines = b.drafts.flatMap((d) => {
    const driver = driverLine(d, names);
    return [...draftLines(scenario, d, names), ...(driver ? [driver] : [])];
  });
  if (b.diff && b.drafts.length >= 2) {
    const before = b.drafts.find((d) => d.name === b.diff?.before);
    const after = b.drafts.find((d) => d.name === b.diff?.after);
    if (before && after) {
      const shifts = after.central.parties.map((p, i) =>
        partyShift(
          p.party,
          { utility: before.central.parties[i]?.utility ?? 0, pAccept: before.pAccept[p.party] ?? 0 },
          { utility: p.utility, pAccept: after.pAccept[p.party] ?? 0 },
          b.monteCarlo.samples,
        ),
      );
      lines.push(
        `From the ${before.name} to the ${after.name} (utility at the central assumptions under each draft's completion; acceptance over the draws): ${shifts.map(describeShift).join('; ')}.`,
      );
      lines.push(
        `${after.pAll > before.pAll ? `The ${after.name} is closer to acceptable` : `The ${after.name} is not closer to acceptable`} (all accept: ${pct(before.pAll)} → ${pct(after.pAll)}).`,
      );
    }
  }
  lines.push(
    `Issues a draft leaves open are filled in before it is judged; the point figures use the rule named for each draft, the ranges every completion. Filled-in values are ours, not the drafts'.`,
  );
  return {
    id: 'drafts',
    question: 'Is the revised draft closer to acceptable than the first, and for whom?',
    answer: lines,
    evidence: [
      ...new Set(
        b.drafts.flatMap((d) => scenario.record?.drafts.find((x) => x.name === d.name)?.evidence ?? []),
      ),
    ],
    assumptions: [...reservationIds, ...redLineIds],
  };
}

/** 4. The smallest concessions that open a zone; none when a zone exists already. */
function concessionsAnswer(ctx: AnswerContext): Answer | undefined {
  const { scenario, b, reservationIds } = ctx;
  const c = b.concessions;
  if (c.zoneExists) return undefined;
  const enough = c.singles.filter((x) => x.suffices);
  const notEnough = c.singles.filter((x) => !x.suffices).slice(0, 4);
  const lines = [
    ...(enough.length > 0
      ? [
          `Any one of these opens a zone at the central assumptions, smallest first: ${enough
            .slice(0, 6)
            .map((x) => x.text)
            .join('; ')}.`,
        ]
      : ['No single change opens a zone at the central assumptions.']),
    ...(notEnough.length > 0 ? [`Not enough alone: ${notEnough.map((x) => x.text).join('; ')}.`] : []),
    ...(c.pairs.length > 0
      ? [
          `Smallest pairs: ${c.pairs
            .slice(0, 3)
            .map((x) => x.text)
            .join('; ')}.`,
        ]
      : []),
  ];
  const dc = b.draftConcessions;
  if (dc && !dc.zoneExists && dc.draft) {
    const first = dc.singles.filter((x) => x.suffices).slice(0, 3);
    lines.push(
      first.length > 0
        ? `For the ${dc.draft} to be accepted by all: ${first.map((x) => x.text).join('; ')}.`
        : `No single change makes every party accept the ${dc.draft}.`,
    );
  }
  return {
    id: 'concessions',
    question: 'Which single concession, by whom, would open a zone of agreement?',
    answer: lines,
    evidence: evidenceFor(
      scenario,
      scenario.parties.flatMap((p) => p.redLines.map((r) => r.id)),
    ),
    assumptions: [
      ...reservationIds,
      ...assumptionsWhere(scenario, (p) => /\.redLines\..*\.(below|above|atMost|atLeast)$/.test(p)),
    ],
  };
}

/** 5. What the levers do to the chance of a deal; none without levers. */
function leversAnswer(ctx: AnswerContext): Answer | undefined {
  const { scenario, b } = ctx;
  if (b.leverEffects.length === 0) return undefined;
  return {
    id: 'levers',
    question: `How much do the levers (${(scenario.record?.levers ?? []).map((l) => lowerFirst(l.name)).join(', ')}) move the chance of a deal?`,
    answer: [
      `Baseline P(agreement zone) ${pct(b.whatIfBaseline.pAgreementZone, b.whatIfBaseline.stdError)} (${b.whatIfBaseline.samples.toLocaleString('en-US')} draws, same seed for every row):`,
      ...b.leverEffects.map((w) => {
        // Conservative: the two runs share their draws, so the true error of the difference is smaller.
        const se = Math.hypot(w.stdError, b.whatIfBaseline.stdError);
        return `${w.label}: ${pct(w.pAgreementZone, w.stdError)} (${points(w.delta, se)})`;
      }),
      'Levers act through the walk-away values (assumed strengths, sampled); they cannot move a red line.',
      ...(b.lens?.byLever ?? []).map(
        (x) =>
          `War-bargaining range with ${x.label}: ${x.ranges.map((r) => `${r.dimension} ${r.empty ? 'none' : `${num(r.range[0])} to ${num(r.range[1])}`}`).join('; ')} (central: ${(b.lens?.central.ranges ?? []).map((r) => `${num(r.range[0])} to ${num(r.range[1])}`).join('; ')}).`,
      ),
    ],
    evidence: evidenceFor(scenario, scenario.record?.levers.map((l) => l.id) ?? []),
    assumptions: assumptionsWhere(scenario, (p) => p.startsWith('levers.')),
  };
}

/** 6. How sure the numbers can be. */
function certaintyAnswer(ctx: AnswerContext): Answer | undefined {
  const { scenario, b, redLineIds } = ctx;
  const mc = b.monteCarlo;
  const nashLine = Object.entries(mc.nash.perIssue)
    .map(([issue, dist]) => {
      const best = Object.entries(dist).sort((a, c) => c[1] - a[1])[0];
      const value = best && /^-?\d+(\.\d+)?$/.test(best[0]) ? num(Number(best[0])) : best?.[0];
      return best ? `${issue} = ${value} (${pct(best[1])})` : '';
    })
    .filter(Boolean)
    .slice(0, 11);
  return {
    id: 'certainty',
    question: 'How sure can we be, given that true red lines are private?',
    answer: [
      `Every number except the source's figures is an assumption (${scenario.record?.assumptions.length ?? 0} with ranges); whether each red line is real is itself drawn (${redLineIds.length} such assumptions).`,
      `Standard error of P(agreement zone): ${pct(mc.stdError)} at ${mc.samples.toLocaleString('en-US')} draws (it halves with four times the draws).`,
      ...(b.tornado.length > 0
        ? [
            `What moves P(agreement zone) most (tornado, ${b.whatIfBaseline.samples.toLocaleString('en-US')} draws per end): ${b.tornado
              .slice(0, 5)
              .map(
                (t) =>
                  `${t.parameter?.endsWith('.active') ? t.label.replace(/^(.*?) drops /, (_, party: string) => `${possessive(party)} `) : t.label} ${pct(t.low.pAgreementZone)} → ${pct(t.high.pAgreementZone)} (${t.kind === 'lever' ? `${t.low.level} → ${t.high.level}` : t.parameter?.endsWith('.active') ? 'not real → real' : `at ${num(t.low.value)} → ${num(t.high.value)}`}; ${points(t.high.pAgreementZone - t.low.pAgreementZone, Math.hypot(t.low.stdError, t.high.stdError))})`,
              )
              .join('; ')}.`,
          ]
        : []),
      fixedChoices(scenario),
      ...(nashLine.length > 0
        ? [`Where a zone exists, the Nash bargaining solution most often sets: ${nashLine.join('; ')}.`]
        : []),
      ...mc.warnings.map((w) => `Warning: ${w}`),
    ],
    evidence: [],
    assumptions: (scenario.record?.assumptions ?? []).map((a) => a.id),
  };
}

/** The questions, in the order a mediator asks them. */
const QUESTIONS: readonly ((ctx: AnswerContext) => Answer | undefined)[] = [
  zoneAnswer,
  gapsAnswer,
  draftsAnswer,
  concessionsAnswer,
  leversAnswer,
  certaintyAnswer,
];

/**
 * The brief's answers, in the order a mediator asks them. Generic over scenarios; for
 * ukraine-2025 they are the questions of the flagship issue.
 */
export function composeAnswers(scenario: Scenario, b: Brief): Answer[] {
  const ctx: AnswerContext = {
    scenario,
    b,
    names: scenario.parties.map((p) => p.name),
    reservationIds: assumptionsWhere(scenario, (p) => p.endsWith('.reservation')),
    redLineIds: assumptionsWhere(scenario, (p) => p.includes('.redLines.')),
  };
  return QUESTIONS.flatMap((question) => question(ctx) ?? []);
}

/** "Battlefield trend" → "battlefield trend" inside a sentence; "US military aid" stays. */
function lowerFirst(name: string): string {
  return /^\p{Lu}\p{Ll}/u.test(name) ? name[0]?.toLowerCase() + name.slice(1) : name;
}
