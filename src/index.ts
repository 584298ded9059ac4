/**
 * Concord's pure library entry: no Node built-ins, no file system, no clock; runs in a browser and
 * a Web Worker. File loading and worker threads are in the Node entry, `src/node.ts`.
 */

export * from './analysis/index.js';
export * from './brief/index.js';
export * from './conflict/index.js';
export * from './core/errors.js';
export * from './core/rng.js';
export * from './io/genius/index.js';
export * from './io/report/index.js';
export * from './io/scenario/index.js';
export * from './model/as-of.js';
export * from './model/parameters.js';
export * from './model/party.js';
export * from './model/random.js';
export * from './model/scenario.js';
export * from './outcomes/issue.js';
export * from './outcomes/space.js';
export * from './preferences/compile.js';
export * from './preferences/constraint.js';
export * from './preferences/red-line.js';
export * from './preferences/utility.js';
export * from './preferences/value-function.js';
export * from './protocols/index.js';
export * from './record/check-evidence.js';
export * from './record/diff.js';
export * from './record/distribution.js';
export * from './record/knowledge.js';
export * from './record/types.js';
export * from './simulation/index.js';
export * from './strategies/index.js';
export * from './tournaments/index.js';
export * from './uncertainty/index.js';
