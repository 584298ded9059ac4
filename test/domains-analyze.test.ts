import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { analyze, formatProblem } from '../src/index.js';
import { loadGeniusFolder } from '../src/node.js';
import { describeWithShared, domainsDir } from './support/shared.js';

/**
 * Every one of the community's domain folders is either analysed (frontier, solutions, zone)
 * or refused with located problems — never an exception, never a hang. Non-exact results must
 * say so. Multilateral folders are analysed with all their profiles as parties.
 */
describeWithShared('analysis of every shared domain', 'every shared domain', () => {
  const folders = readdirSync(domainsDir)
    .filter((d) => statSync(join(domainsDir, d)).isDirectory())
    .sort();

  it('there are 176 folders', () => {
    expect(folders.length).toBe(176);
  });

  it('each is analysed or refused with located problems', () => {
    let analysed = 0;
    let refused = 0;
    const budgetMs = 400;
    for (const id of folders) {
      const r = loadGeniusFolder(join(domainsDir, id));
      if (!r.ok) {
        refused++;
        for (const p of r.problems) expect(formatProblem(p)).toMatch(/^[^:]+\.(xml|json):\d+(:\d+)?: /);
        continue;
      }
      const a = analyze(r.value, { budgetMs, now: () => performance.now() });
      analysed++;
      expect(a.parties.length).toBe(r.value.parties.length);
      for (const p of a.frontier) expect(p.utilities.length).toBe(r.value.parties.length);
      if (a.frontier.length > 0) expect(a.solutions.nash.length).toBeGreaterThan(0);
      if (!a.exact) expect(a.inexact?.length ?? 0, id).toBeGreaterThan(0);
    }
    expect(analysed + refused).toBe(176);
    // At the time of writing every folder loads; a refusal would need its own look.
    expect(analysed).toBe(176);
  });
});
