// The brief: the answers a mediator asks for, as data, from analysis + uncertainty + the record.
export { type Answer, composeAnswers } from './answers.js';
export { type Unblocker, unblockers } from './blockers.js';
export {
  BRIEF_DEFAULTS,
  type Brief,
  type BriefOptions,
  briefDraws,
  buildBrief,
  type DraftBrief,
  type WhatIf,
} from './build.js';
export {
  type ConcessionPairText,
  type ConcessionsText,
  concessionPairText,
  concessionText,
  type SingleConcessionText,
  singleConcessionText,
  withConcessionTexts,
} from './concession-text.js';
export {
  type EffectLine,
  effectText,
  TIMELINE_DEFAULTS,
  type Timeline,
  type TimelineOptions,
  type TimelineStep,
  timeline,
} from './timeline.js';
export * from './verdict.js';
