/**
 * Concord's Node entry (`concord-negotiation/node`): everything that touches the file system or
 * threads — loading scenario files, GENIUS folders and built-in scenarios, worker-thread
 * executors and result files for tournaments. The pure library is `src/index.ts`.
 */

export * from './node/index.js';
