// Privacy-aware rendering: the observer's page and the room header, rendered to HTML, hold no
// private control and no mediator tool; the mediator's header has them.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Room } from '../api.js';
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
});
