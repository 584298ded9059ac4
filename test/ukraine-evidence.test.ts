import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenarioEvidence, loadScenario } from '../src/node.js';
import { describeWithShared, seedDir } from './support/shared.js';

/**
 * The flagship scenario's evidence must stand in its source: every quote verbatim, every fact's
 * figures as printed, every locator pointing at the paragraph that holds it. Facts must be our
 * own words: no 8-word run of a fact may be copied from the article.
 */
const loaded = loadScenario('ukraine-2025');
if (!loaded.ok) throw new Error('ukraine-2025 does not load');
const scenario = loaded.value;
const record = scenario.record!;

const paragraphs = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

describeWithShared(
  'evidence against the seed article',
  'ukraine-2025 evidence',
  () => {
    const source = record.sources.find((s) => s.id === 'article')!;
    const text = readFileSync(join(seedDir, source.file!.replace(/^shared\/seed\//, '')), 'utf8');
    const paras = paragraphs(text);

    it('the source title is the article headline', () => {
      expect(paras[0]).toBe(source.title);
    });

    it('every quote is verbatim, every figure printed, every locator a paragraph, every fact in our words (concord check)', () => {
      const check = checkScenarioEvidence(scenario);
      expect(check.located.map((p) => p.message)).toEqual([]);
      expect(check.verified).toEqual(record.evidence.map((e) => e.id));
    });

    it('every figure the issue cites is recorded as a fact', () => {
      const figures = record.evidence.flatMap((e) => (e.kind === 'fact' ? (e.figures ?? []) : []));
      for (const f of ['600,000', '800,000', '880,000', '209,000', '28-point', '19-point'])
        expect(figures).toContain(f);
    });

    it('every statement the article quotes is a quote entry', () => {
      // Straight or curly double quotes, or single curly quotes in headlines.
      const quoted = [...text.matchAll(/“([^”]+)”|‘([^’]+)’/g)].map((m) => (m[1] ?? m[2]) as string);
      const quotes = record.evidence.flatMap((e) => (e.kind === 'quote' ? [e.quote] : []));
      for (const q of quoted)
        expect(
          quotes.some((x) => x.includes(q) || q.includes(x)),
          q,
        ).toBe(true);
    });
  },
  ['seed'],
);

describe('ukraine-2025 record', () => {
  it('every event and draft cites evidence that exists', () => {
    const ids = new Set(record.evidence.map((e) => e.id));
    for (const ev of record.events) for (const id of ev.evidence) expect(ids.has(id)).toBe(true);
    for (const d of record.drafts) for (const id of d.evidence) expect(ids.has(id)).toBe(true);
    expect(record.events.map((e) => e.id)).toEqual(
      expect.arrayContaining(['e-geneva', 'e-florida', 'e-moscow', 'e-yermak-resigns']),
    );
  });
  it('has the two drafts, the 19-point one revising the 28-point one', () => {
    expect(record.drafts.map((d) => [d.name, d.pointCount])).toEqual([
      ['28-point plan', 28],
      ['19-point plan', 19],
    ]);
    expect(record.drafts[1]?.revises).toBe('28-point plan');
  });
  it('every assumption has a rationale and a range', () => {
    for (const a of record.assumptions) {
      expect(a.rationale.length).toBeGreaterThan(10);
      expect(['uniform', 'triangular', 'bernoulli', 'fixed']).toContain(a.distribution.kind);
    }
  });
});
