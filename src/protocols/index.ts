// Protocols: mechanisms as deterministic step functions, negotiator views, traces, runs.
export { alternatingOffers, multilateralAlternatingOffers } from './alternating.js';
export { compromise, Neighbourhood, outcomeDistance } from './mediator.js';
export {
  disagreementValue,
  MEDIATOR_STREAM,
  NEGOTIATE_DEFAULTS,
  type NegotiateOptions,
  type NegotiationResult,
  negotiate,
} from './negotiate.js';
export { frozenOutcome, OutcomeCache } from './outcome-cache.js';
export {
  OWN_PREFERENCES_DEFAULTS,
  type OwnPreferences,
  type OwnPreferencesOptions,
  ownPreferences,
} from './own-preferences.js';
export { PROTOCOLS, protocolByName } from './protocols.js';
export {
  outcomeProblem,
  type Protocol,
  type Session,
  SessionClock,
  type SessionEnd,
  type SessionInput,
} from './session.js';
export { shuttle } from './shuttle.js';
export { singleText } from './single-text.js';
export { LazyRng, streamSeed } from './streams.js';
export {
  defaultSeats,
  type MediatorSeat,
  type NegotiationTable,
  prepareTable,
  type TableOptions,
} from './table.js';
export {
  Channel,
  ChannelLog,
  EVENT_KINDS,
  EVERYONE,
  type EventKind,
  MEDIATOR,
  TraceBuffer,
  type TraceEvent,
  traceEvents,
} from './trace.js';
export { traceLines } from './trace-jsonl.js';
export {
  type Deadline,
  END_REASONS,
  type EndReason,
  type Negotiator,
  type NegotiatorFactory,
  type NegotiatorInit,
  type NegotiatorView,
  type OfferLog,
  PROTOCOL_NAMES,
  type ProtocolName,
  type Response,
  SINGLE_TEXT_VARIANTS,
  type SingleTextVariant,
} from './types.js';
