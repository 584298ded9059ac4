// What each role sees and may touch, in one place: the pages consult this instead of testing
// roles here and there, and the component tests check it. It mirrors docs/privacy.md: the server
// enforces the rules; the client only never asks for, or offers, what a role may not have.
import type { Role } from '../api.js';

export interface Capabilities {
  /** Lever and assumption controls, computed in the browser on the whole scenario. */
  readonly whatIf: boolean;
  /** The brief's full answers with numbers (P(zone), gaps, concessions, certainty). */
  readonly fullAnswers: boolean;
  /** Party × issue matrix and the utility plane: other parties' numbers. */
  readonly model: boolean;
  readonly draftEditor: boolean;
  /** Own preferences: weights, ratings, reservation, red lines. */
  readonly ownPreferences: boolean;
  readonly packageCheck: boolean;
  readonly blindOffers: boolean;
  /** Export YAML: the whole file (mediator) or the shared text. */
  readonly exportComplete: boolean;
  readonly htmlReport: boolean;
  readonly invite: boolean;
}

export function capabilities(role: Role): Capabilities {
  const mediator = role === 'mediator';
  const party = role === 'party';
  return {
    whatIf: mediator,
    fullAnswers: mediator,
    model: mediator,
    draftEditor: mediator,
    ownPreferences: party,
    packageCheck: party,
    blindOffers: party,
    exportComplete: mediator,
    htmlReport: mediator,
    invite: mediator,
  };
}

/** The brief as a party or observer receives it (see views.ts on the server). */
export interface RestrictedBrief {
  readonly zoneExists?: boolean;
  readonly myBindingRedLines?: readonly string[];
  readonly drafts?: readonly {
    readonly draft: string;
    readonly acceptableToAll?: boolean;
    readonly acceptableToMe?: boolean;
    readonly myRedLinesCrossed?: readonly string[];
  }[];
}

export interface Line {
  readonly label: string;
  readonly value: string;
}

const yesNo = (b: boolean | undefined) => (b === undefined ? 'not known' : b ? 'yes' : 'no');

/** The yes/no answers a party or an observer may read, as lines. */
export function restrictedLines(b: RestrictedBrief, role: Role): Line[] {
  const lines: Line[] = [{ label: 'Is there an agreement zone?', value: yesNo(b.zoneExists) }];
  if (role === 'party')
    lines.push({
      label: 'My red lines that close the zone',
      value: b.myBindingRedLines && b.myBindingRedLines.length > 0 ? b.myBindingRedLines.join(', ') : 'none',
    });
  for (const d of b.drafts ?? []) {
    lines.push({ label: `${d.draft}: acceptable to all parties?`, value: yesNo(d.acceptableToAll) });
    if (role === 'party') {
      lines.push({ label: `${d.draft}: acceptable to me?`, value: yesNo(d.acceptableToMe) });
      if (d.myRedLinesCrossed && d.myRedLinesCrossed.length > 0)
        lines.push({ label: `${d.draft}: my red lines it crosses`, value: d.myRedLinesCrossed.join(', ') });
    }
  }
  return lines;
}

export const pct = (p: number, digits = 1): string => `${(p * 100).toFixed(digits)}%`;
