import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inProcessExecutor, planTournament, runTournament, type TournamentPlan } from '../src/index.js';
import { openResultStore, type ResultStore, scenarioResolver } from '../src/node.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'concord-resume-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const planned = planTournament({
  strategies: ['boulware', 'conceder', 'tft'],
  scenarios: ['examples/job-offer.yaml', 'examples/trade-deal.yaml'],
  repetitions: 3,
  steps: 30,
});
if (!planned.ok) throw new Error('plan');
const plan: TournamentPlan = planned.value;

function open(dir: string, resume = false): ResultStore {
  const r = openResultStore(dir, { resume });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.value;
}

/** Runs the plan into the folder, stopping after `stopAfter` results when given. */
async function session(dir: string, resume: boolean, stopAfter?: number) {
  const store = open(dir, resume);
  const controller = new AbortController();
  try {
    const out = await runTournament(plan, {
      executor: inProcessExecutor({ resolve: scenarioResolver(), batchSize: 2 }),
      done: store.done,
      signal: controller.signal,
      onResult: (r, p) => {
        store.append(r);
        if (p.finished === stopAfter) controller.abort();
      },
    });
    return { out, warnings: store.warnings };
  } finally {
    store.close();
  }
}

const lines = (dir: string) => readFileSync(join(dir, 'results.jsonl'), 'utf8').split('\n').filter(Boolean);

describe('resuming a tournament', () => {
  it('after a crash mid-write: every run exactly once, results equal an uninterrupted run', async () => {
    const reference = tmp();
    await session(reference, false);
    const expected = lines(reference).sort();
    expect(expected).toHaveLength(plan.runs.length);

    const dir = tmp();
    const first = await session(dir, false, 7);
    expect(first.out.complete).toBe(false);
    // The crash: the process died while writing its 8th line.
    const file = join(dir, 'results.jsonl');
    const size = readFileSync(file).length;
    const cut = size - Math.floor(readFileSync(file, 'utf8').trimEnd().split('\n').at(-1)!.length / 2);
    truncateSync(file, cut);
    expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(false);

    const second = await session(dir, true);
    expect(second.warnings.map((w) => w.code)).toEqual(['partial-result']);
    expect(second.out.skipped).toBe(7);
    expect(second.out.complete).toBe(true);
    const got = lines(dir);
    expect(new Set(got.map((l) => JSON.parse(l).id)).size).toBe(plan.runs.length);
    expect(got.sort()).toEqual(expected);
  });

  it('resuming a finished tournament runs nothing and changes nothing', async () => {
    const dir = tmp();
    await session(dir, false);
    const before = readFileSync(join(dir, 'results.jsonl'), 'utf8');
    const again = await session(dir, true);
    expect(again.out).toMatchObject({ ran: 0, skipped: plan.runs.length, complete: true });
    expect(readFileSync(join(dir, 'results.jsonl'), 'utf8')).toBe(before);
  });

  it('drops corrupt and repeated lines from the file, then fills the gaps', async () => {
    const dir = tmp();
    await session(dir, false, 6);
    const file = join(dir, 'results.jsonl');
    const [a, b, ...rest] = lines(dir);
    writeFileSync(file, [a, '{"id": "broken', b, a, ...rest, ''].join('\n'));
    const resumed = await session(dir, true);
    expect(resumed.warnings.map((w) => [w.code, w.line])).toEqual([
      ['bad-result-line', 2],
      ['duplicate-results', 4],
    ]);
    const ids = lines(dir).map((l) => JSON.parse(l).id);
    expect(ids.sort()).toEqual(plan.runs.map((r) => r.id).sort());
  });

  it('refuses a folder with results unless resuming', async () => {
    const dir = tmp();
    await session(dir, false, 2);
    const r = openResultStore(dir);
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(['results-exist']);
    // The refusal released the folder.
    open(dir, true).close();
  });

  it('lets one writer in at a time, and takes over a lock its dead owner left', () => {
    const dir = tmp();
    const first = open(dir);
    const second = openResultStore(dir, { resume: true });
    expect(second.ok ? [] : second.problems.map((p) => p.code)).toEqual(['results-locked']);
    first.close();
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(join(dir, '.lock'), String(dead));
    open(dir, true).close();
  });
});
