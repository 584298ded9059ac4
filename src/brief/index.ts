// The brief: the answers a mediator asks for, as data, from analysis + uncertainty + the record.
export { type Answer, composeAnswers } from './answers.js';
export {
  BRIEF_DEFAULTS,
  type Brief,
  type BriefOptions,
  buildBrief,
  type DraftBrief,
  type WhatIf,
} from './build.js';
