import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildBrief,
  checkEvidence,
  composeAnswers,
  diffDrafts,
  evaluateDraft,
  instantiate,
  monteCarlo,
  type NegotiationRecord,
} from '../src/index.js';
import { builtInScenarios, checkScenarioEvidence, findSourceFiles, loadScenario } from '../src/node.js';

/**
 * The second built-in case, us-rail-2022 (a labour contract, not a war): its source is Concord's
 * own note in the scenario folder, so everything here runs without ../shared. It shows that
 * check, brief and diff work beyond the flagship and say things the record supports.
 */
const loaded = loadScenario('us-rail-2022');
if (!loaded.ok)
  throw new Error(`us-rail-2022 does not load: ${loaded.problems.map((p) => p.message).join('; ')}`);
const scenario = loaded.value;
const record = scenario.record as NegotiationRecord;
const brief = buildBrief(scenario, { samples: 2000, whatIfSamples: 400, seed: 11 });

describe('us-rail-2022: the record', () => {
  it('is a built-in scenario of another kind: principals, one mediator, a stakeholder', () => {
    expect(builtInScenarios()).toContain('us-rail-2022');
    const roles = scenario.parties.map((p) => p.role);
    expect(roles.filter((r) => r === 'mediator')).toHaveLength(1);
    expect(roles.filter((r) => r === 'principal')).toHaveLength(2);
    expect(roles).toContain('stakeholder');
    expect(record.drafts.length).toBeGreaterThanOrEqual(2);
    expect(record.events.length).toBeGreaterThanOrEqual(3);
    expect(record.levers.length).toBeGreaterThanOrEqual(1);
  });

  it('its source note is in the folder and says it is our own summary', () => {
    const file = findSourceFiles(scenario).note;
    expect(file).toBeDefined();
    const text = readFileSync(file as string, 'utf8');
    expect(text).toContain("This note is Concord's own summary, in our own words");
  });

  it('every piece of evidence is checked against the note and passes (concord check)', () => {
    const check = checkScenarioEvidence(scenario);
    expect(check.located.map((p) => p.message)).toEqual([]);
    expect(check.unchecked).toEqual([]);
    expect(check.verified).toEqual(record.evidence.map((e) => e.id));
    expect(record.evidence.some((e) => e.kind === 'quote')).toBe(true);
  });

  it('the check would catch a misquote, a figure not in the note and a copied sentence here', () => {
    const text = readFileSync(findSourceFiles(scenario).note as string, 'utf8');
    const broken: NegotiationRecord = {
      ...record,
      evidence: record.evidence.map((e) => {
        if (e.id === 'q-sanders-zero' && e.kind === 'quote')
          return { ...e, quote: 'a grand total of no sick days' };
        if (e.id === 'f-peb-pay' && e.kind === 'fact') return { ...e, figures: ['25%'] };
        if (e.id === 'f-senate' && e.kind === 'fact')
          return {
            ...e,
            fact: 'the Senate imposed the agreement by 80 votes to 15; the sick-leave measure won 52 votes',
          };
        return e;
      }),
    };
    const codes = checkEvidence(broken, { note: text }).problems.map((p) => [p.evidence, p.code]);
    expect(codes).toEqual([
      ['q-sanders-zero', 'misquote'],
      ['f-peb-pay', 'figure-not-in-source'],
      ['f-senate', 'copied-sentence'],
    ]);
  });

  it('every number a party or assumption uses that the note does not print is an assumption with a rationale', () => {
    for (const a of record.assumptions) {
      expect(a.rationale.length).toBeGreaterThan(20);
      expect(['uniform', 'triangular', 'bernoulli']).toContain(a.distribution.kind);
    }
    // Every red line's reality and every principal's walk-away value is drawn.
    const params = new Set(record.assumptions.map((a) => a.parameter));
    for (const p of scenario.parties) {
      expect(params.has(`${p.name}.reservation`)).toBe(true);
      for (const r of p.redLines) expect(params.has(`${p.name}.redLines.${r.id}.active`)).toBe(true);
    }
  });
});

describe('us-rail-2022: the brief', () => {
  it('P(agreement zone) is strictly between 0 and 1, with its standard error', () => {
    const p = brief.monteCarlo.pAgreementZone;
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    expect(brief.monteCarlo.samples).toBe(2000);
  });

  it('evaluates every draft, each party with a probability of accepting', () => {
    expect(brief.drafts.map((d) => d.name)).toEqual(record.drafts.map((d) => d.name));
    for (const d of brief.drafts) {
      for (const p of scenario.parties) {
        const pa = d.pAccept[p.name] as number;
        expect(pa).toBeGreaterThanOrEqual(0);
        expect(pa).toBeLessThanOrEqual(1);
      }
      expect(d.pAll).toBeLessThanOrEqual(Math.min(...Object.values(d.pAccept)));
    }
  });

  it('reads the record: the tentative agreement is the unions’ hard sell, the sick-leave bill the railroads’', () => {
    const ta = brief.drafts.find((d) => d.name === 'September tentative agreement');
    const house = brief.drafts.find((d) => d.name === 'House sick-leave bill');
    // Four unions covering most workers rejected the agreement; the railroads had accepted it.
    expect(ta?.pAccept['Rail unions']).toBeLessThan(0.5);
    expect(ta?.pAccept['Freight railroads']).toBeGreaterThan(0.9);
    // Adding sick leave raises the unions' acceptance and lowers the railroads'.
    expect(house?.pAccept['Rail unions']).toBeGreaterThan(ta?.pAccept['Rail unions'] as number);
    expect(house?.pAccept['Freight railroads']).toBeLessThan(ta?.pAccept['Freight railroads'] as number);
  });

  it('names its own levers and its own source, not the flagship’s', () => {
    const answers = composeAnswers(scenario, brief);
    const text = JSON.stringify(answers);
    expect(text).toContain('congress imposing terms');
    expect(text).not.toMatch(/sanctions|military aid|battlefield|article/);
    expect(text).toContain('Freight railroads’ ');
    expect(text).not.toContain('railroads’s');
  });

  it('is deterministic for a seed and moves with another seed', () => {
    const again = buildBrief(scenario, { samples: 2000, whatIfSamples: 400, seed: 11 });
    expect(again.monteCarlo).toEqual(brief.monteCarlo);
    expect(again.drafts).toEqual(brief.drafts);
    const other = monteCarlo(scenario, { samples: 2000, seed: 12, nashEvery: 0 });
    expect(other.pAgreementZone).not.toBe(brief.monteCarlo.pAgreementZone);
  });
});

describe('us-rail-2022: diff', () => {
  const [, ta, house] = record.drafts;
  if (!ta || !house) throw new Error('us-rail-2022 needs its three drafts');

  it('the sick-leave bill changes one point of the tentative agreement: paid sick days', () => {
    const d = diffDrafts(ta, house);
    expect(d.points.map((p) => p.change)).toEqual(['same', 'changed', 'same']);
    expect(d.issues.filter((i) => i.change === 'changed')).toEqual([
      { issue: 'paid sick days', before: 1, after: 8, change: 'changed' },
    ]);
  });

  it('at the central assumptions the unions gain and the railroads lose from it', () => {
    const point = Object.fromEntries(record.assumptions.map((a) => [a.id, a.value]));
    const central = instantiate(scenario, point);
    const u = (draft: typeof ta, party: string) =>
      evaluateDraft(central, draft).parties[scenario.parties.findIndex((p) => p.name === party)]
        ?.utility as number;
    expect(u(house, 'Rail unions')).toBeGreaterThan(u(ta, 'Rail unions'));
    expect(u(house, 'Freight railroads')).toBeLessThan(u(ta, 'Freight railroads'));
  });
});
