// Node-only effects of the library: worker-thread executors, result files, scenario resolution.
// The pure parts (plans, results, rankings) are in tournaments/; a distributed executor (a job
// queue across machines) would sit here beside workerExecutor, implementing the same Executor.
export { openResultStore, RESULTS_FILE, type ResultStore, type ResultStoreOptions } from './result-store.js';
export { scenarioResolver } from './scenario-resolver.js';
export { type WorkerExecutorOptions, workerExecutor } from './worker-executor.js';
