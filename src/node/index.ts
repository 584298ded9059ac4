// Node-only effects of the library: scenario files and folders, worker-thread executors, result
// files, scenario resolution. The pure parts (parsing text, plans, results, rankings) are in the
// pure entry `src/index.ts`. The queue (BullMQ on Redis: `concord worker` processes on any
// machines) sits beside workerExecutor: queueExecutor implements the same Executor.
export {
  checkScenarioEvidence,
  findSourceFiles,
  type ScenarioEvidenceCheck,
  type SourceFiles,
} from './evidence-files.js';
export { isGeniusFolder, type LoadGeniusOptions, loadGeniusFolder } from './genius-folder.js';
export { builtInScenarioDir, builtInScenarios, type LoadOptions, loadScenario } from './load.js';
export {
  checkRedis,
  parseQueueUrl,
  QUEUE_NAME,
  type QueueAddress,
} from './queue-connection.js';
export {
  type QueuedMonteCarlo,
  type QueueExecutorOptions,
  type QueueMonteCarloOptions,
  queueExecutor,
  queueMonteCarlo,
} from './queue-executor.js';
export {
  jobSchema,
  monteCarloJob,
  type QueueJob,
  scenarioFingerprint,
  tournamentJob,
  tournamentJobId,
} from './queue-jobs.js';
export { type JobRunner, type JobRunnerOptions, openJobRunner, type QueuedJob } from './queue-jobs-runner.js';
export {
  type QueueWorker,
  type QueueWorkerEvent,
  type QueueWorkerOptions,
  startQueueWorker,
} from './queue-worker.js';
export { openResultStore, RESULTS_FILE, type ResultStore, type ResultStoreOptions } from './result-store.js';
export { loadScenarioFile } from './scenario-file.js';
export { scenarioResolver } from './scenario-resolver.js';
export { packageVersion } from './version.js';
export { type WorkerExecutorOptions, workerExecutor } from './worker-executor.js';
