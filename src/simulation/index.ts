// Simulation: many seeded negotiations of one scenario between strategies, summarised.
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
