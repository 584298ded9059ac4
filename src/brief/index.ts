// The brief: the answers a mediator asks for, as data, from analysis + uncertainty + the record.
export { type Answer, composeAnswers } from './answers.js';
export {
  type Brief,
  type BriefOptions,
  briefDraws,
  buildBrief,
  type DraftBrief,
  type WhatIf,
} from './build.js';
