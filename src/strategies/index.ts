// Strategies: acceptance, offering and opponent-model parts; composed negotiators; the registry;
// runs of one negotiation (serialisable spec → record) and of many (simulate).
export { acAll, acAny, acCombiMax, acConst, acNext, acProbability, acTime } from './acceptance.js';
export { aspiration, floorOf } from './aspiration.js';
export { acceptanceOf, BUILT_IN_STRATEGIES, builtInStrategies } from './builtins.js';
export { composeNegotiator, type StrategyParts } from './compose.js';
export { frequencyModel } from './frequency-model.js';
export {
  distanceToFrontier,
  distanceToNearest,
  type TableAnalysis,
  tableAnalysis,
  utilityDistance,
} from './metrics.js';
export {
  hardlinerOffering,
  modelOffering,
  randomOffering,
  timeDependentOffering,
  titForTatOffering,
} from './offering.js';
export type {
  AcceptanceCondition,
  AcceptanceInput,
  Offering,
  OfferingFactory,
  OpponentModel,
  OpponentModelFactory,
} from './parts.js';
export {
  type ParamSpec,
  type ParamValue,
  type ParsedAgent,
  type StrategyDefinition,
  StrategyRegistry,
} from './registry.js';
export { rubinsteinNegotiator } from './rubinstein.js';
export {
  agentsPerSeat,
  deadlineOf,
  type NegotiationSpec,
  type RunContext,
  type RunRecord,
  resolveScenario,
  runNegotiation,
} from './run.js';
export {
  type PartySummary,
  type RunSummary,
  SIMULATE_DEFAULTS,
  type SimulateOptions,
  type SimulationRun,
  type SimulationSummary,
  simulate,
  startSimulation,
} from './simulate.js';
