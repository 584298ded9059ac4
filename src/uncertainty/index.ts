// Uncertainty: sampling the record's assumptions, levers, Monte Carlo, sensitivity.

export { centralScenario, instantiate } from './instantiate.js';
export {
  type LeverSettings,
  type LeverShift,
  leverTargets,
  leverUnits,
} from './levers.js';
export {
  type DraftAcceptance,
  MONTE_CARLO_DEFAULTS,
  type MonteCarloOptions,
  type MonteCarloResult,
  monteCarlo,
  type NashSummary,
  type SampleOutcome,
} from './monte-carlo.js';
export { type ParameterPlan, type PlanParameterOptions, planParameters } from './parameter-plan.js';
export { type ParameterSample, quantileOf, sampleParameters } from './sample.js';
export {
  type BarEnd,
  SENSITIVITY_DEFAULTS,
  type Sensitivity,
  type SensitivityBar,
  type SensitivityOptions,
  sensitivity,
} from './sensitivity.js';
export { binomialStdError, type Summary, summarize } from './stats.js';
