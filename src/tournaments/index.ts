// Tournaments: plan (strategies × scenarios × seat orders × repetitions) → run on an executor →
// results (JSONL lines, CSV) → ranking with confidence intervals. Pure: executors that use threads
// or machines, and the result files, live at the edge (src/node/).
export { type MeanEstimate, meanInterval, t975, wilsonInterval } from './confidence.js';
export {
  batchesOf,
  type ExecuteOptions,
  type Executor,
  type InProcessExecutorOptions,
  inProcessExecutor,
} from './executor.js';
export {
  matchups,
  type PlannedRun,
  planTournament,
  TOURNAMENT_DEFAULTS,
  type TournamentOptions,
  type TournamentPlan,
  type TournamentScenario,
  tournamentScenario,
} from './plan.js';
export { type Ranking, type RankOptions, rankStrategies, type StrategyStanding } from './ranking.js';
export {
  batchRunner,
  type TournamentContext,
  type TournamentResult,
  tournamentResultSchema,
} from './result.js';
export { type ResultLines, readResultLines, resultLine, resultsToCsv } from './results-file.js';
export {
  type RunTournamentOptions,
  runTournament,
  type TournamentOutcome,
  type TournamentProgress,
} from './run-tournament.js';
export {
  readTournamentSettings,
  settingsOf,
  type TournamentSettings,
  tournamentSettingsSchema,
} from './settings.js';
