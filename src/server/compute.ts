/**
 * The joint analyses a room runs, as one function from (scenario text, request) to a JSON result.
 * Runs inside a worker thread (analysis-worker.ts) so a long Monte Carlo neither blocks the server
 * nor escapes cancellation. Deterministic: the same text, request and seed give the same result.
 */
import {
  type BriefOptions,
  buildBrief,
  composeAnswers,
  diffDrafts,
  evaluateDraft,
  type LeverSettings,
  minimalConcessions,
  parseScenario,
  type Scenario,
} from '../index.js';

export type AnalysisKind = 'brief' | 'whatif' | 'evaluate' | 'diff' | 'concessions';
export const ANALYSIS_KINDS: readonly AnalysisKind[] = ['brief', 'whatif', 'evaluate', 'diff', 'concessions'];

export interface AnalysisRequest {
  readonly kind: AnalysisKind;
  readonly seed: number;
  readonly samples: number;
  readonly whatIfSamples: number;
  readonly levers?: Readonly<Record<string, string>>;
  readonly draft?: string;
  readonly before?: string;
  readonly after?: string;
}

/** Plain JSON (typed arrays and undefined fields dropped), as stored and sent. */
const plain = <T>(x: T): unknown => JSON.parse(JSON.stringify(x));

function draftOf(s: Scenario, name: string) {
  const d = s.record?.drafts.find((x) => x.name === name);
  if (!d) throw new Error(`no draft named "${name}"`);
  return d;
}

/**
 * `computed`: the Monte Carlo and tornado of a brief or what-if, done elsewhere (the queue) with
 * the options `briefDraws` gives for this request; the result is the same as computing them here.
 */
export function computeAnalysis(
  text: string,
  req: AnalysisRequest,
  onProgress: (done: number, total: number) => void = () => {},
  computed?: BriefOptions['computed'],
): unknown {
  const parsed = parseScenario(text, 'room');
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  const s = parsed.value;
  switch (req.kind) {
    case 'brief':
    case 'whatif': {
      const brief = buildBrief(s, {
        samples: req.samples,
        whatIfSamples: req.whatIfSamples,
        seed: req.seed,
        levers: (req.levers ?? {}) as LeverSettings,
        onProgress,
        ...(computed ? { computed } : {}),
      });
      const { elapsedMs: _, ...stable } = brief;
      return { brief: plain(stable), answers: plain(composeAnswers(s, brief)) };
    }
    case 'evaluate':
      return { evaluation: plain(evaluateDraft(s, draftOf(s, req.draft ?? ''))) };
    case 'diff': {
      const before = draftOf(s, req.before ?? '');
      const after = draftOf(s, req.after ?? '');
      return {
        diff: plain(diffDrafts(before, after)),
        before: plain(evaluateDraft(s, before)),
        after: plain(evaluateDraft(s, after)),
      };
    }
    case 'concessions':
      return { concessions: plain(minimalConcessions(s, req.draft ? { draft: req.draft } : {})) };
  }
}
