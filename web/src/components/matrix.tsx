// The party × issue matrix: each party's weight on each issue, its best option there, and the
// red lines that touch the issue, with their evidence. Mediator only (it shows everyone's numbers).
import type { SharedText } from '../api.js';
import { EvidenceLinks } from './shared-text.js';

export interface RedLineText {
  id: string;
  description?: string;
  evidence?: string[];
  [k: string]: unknown;
}
export interface PreferenceSet {
  reservation?: number;
  weights?: Record<string, number>;
  values?: Record<string, unknown>;
  redLines?: RedLineText[];
  [k: string]: unknown;
}

/** The issues a red line's condition names, wherever they nest. */
export function issuesOf(x: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(x)) for (const y of x) issuesOf(y, out);
  else if (x && typeof x === 'object')
    for (const [k, v] of Object.entries(x)) {
      if (k === 'issue' && typeof v === 'string') out.add(v);
      else issuesOf(v, out);
    }
  return out;
}

function best(values: unknown): string | undefined {
  if (!values || typeof values !== 'object' || Array.isArray(values)) return undefined;
  const entries = Object.entries(values).filter(([, v]) => typeof v === 'number') as [string, number][];
  if (entries.length === 0) return undefined;
  return entries.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

export function PartyIssueMatrix({
  text,
  prefs,
}: {
  text: SharedText;
  prefs: Record<string, PreferenceSet>;
}) {
  const issues = (text.issues ?? []).map((i) => i.name);
  const parties = Object.keys(prefs);
  return (
    <div className="scroll">
      <table className="matrix">
        <thead>
          <tr>
            <th scope="col">Issue</th>
            {parties.map((p) => (
              <th key={p} scope="col">
                {p}
                <div className="muted small">reservation {prefs[p]?.reservation ?? '—'}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {issues.map((issue) => (
            <tr key={issue}>
              <th scope="row">{issue}</th>
              {parties.map((p) => {
                const s = prefs[p] ?? {};
                const w = s.weights ?? {};
                const total = Object.values(w).reduce((a, b) => a + b, 0) || 1;
                const lines = (s.redLines ?? []).filter((r) => issuesOf(r).has(issue));
                const top = best(s.values?.[issue]);
                return (
                  <td key={p}>
                    {w[issue] !== undefined ? `${Math.round((100 * (w[issue] as number)) / total)}%` : '—'}
                    {top && <div className="small">best: {top}</div>}
                    {lines.map((r) => (
                      <div key={r.id} className="small redline" title={r.description}>
                        red line <code>{r.id}</code>
                        <EvidenceLinks ids={r.evidence} />
                      </div>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
