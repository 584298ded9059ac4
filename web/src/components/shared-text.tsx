// The shared text every member reads: issues, drafts, public evidence and the timeline.
import type { DraftText, EventText, EvidenceText, SharedText } from '../api.js';
import { Section } from './ui.js';

const fmt = (v: string | number) => (typeof v === 'number' ? v.toLocaleString('en-US') : v);

export function EvidenceLinks({ ids }: { ids?: readonly string[] | undefined }) {
  if (!ids || ids.length === 0) return null;
  return (
    <span className="evidence-links">
      {' '}
      [
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 && ', '}
          <a href={`#ev-${id}`}>{id}</a>
        </span>
      ))}
      ]
    </span>
  );
}

export function Issues({ text }: { text: SharedText }) {
  return (
    <Section title="Issues" id="issues">
      <ul className="issues">
        {(text.issues ?? []).map((i) => (
          <li key={i.name}>
            <strong>{i.name}</strong>:{' '}
            {i.options ? i.options.join(' · ') : `${fmt(i.min ?? 0)} to ${fmt(i.max ?? 0)}`}
            {i.description && <div className="muted small">{i.description}</div>}
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function DraftView({ draft }: { draft: DraftText }) {
  return (
    <article className="draft" aria-label={draft.name}>
      <h3>
        {draft.name}
        {draft.pointCount ? <span className="muted small"> ({draft.pointCount} points in all)</span> : null}
      </h3>
      {draft.description && <p className="small">{draft.description}</p>}
      <ol className="points">
        {draft.points.map((p) => (
          <li key={`${p.number}-${p.title}`} value={p.number}>
            <strong>{p.title}</strong>
            {p.sets && Object.keys(p.sets).length > 0 && (
              <span className="sets">
                {' '}
                —{' '}
                {Object.entries(p.sets)
                  .map(([k, v]) => `${k}: ${fmt(v)}`)
                  .join('; ')}
              </span>
            )}
            <EvidenceLinks ids={p.evidence} />
          </li>
        ))}
      </ol>
    </article>
  );
}

export function Drafts({ text }: { text: SharedText }) {
  const drafts = text.drafts ?? [];
  return (
    <Section title="Drafts of the negotiating text" id="drafts">
      {drafts.length === 0 ? (
        <p className="muted">No drafts yet.</p>
      ) : (
        drafts.map((d) => <DraftView key={d.name} draft={d} />)
      )}
    </Section>
  );
}

export function Evidence({ items }: { items: readonly EvidenceText[] }) {
  return (
    <Section title="Public evidence" id="evidence">
      {items.length === 0 ? (
        <p className="muted">No evidence recorded.</p>
      ) : (
        <ul className="evidence">
          {items.map((e) => (
            <li key={e.id} id={`ev-${e.id}`} tabIndex={-1}>
              <code>{e.id}</code> {e.quote ? <q>{e.quote}</q> : (e.fact ?? e.text ?? '')}
              {e.speaker && <span className="muted"> — {e.speaker}</span>}
              {e.locator && <span className="muted small"> ({e.locator})</span>}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function Timeline({ events }: { events: readonly EventText[] }) {
  return (
    <Section title="Timeline" id="timeline">
      {events.length === 0 ? (
        <p className="muted">No events recorded.</p>
      ) : (
        <ol className="timeline">
          {events.map((e) => (
            <li key={e.id}>
              <time>{e.on ?? e.date ?? ''}</time> <strong>{e.title}</strong>
              {e.parties && <span className="muted small"> ({e.parties.join(', ')})</span>}
              <EvidenceLinks ids={e.evidence} />
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

/** Evidence items are public unless they only support the mediator's model. */
export const publicEvidence = (text: SharedText): EvidenceText[] => text.evidence ?? [];
