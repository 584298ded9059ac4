import type { Draft } from './types.js';

/** How much of a draft the sources give: points they detail, points we modelled, of how many. */
export interface DraftKnowledge {
  /** Points the source details (detailed and not modelled). */
  readonly known: number;
  /** Points that fix issues on our modelling, not the source's word. */
  readonly modelled: number;
  readonly pointCount: number;
}

/** Counts only the points the source details; placeholders ("the other 26 points") and modelled points are not known. */
export function draftKnowledge(d: Draft): DraftKnowledge {
  const known = d.points.filter((p) => p.detailed && p.modelled !== true).length;
  const modelled = d.points.filter((p) => p.modelled === true).length;
  return { known, modelled, pointCount: d.pointCount };
}

/** "2 of 28 points known" or "0 of 19 points known, 1 modelled". */
export function describeKnowledge(k: DraftKnowledge): string {
  return `${k.known} of ${k.pointCount} points known${k.modelled > 0 ? `, ${k.modelled} modelled` : ''}`;
}
