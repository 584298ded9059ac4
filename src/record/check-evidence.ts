import type { Evidence, NegotiationRecord } from './types.js';

/** One way a piece of evidence does not stand in its source. */
export interface EvidenceProblem {
  readonly code:
    | 'misquote'
    | 'quote-elsewhere'
    | 'figure-not-in-source'
    | 'figure-elsewhere'
    | 'bad-locator'
    | 'copied-sentence'
    | 'source-missing';
  /** Where in the scenario file: `['evidence', index, field]`. */
  readonly path: readonly (string | number)[];
  readonly evidence: string;
  readonly message: string;
  /** True for findings that do not make the evidence wrong (e.g. a source text not available). */
  readonly warning?: boolean;
}

export interface EvidenceCheckOptions {
  /** A fact copies its source when it shares a run of this many words with it; default 8. */
  readonly copiedRun?: number;
}

export const EVIDENCE_CHECK_DEFAULTS = { copiedRun: 8 } as const;

/** What was checked, per evidence id: `true` when it stands in its source text. */
export interface EvidenceCheck {
  readonly problems: readonly EvidenceProblem[];
  /** Evidence ids whose source text was available and that passed every check. */
  readonly verified: readonly string[];
  /** Evidence ids not checked (no source text). */
  readonly unchecked: readonly string[];
}

/**
 * The source's paragraphs: its non-empty lines, the first (the headline) being paragraph 1.
 * Locators say `paragraph N`.
 */
export function paragraphs(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l.trim() !== '');
}

/** Text compared modulo whitespace and the kind of quote marks and dashes (curly or straight). */
export function normalizeQuoted(s: string): string {
  return s
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of a text, lower-cased, punctuation dropped: for copied-run detection. */
function words(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** The paragraph number a locator names (`paragraph 9`, `para. 9`, `¶ 9`), if any. */
export function locatorParagraph(locator: string): number | undefined {
  const m = /(?:paragraph|para\.?|¶)\s*(\d+)/i.exec(locator);
  return m ? Number(m[1]) : undefined;
}

/**
 * Checks every piece of evidence against the text of its source: a quote must stand verbatim
 * (modulo whitespace and quote marks) in the paragraph its locator names; each figure of a fact
 * must be printed there; the locator must name an existing paragraph; and a fact must be in our
 * own words (no run of `copiedRun` words copied from the source). `texts` maps a source id to
 * its text; evidence whose source has no text is listed as unchecked, with a warning. Pure.
 *
 * @example
 * checkEvidence(record, { article: text }).problems; // [{ code: 'misquote', evidence: 'q-1', ... }]
 */
export function checkEvidence(
  record: NegotiationRecord,
  texts: Readonly<Record<string, string | undefined>>,
  options: EvidenceCheckOptions = {},
): EvidenceCheck {
  const run = options.copiedRun ?? EVIDENCE_CHECK_DEFAULTS.copiedRun;
  const problems: EvidenceProblem[] = [];
  const verified: string[] = [];
  const unchecked: string[] = [];
  const prepared = new Map<string, { paras: string[]; norm: string[]; all: string; words: string }>();
  const missing = new Set<string>();
  record.evidence.forEach((e: Evidence, index) => {
    const text = texts[e.source];
    if (text === undefined) {
      unchecked.push(e.id);
      if (!missing.has(e.source)) {
        missing.add(e.source);
        problems.push({
          code: 'source-missing',
          path: ['evidence', index, 'source'],
          evidence: e.id,
          message: `the text of source "${e.source}" is not available: its evidence is not checked`,
          warning: true,
        });
      }
      return;
    }
    let src = prepared.get(e.source);
    if (!src) {
      const paras = paragraphs(text);
      const norm = paras.map(normalizeQuoted);
      src = { paras, norm, all: norm.join(' '), words: ` ${words(text).join(' ')} ` };
      prepared.set(e.source, src);
    }
    const before = problems.length;
    const at = (field: string) => ['evidence', index, field];
    const n = locatorParagraph(e.locator);
    const para = n !== undefined ? src.norm[n - 1] : undefined;
    if (n === undefined || para === undefined) {
      problems.push({
        code: 'bad-locator',
        path: at('locator'),
        evidence: e.id,
        message:
          n === undefined
            ? `locator "${e.locator}" names no paragraph ("paragraph N")`
            : `locator "${e.locator}": the source has ${src.paras.length} paragraphs`,
      });
    }
    const where = (needle: string): number => src.norm.findIndex((p) => p.includes(needle)) + 1;
    if (e.kind === 'quote') {
      const q = normalizeQuoted(e.quote);
      if (para === undefined || !para.includes(q)) {
        const elsewhere = where(q);
        if (elsewhere > 0 && para !== undefined)
          problems.push({
            code: 'quote-elsewhere',
            path: at('locator'),
            evidence: e.id,
            message: `quote is in paragraph ${elsewhere}, not in ${e.locator}`,
          });
        else if (elsewhere === 0)
          problems.push({
            code: 'misquote',
            path: at('quote'),
            evidence: e.id,
            message: `quote "${e.quote}" is not verbatim in the source${closest(q, src.norm)}`,
          });
      }
    } else {
      (e.figures ?? []).forEach((f, k) => {
        const fig = normalizeQuoted(f);
        if (para?.includes(fig)) return;
        const elsewhere = where(fig);
        if (elsewhere > 0 && para !== undefined)
          problems.push({
            code: 'figure-elsewhere',
            path: ['evidence', index, 'figures', k],
            evidence: e.id,
            message: `figure "${f}" is printed in paragraph ${elsewhere}, not in ${e.locator}`,
          });
        else if (elsewhere === 0)
          problems.push({
            code: 'figure-not-in-source',
            path: ['evidence', index, 'figures', k],
            evidence: e.id,
            message: `figure "${f}" is not printed in the source`,
          });
      });
      const w = words(e.fact);
      for (let i = 0; i + run <= w.length; i++) {
        const piece = w.slice(i, i + run).join(' ');
        if (src.words.includes(` ${piece} `)) {
          problems.push({
            code: 'copied-sentence',
            path: at('fact'),
            evidence: e.id,
            message: `fact copies the source ("${piece}"): facts are in our own words, quotes are quotes`,
          });
          break;
        }
      }
    }
    if (problems.length === before) verified.push(e.id);
  });
  return { problems, verified, unchecked };
}

/** ", closest: paragraph N" when some paragraph shares most of the quote's words. */
function closest(q: string, paras: readonly string[]): string {
  const want = new Set(words(q));
  if (want.size === 0) return '';
  let best = 0;
  let at = -1;
  paras.forEach((p, i) => {
    const have = new Set(words(p));
    let n = 0;
    for (const x of want) if (have.has(x)) n++;
    if (n > best) {
      best = n;
      at = i;
    }
  });
  return best / want.size >= 0.6 ? ` (closest: paragraph ${at + 1})` : '';
}
