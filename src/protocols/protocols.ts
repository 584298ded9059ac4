import { alternatingOffers, multilateralAlternatingOffers } from './alternating.js';
import type { Protocol } from './session.js';
import { shuttle } from './shuttle.js';
import { singleText } from './single-text.js';
import type { ProtocolName } from './types.js';

/** Every protocol Concord implements, by name. */
export const PROTOCOLS: Readonly<Record<ProtocolName, Protocol>> = Object.freeze({
  ao: alternatingOffers,
  mao: multilateralAlternatingOffers,
  'single-text': singleText,
  shuttle,
});

/** The protocol of a name, or undefined. */
export function protocolByName(name: string): Protocol | undefined {
  return Object.hasOwn(PROTOCOLS, name) ? PROTOCOLS[name as ProtocolName] : undefined;
}
