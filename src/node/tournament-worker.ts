/**
 * The worker-thread module of {@link workerExecutor}: runs batches of planned runs with the
 * built-in strategies, loading each scenario reference once per thread. To run your own strategies
 * on threads, write a module like this one with your registry and pass it as `module`.
 */
import { batchRunner } from '../tournaments/index.js';
import { scenarioResolver } from './scenario-resolver.js';

export default batchRunner({ resolve: scenarioResolver() });
