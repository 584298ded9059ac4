import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { checkEvidence, type NegotiationRecord } from '../src/index.js';

const fixture = join(import.meta.dirname, 'fixtures', 'evidence');
const run = async (...argv: string[]) => {
  const io = memoryIo();
  const code = await runCli(argv, io);
  return { code, ...io };
};

const record = (evidence: NegotiationRecord['evidence']): NegotiationRecord => ({
  sources: [{ id: 's', title: 't' }],
  evidence,
  assumptions: [],
  drafts: [],
  events: [],
  levers: [],
});
const text = 'Headline.\n\n“Much remains to be done,” she said.\n\nTroops number about 880,000 now.\n';

describe('checkEvidence', () => {
  it('accepts a quote with straight instead of curly quote marks and other whitespace', () => {
    const r = checkEvidence(
      record([
        {
          id: 'q',
          kind: 'quote',
          source: 's',
          locator: 'paragraph 2',
          quote: 'Much  remains\nto be done,',
          speaker: 'x',
          supports: [],
        },
      ]),
      { s: text.replace('remains to', 'remains to') },
    );
    expect(r.problems).toEqual([]);
    expect(r.verified).toEqual(['q']);
  });

  it('finds a quote or figure in another paragraph than its locator says', () => {
    const r = checkEvidence(
      record([
        {
          id: 'q',
          kind: 'quote',
          source: 's',
          locator: 'paragraph 3',
          quote: 'Much remains to be done',
          speaker: 'x',
          supports: [],
        },
        {
          id: 'f',
          kind: 'fact',
          source: 's',
          locator: 'paragraph 2',
          fact: 'The army is large.',
          figures: ['880,000'],
          supports: [],
        },
      ]),
      { s: text },
    );
    expect(r.problems.map((p) => [p.code, p.message])).toEqual([
      ['quote-elsewhere', 'quote is in paragraph 2, not in paragraph 3'],
      ['figure-elsewhere', 'figure "880,000" is printed in paragraph 3, not in paragraph 2'],
    ]);
  });

  it('leaves evidence unchecked, with one warning, when the source text is missing', () => {
    const r = checkEvidence(
      record([{ id: 'f', kind: 'fact', source: 's', locator: 'paragraph 2', fact: 'x', supports: [] }]),
      {},
    );
    expect(r.unchecked).toEqual(['f']);
    expect(r.problems.map((p) => [p.code, p.warning])).toEqual([['source-missing', true]]);
  });
});

describe('concord check on a user’s scenario with evidence', () => {
  it('reports a misquote, a figure not in the source, a copied sentence and a bad locator, each at file:line:column, exit 1', async () => {
    const r = await run('check', join(fixture, 'harbour.yaml'));
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /harbour\.yaml:20:12: evidence q-closer: quote "We are much closer than we were," is not verbatim in the source \(closest: paragraph 3\)/,
      ),
      expect.stringMatching(
        /harbour\.yaml:27:28: evidence f-offer: figure "7 percent" is not printed in the source/,
      ),
      expect.stringMatching(/harbour\.yaml:33:11: evidence f-automation: fact copies the source/),
      expect.stringMatching(
        /harbour\.yaml:38:14: evidence f-round: locator "paragraph 9": the source has 5 paragraphs/,
      ),
      'test/fixtures/evidence/harbour.yaml: 4 evidence problems'.replace(
        'test/fixtures/evidence/harbour.yaml',
        join(fixture, 'harbour.yaml'),
      ),
    ]);
  });

  it('passes once the evidence is fixed, and says how much was checked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-evidence-'));
    copyFileSync(join(fixture, 'harbour-note.txt'), join(dir, 'harbour-note.txt'));
    const fixed = readFileSync(join(fixture, 'harbour.yaml'), 'utf8')
      .replace('We are much closer', 'We are closer')
      .replace("against the union's 7 percent", "against the union's 6 percent")
      .replace("'7 percent'", "'6 percent'")
      .replace(
        'Both sides said the question of automation at the new terminal remains open.',
        'Automation at the new terminal is still unsettled, according to both sides.',
      )
      .replace('paragraph 9', 'paragraph 2');
    writeFileSync(join(dir, 'harbour.yaml'), fixed);
    const r = await run('check', join(dir, 'harbour.yaml'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/evidence: 4 checked against the source$/m);
  });

  it('warns, and does not fail, when the source file is not there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-evidence-'));
    writeFileSync(join(dir, 'harbour.yaml'), readFileSync(join(fixture, 'harbour.yaml'), 'utf8'));
    const r = await run('check', join(dir, 'harbour.yaml'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/warning: evidence q-closer: the text of source "note" is not available/);
    expect(r.stdout).toMatch(
      /evidence: 0 checked against the source, 4 not checked \(source text not found\)/,
    );
  });
});
