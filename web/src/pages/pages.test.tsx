// Privacy-aware rendering: the observer's page and the room header, rendered to HTML, hold no
// private control and no mediator tool; the mediator's header has them.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Room } from '../api.js';
import { AddRedLine } from '../components/red-line-form.js';
import { ObserverView } from './observer.js';
import { RoomHeader } from './room.js';

const room = (role: Room['role'], party: string | null = null): Room => ({
  id: 'r',
  name: 'Room',
  role,
  party,
  parties: [
    { slug: 'a', name: 'A', role: 'principal' },
    { slug: 'b', name: 'B', role: 'principal' },
  ],
  versions: {},
  text: {
    issues: [{ name: 'NATO', options: ['open', 'barred'] }],
    drafts: [{ name: 'plan', points: [{ number: 1, title: 'NATO barred', sets: { NATO: 'barred' } }] }],
    evidence: [{ id: 'f-1', fact: 'A fact.' }],
    events: [{ id: 'e-1', on: '2025-11-20', title: 'A meeting', evidence: ['f-1'] }],
  },
});

describe('rendering by role', () => {
  it('the observer page: shared text, evidence, timeline; no input, no private tool', () => {
    const html = renderToStaticMarkup(<ObserverView room={room('observer')} />);
    expect(html).toContain('NATO barred');
    expect(html).toContain('id="ev-f-1"');
    expect(html).toContain('A meeting');
    expect(html).not.toMatch(/<input|<textarea/);
    expect(html).not.toMatch(/Draft editor|Export HTML report|Check a package|preferences/i);
    expect(html).toContain('Export YAML (shared text)');
  });

  it("the mediator's header links the draft editor; a party's names its party and does not", () => {
    const m = renderToStaticMarkup(<RoomHeader room={room('mediator')} />);
    expect(m).toContain('Draft editor');
    expect(m).toContain('Export YAML<');
    const p = renderToStaticMarkup(<RoomHeader room={room('party', 'b')} />);
    expect(p).toContain('party: B');
    expect(p).not.toContain('Draft editor');
  });

  it('every role reaches the drafts: the mediator its editor, the others the read-only history', () => {
    for (const [role, text] of [
      ['mediator', 'Draft editor'],
      ['party', 'Drafts history'],
      ['observer', 'Drafts history'],
    ] as const) {
      const html = renderToStaticMarkup(<RoomHeader room={room(role, role === 'party' ? 'b' : null)} />);
      expect(html, role).toContain(`<a href="/rooms/r/drafts">${text}</a>`);
    }
  });

  it('the add-a-red-line form: labelled fields, one condition to start, options of the issue as boxes', () => {
    const html = renderToStaticMarkup(
      <AddRedLine issues={room('party', 'b').text.issues ?? []} party="b" taken={[]} onAdd={() => {}} />,
    );
    expect(html).toContain('<legend>Add a red line</legend>');
    expect(html).toContain('The red line in words');
    expect(html).toContain('placeholder="b-red-line"');
    expect(html).toContain('<legend>Condition 1</legend>');
    expect(html).toContain('must be one of');
    expect(html).toContain('must not be one of');
    expect(html).not.toContain('must be at least');
    expect(html.match(/type="checkbox"/g)?.length).toBe(2);
  });
});
