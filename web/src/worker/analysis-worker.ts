// The library itself, in a Web Worker: the mediator may see every input, so the what-if runs here
// on the whole scenario (the same functions, seed and draws as the server and the CLI), without
// blocking the page. Only the mediator's page starts this worker.
import {
  analyze,
  briefToHtml,
  buildBrief,
  composeAnswers,
  createRng,
  type Draft,
  evaluateDraft,
  formatProblem,
  monteCarlo,
  parseScenario,
  type Scenario,
  utilityPlotSvg,
} from '../../../src/index.js';
import type { DraftText } from '../api.js';
import { withRanges } from '../logic/ranges.js';
import type { WorkerReply, WorkerRequest } from './protocol.js';

const post = (r: WorkerReply) => (self as unknown as { postMessage(m: unknown): void }).postMessage(r);

let cached: { yaml: string; scenario: Scenario } | undefined;
function scenarioOf(yaml: string): Scenario {
  if (cached?.yaml === yaml) return cached.scenario;
  const r = parseScenario(yaml, 'room');
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('; '));
  cached = { yaml, scenario: r.value };
  return r.value;
}

function asDraft(d: DraftText): Draft {
  return {
    name: d.name,
    drafters: d.drafters ?? [],
    pointCount: d.pointCount ?? d.points.length,
    evidence: d.evidence ?? [],
    points: d.points.map((p) => ({
      number: p.number,
      title: p.title,
      ...(p.summary !== undefined ? { summary: p.summary } : {}),
      ...(p.sets ? { sets: p.sets } : {}),
      detailed: p.detailed ?? true,
      evidence: p.evidence ?? [],
    })),
  };
}

function handle(m: WorkerRequest): WorkerReply {
  const s = scenarioOf(m.yaml);
  switch (m.kind) {
    case 'zone': {
      const t0 = performance.now();
      const r = monteCarlo(withRanges(s, m.ranges ?? {}), {
        samples: m.samples,
        seed: m.seed,
        levers: m.levers,
        overrides: m.pins,
        onProgress: (done, total) => post({ id: m.id, type: 'progress', done, total }),
      });
      return {
        id: m.id,
        type: 'zone',
        pAgreementZone: r.pAgreementZone,
        stdError: r.stdError,
        samples: r.samples,
        ms: performance.now() - t0,
      };
    }
    case 'plane': {
      const svg = utilityPlotSvg(s, analyze(s), {
        rng: createRng(m.seed),
        maxOutcomes: 3000,
        width: m.width,
      });
      // Plot labels its mark groups with aria-label; on a bare <g> ARIA forbids it, so the groups
      // are given the group role (screen readers then read the marks' names).
      return { id: m.id, type: 'plane', svg: svg.replace(/<g aria-label=/g, '<g role="group" aria-label=') };
    }
    case 'evaluate':
      return {
        id: m.id,
        type: 'evaluate',
        evaluations: m.drafts.map((d) => {
          const e = evaluateDraft(s, asDraft(d));
          return {
            draft: d.name,
            acceptedByAll: e.acceptedByAll,
            parties: e.parties.map((p) => ({
              party: p.party,
              accepts: p.accepts,
              utility: p.utility,
              redLinesCrossed: [...p.redLinesCrossed],
            })),
          };
        }),
      };
    case 'report': {
      const brief = buildBrief(s, {
        samples: m.samples,
        whatIfSamples: 200,
        seed: m.seed,
        onProgress: (done, total) => post({ id: m.id, type: 'progress', done, total }),
      });
      return { id: m.id, type: 'report', html: briefToHtml(s, brief, composeAnswers(s, brief)) };
    }
  }
}

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  try {
    post(handle(e.data));
  } catch (err) {
    post({ id: e.data.id, type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
