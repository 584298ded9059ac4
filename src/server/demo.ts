/**
 * `concord serve --demo`: the flagship room with one account per role. Kept as it is when the data
 * folder already holds it, so a demo's edits survive restarts.
 */
import { hashPassword } from './auth.js';
import type { Db } from './db/open.js';
import * as repo from './repo.js';
import { partiesOf, splitScenario } from './scenario-parts.js';
import { fileFromSource } from './source.js';

export const DEMO_ROOM = 'ukraine-2025';
export const DEMO_PASSWORD = 'demo';

export interface DemoAccount {
  readonly email: string;
  readonly role: 'mediator' | 'party' | 'observer';
  readonly party?: string;
}

export async function setUpDemo(db: Db): Promise<{ created: boolean; accounts: DemoAccount[] }> {
  let created = false;
  if (!(await repo.roomExists(db, DEMO_ROOM))) {
    const r = fileFromSource({ builtin: DEMO_ROOM }, DEMO_ROOM);
    if (!r.ok) throw new Error(`the built-in ${DEMO_ROOM} does not read: ${r.errors[0]?.message}`);
    created = await repo.createRoom(db, {
      id: DEMO_ROOM,
      name: 'Ending the war in Ukraine (late 2025)',
      parts: splitScenario(r.file),
      userId: null,
      message: 'demo room from the built-in ukraine-2025',
    });
  }
  const state = await repo.roomState(db, DEMO_ROOM);
  const accounts: DemoAccount[] = [
    { email: 'mediator@demo.local', role: 'mediator' },
    ...partiesOf(state.parts.shared).map((p) => ({
      email: `${p.slug}@demo.local`,
      role: 'party' as const,
      party: p.slug,
    })),
    { email: 'observer@demo.local', role: 'observer' },
  ];
  // One hash for all: the demo password is public anyway, and scrypt per account costs time.
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const a of accounts) {
    const existing = await repo.userByEmail(db, a.email);
    const id = existing?.id ?? (await repo.createUser(db, a.email, hash));
    if (id === null || id === undefined) continue;
    if (created || !(await repo.membership(db, DEMO_ROOM, id)))
      await repo.addMember(db, DEMO_ROOM, id, a.role, a.party ?? null);
  }
  return { created, accounts };
}
