// Analysis: Pareto frontier, bargaining solutions, agreement zone, outcome evaluation.

export {
  type AnalysisProblem,
  type CompiledParty,
  type CompiledRedLine,
  prepareProblem,
} from '../preferences/problem.js';
export { redLineOwner, SPACE_OWNER } from '../preferences/space-constraints.js';
export { ANALYZE_DEFAULTS, type Analysis, type AnalyzeOptions, analyze } from './analyze.js';
export {
  CONCESSION_DEFAULTS,
  type Concession,
  type ConcessionOptions,
  type ConcessionPair,
  type Concessions,
  minimalConcessions,
  type RedLineRef,
  type SingleConcession,
} from './concessions/concessions.js';
export {
  type CompletionRule,
  type DraftEvaluation,
  type DraftPartyEvaluation,
  evaluateDraft,
} from './drafts/draft-evaluation.js';
export { type CompletionBounds, completionBounds, draftBounds } from './drafts/draft-range.js';
export {
  type EvaluateOptions,
  evaluateOutcome,
  type OutcomeEvaluation,
  type PartyEvaluation,
} from './drafts/evaluate.js';
export {
  type AdditiveInput,
  type AdditivePoints,
  type AdditiveResult,
  additiveFrontier,
  type Exclusion,
} from './frontier/additive-frontier.js';
export { type EnumerationOptions, enumerateFrontier, forEachAcceptable } from './frontier/brute-force.js';
export { FRONTIER_DEFAULTS, type FrontierOptions, paretoFrontier } from './frontier/frontier.js';
export { type OppositionInput, oppositionLevel } from './frontier/opposition.js';
export { nonDominated2 } from './frontier/pareto-2d.js';
export { nonDominatedNaive } from './frontier/pareto-naive.js';
export { nonDominated } from './frontier/pareto-nd.js';
export { type RangeOptions, type UtilityRanges, utilityRanges } from './frontier/ranges.js';
export {
  disagreementPoint,
  type SolutionInput,
  type SolutionPoint,
  type Solutions,
  solutions,
} from './solutions/solutions.js';
export type { Frontier, FrontierMethod, FrontierPoint, ProblemInput } from './types.js';
export {
  type ExcludedValue,
  type ExclusionReason,
  type IssueZone,
  type IssueZoneOptions,
  type IssueZones,
  issueZones,
} from './zone/issue-zones.js';
export { type AgreementZone, agreementZone, ZONE_DEFAULTS, type ZoneOptions } from './zone/zone.js';
