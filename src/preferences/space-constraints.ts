import { type AnalysisProblem, type CompiledRedLine, SPACE_CONSTRAINT } from './problem.js';

/** What reports name as the holder of a feasibility constraint (it belongs to no party). */
export const SPACE_OWNER = 'constraint of the space';

/** The party a compiled red line belongs to, or {@link SPACE_OWNER} for a feasibility constraint. */
export function redLineOwner(problem: AnalysisProblem, r: Pick<CompiledRedLine, 'party'>): string {
  if (r.party === SPACE_CONSTRAINT) return SPACE_OWNER;
  return (problem.parties[r.party] as { name: string }).name;
}
