// Worker thread entry: waits for one analysis, runs it, posts progress and the result. Workers are
// started ahead of need (runner.ts keeps one spare), so the job comes as a message.
import { parentPort } from 'node:worker_threads';
import type { BriefOptions } from '../index.js';
import { type AnalysisRequest, computeAnalysis } from './compute.js';

type Job = { text: string; request: AnalysisRequest; computed?: BriefOptions['computed'] };

parentPort?.once('message', ({ text, request, computed }: Job) => {
  let last = 0;
  try {
    const result = computeAnalysis(
      text,
      request,
      (done, total) => {
        const now = Date.now();
        if (now - last < 100 && done < total) return;
        last = now;
        parentPort?.postMessage({ type: 'progress', done, total });
      },
      computed,
    );
    parentPort?.postMessage({ type: 'done', result });
  } catch (e) {
    parentPort?.postMessage({ type: 'failed', error: e instanceof Error ? e.message : String(e) });
  }
});
