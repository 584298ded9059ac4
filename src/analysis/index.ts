// Analysis: Pareto frontier, bargaining solutions, agreement zone, outcome evaluation.
export {
  type AdditiveInput,
  type AdditivePoints,
  type AdditiveResult,
  additiveFrontier,
  type Exclusion,
} from './additive-frontier.js';
export { ANALYZE_DEFAULTS, type Analysis, type AnalyzeOptions, analyze } from './analyze.js';
export { type EnumerationOptions, enumerateFrontier, forEachAcceptable } from './brute-force.js';
export {
  CONCESSION_DEFAULTS,
  type Concession,
  type ConcessionOptions,
  type ConcessionPair,
  type Concessions,
  minimalConcessions,
  type RedLineRef,
  type SingleConcession,
} from './concessions.js';
export {
  type CompletionRule,
  type DraftEvaluation,
  type DraftPartyEvaluation,
  evaluateDraft,
} from './draft-evaluation.js';
export { type CompletionBounds, completionBounds, draftBounds } from './draft-range.js';
export {
  type EvaluateOptions,
  evaluateOutcome,
  type OutcomeEvaluation,
  type PartyEvaluation,
} from './evaluate.js';
export { FRONTIER_DEFAULTS, type FrontierOptions, paretoFrontier } from './frontier.js';
export {
  type ExcludedValue,
  type ExclusionReason,
  type IssueZone,
  type IssueZoneOptions,
  type IssueZones,
  issueZones,
} from './issue-zones.js';
export { nonDominated2 } from './pareto-2d.js';
export { nonDominatedNaive } from './pareto-naive.js';
export { nonDominated } from './pareto-nd.js';
export {
  type AnalysisProblem,
  type CompiledParty,
  type CompiledRedLine,
  type ProblemInput,
  prepareProblem,
  SPACE_CONSTRAINT,
} from './problem.js';
export { type RangeOptions, type UtilityRanges, utilityRanges } from './ranges.js';
export {
  disagreementPoint,
  type SolutionInput,
  type SolutionPoint,
  type Solutions,
  solutions,
} from './solutions.js';
export { redLineOwner, SPACE_OWNER } from './space-constraints.js';
export type { Frontier, FrontierMethod, FrontierPoint } from './types.js';
export { type AgreementZone, agreementZone, ZONE_DEFAULTS, type ZoneOptions } from './zone.js';
