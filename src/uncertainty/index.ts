// Uncertainty: sampling the record's assumptions, levers, Monte Carlo, sensitivity.

export {
  type AcceptanceDriver,
  ALL_PARTIES,
  acceptanceDrivers,
  type DriverBinResult,
  topDrivers,
} from './acceptance-drivers.js';
export { centralScenario, instantiate } from './instantiate.js';
export {
  type LeverSettings,
  type LeverShift,
  leverTargets,
  leverUnits,
} from './levers.js';
export {
  type DraftAcceptance,
  type MonteCarloOptions,
  type MonteCarloResult,
  monteCarlo,
  monteCarloResult,
  type NashSummary,
} from './monte-carlo.js';
export {
  type DrawRange,
  drawChunks,
  MONTE_CARLO_DEFAULTS,
  type MonteCarloDraws,
  type MonteCarloTally,
  mergeTallies,
  monteCarloTally,
  type SampleOutcome,
} from './monte-carlo-tally.js';
export { type ParameterPlan, type PlanParameterOptions, planParameters } from './parameter-plan.js';
export { type ParameterSample, quantileOf, sampleParameters } from './sample.js';
export {
  type BarEnd,
  SENSITIVITY_DEFAULTS,
  type Sensitivity,
  type SensitivityBar,
  type SensitivityOptions,
  type SensitivityPlan,
  sensitivity,
  sensitivityPlan,
} from './sensitivity.js';
export { binomialStdError, type Summary, summarize } from './stats.js';
