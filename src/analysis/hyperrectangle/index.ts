export {
  type FrontierParty,
  type FrontierPoint,
  type HyperRectangleFrontierOptions,
  type HyperRectangleFrontierResult,
  type HyperRectangleFrontierStats,
  hyperRectangleFrontier,
} from './frontier.js';
