import type { IssueValue } from '../outcomes/issue.js';

/**
 * The negotiating record: where every number and position comes from. Facts come from sources;
 * everything else is a labelled {@link Assumption} with a range.
 */

/** A document the record cites (e.g. a news article). */
export interface Source {
  readonly id: string;
  readonly title: string;
  readonly publisher?: string;
  /** ISO date (or month) of publication, when known. */
  readonly date?: string;
  /** Path to the text, relative to the scenario folder or the shared seed folder. */
  readonly file?: string;
  readonly url?: string;
}

/**
 * One piece of evidence.
 * - `quote`: a public statement by a named speaker, verbatim as the source reports it.
 * - `fact`: a figure or event from the source, in our own words (never the source's sentences);
 *   `figures` lists the numbers as they stand in the source so a test can find them there.
 */
export type Evidence = QuoteEvidence | FactEvidence;

interface EvidenceBase {
  readonly id: string;
  readonly source: string;
  /** Where in the source, e.g. `paragraph 9`. */
  readonly locator: string;
  /** When the statement was made or the fact held, as precise as the source says. */
  readonly date?: string;
  /** Ids of what it supports: parties, issues, red lines, drafts, events, assumptions. */
  readonly supports: readonly string[];
}

export interface QuoteEvidence extends EvidenceBase {
  readonly kind: 'quote';
  readonly quote: string;
  readonly speaker: string;
  /** Speaker's role when quoted, e.g. `US Secretary of State`. */
  readonly speakerRole?: string;
}

export interface FactEvidence extends EvidenceBase {
  readonly kind: 'fact';
  readonly fact: string;
  readonly figures?: readonly string[];
}

/** How an uncertain parameter is believed to be distributed. */
export type Distribution =
  | { readonly kind: 'fixed'; readonly value: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
  | { readonly kind: 'bernoulli'; readonly p: number };

/**
 * A parameter the sources do not give. `value` is the point estimate used by deterministic
 * analysis; `distribution` is what Monte Carlo samples.
 */
export interface Assumption {
  readonly id: string;
  /** What it sets, e.g. `Russia.reservation` or `Ukraine.weights.territory`. */
  readonly parameter: string;
  readonly value: number;
  readonly distribution: Distribution;
  readonly rationale: string;
  /** Evidence that informs (not proves) it. */
  readonly evidence?: readonly string[];
}

/** One numbered point of a draft. `sets` fixes issue values; `detailed: false` when the source does not say what it contains. */
export interface DraftPoint {
  readonly number: number;
  readonly title: string;
  readonly summary?: string;
  readonly sets?: Readonly<Record<string, IssueValue>>;
  readonly detailed: boolean;
  /** True when the point is our modelling, not a term the source gives for this draft. */
  readonly modelled?: boolean;
  readonly evidence: readonly string[];
}

/** A negotiating text as numbered points, with its provenance. */
export interface Draft {
  readonly name: string;
  readonly drafters: readonly string[];
  readonly where?: string;
  readonly when?: string;
  /** How many points the text has in all (may exceed those recorded here). */
  readonly pointCount: number;
  readonly points: readonly DraftPoint[];
  /** Name of the draft this one revises. */
  readonly revises?: string;
  readonly evidence: readonly string[];
  readonly description?: string;
}

/** Something that happened, linked to evidence. */
export interface TimelineEvent {
  readonly id: string;
  /** When, as precisely as the source says (free text). */
  readonly date: string;
  /** ISO day (YYYY-MM-DD) that orders the event for `asOf`; needed when it has effects. */
  readonly on?: string;
  readonly title: string;
  readonly place?: string;
  readonly parties?: readonly string[];
  readonly evidence: readonly string[];
  /** How the event moves the model from its day on (see `scenarioAsOf`). */
  readonly effects?: readonly EventEffect[];
}

/**
 * One change an event makes to the model. The file's model is the state before any event, except
 * that drafts tabled and red lines added by an event exist only from that event on. An effect
 * with `evidence` is a fact of the record; one with only a `rationale` is a labelled assumption.
 */
export type EventEffect =
  | (EffectBasis & { readonly kind: 'draft'; readonly draft: string })
  | (EffectBasis & { readonly kind: 'add-red-line'; readonly redLine: string })
  | (EffectBasis & { readonly kind: 'drop-red-line'; readonly redLine: string })
  | (EffectBasis & { readonly kind: 'lever'; readonly lever: string; readonly level: string })
  | (EffectBasis & {
      readonly kind: 'assumption';
      readonly assumption: string;
      readonly value?: number;
      readonly distribution: Distribution;
    });

export interface EffectBasis {
  /** Evidence that the event did this: then the effect is a fact. */
  readonly evidence?: readonly string[];
  /** Why we model it so, when no evidence says it: then the effect is an assumption. */
  readonly rationale?: string;
}

/**
 * A named parameter the parties (or the world) can move, and how it shifts the model.
 * Each effect adds `perUnit × (level − baseline)` to a party's reservation value (or another
 * numeric parameter named like an assumption's `parameter`). The functions are assumptions.
 */
export interface Lever {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  /** Named levels mapped to numbers, e.g. `{ current: 0, high: 1 }`. */
  readonly levels: Readonly<Record<string, number>>;
  readonly baseline: string;
  readonly effects: readonly LeverEffect[];
  readonly evidence?: readonly string[];
}

export interface LeverEffect {
  readonly parameter: string;
  readonly perUnit: number;
  /** Id of the assumption that justifies this effect's size. */
  readonly assumption?: string;
  readonly rationale: string;
}

/** Everything the record adds to a scenario. */
export interface NegotiationRecord {
  readonly sources: readonly Source[];
  readonly evidence: readonly Evidence[];
  readonly assumptions: readonly Assumption[];
  readonly drafts: readonly Draft[];
  readonly events: readonly TimelineEvent[];
  readonly levers: readonly Lever[];
  /** ISO day the model stands at: effects of events on or before it apply (default: all). */
  readonly asOf?: string;
  /** The bargaining-of-war lens, when the scenario is a war. */
  readonly conflict?: ConflictLens;
}

/** A number the sources do not give, stated inline: point estimate, range and why. */
export interface Estimate {
  readonly value: number;
  readonly distribution: Distribution;
  readonly rationale: string;
  readonly evidence?: readonly string[];
}

/**
 * One divisible good in the bargaining model of war: fighting on would settle it at
 * `warOutcome` (in the dimension's units); each side would give up up to its `cost` (same units)
 * rather than fight, so every settlement within the bargaining range beats war for both.
 */
export interface DivisibleDimension {
  readonly name: string;
  /** The model issue this dimension is, when there is one (e.g. a numeric cap). */
  readonly issue?: string;
  readonly unit?: string;
  readonly min: number;
  readonly max: number;
  /** Whether side A (the first of `sides`) wants the value lower or higher. */
  readonly sideAWants: 'lower' | 'higher';
  readonly warOutcome: Estimate;
  /** Each side's cost of war, by party name, in the dimension's units. */
  readonly costs: Readonly<Record<string, Estimate>>;
  /** How levers move this dimension: `perUnit × (level − baseline)` added to `warOutcome` or `costs.<party>`. */
  readonly leverEffects?: readonly LensLeverEffect[];
}

/** A lever's (assumed) effect on the bargaining model of war. */
export interface LensLeverEffect {
  readonly lever: string;
  /** `warOutcome` or `costs.<party>`. */
  readonly parameter: string;
  readonly perUnit: number;
  readonly rationale: string;
}

/** A yes/no issue that cannot be split: the lens flags it and asks whether any option is a compromise. */
export interface IndivisibleIssue {
  readonly issue: string;
  readonly rationale: string;
  readonly evidence?: readonly string[];
}

/** The bargaining model of war (Fearon 1995) applied to two sides of the scenario. */
export interface ConflictLens {
  readonly sides: readonly [string, string];
  readonly divisible: readonly DivisibleDimension[];
  readonly indivisible: readonly IndivisibleIssue[];
}
