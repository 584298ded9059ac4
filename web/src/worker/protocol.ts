// Messages between the page and the analysis worker.
import type { DraftText } from '../api.js';

export type WorkerRequest =
  | {
      id: number;
      kind: 'zone';
      yaml: string;
      samples: number;
      seed: number;
      levers: Record<string, string>;
      pins: Record<string, number>;
      /** Assumption id → [low, high]: drawn from there instead (see logic/ranges.ts). */
      ranges?: Record<string, [number, number]>;
    }
  | { id: number; kind: 'plane'; yaml: string; seed: number; width: number }
  | { id: number; kind: 'evaluate'; yaml: string; drafts: DraftText[] }
  | { id: number; kind: 'report'; yaml: string; samples: number; seed: number };

export interface PartyAcceptance {
  party: string;
  accepts: boolean;
  utility: number;
  redLinesCrossed: string[];
}

export interface Evaluation {
  draft: string;
  acceptedByAll: boolean;
  parties: PartyAcceptance[];
}

export type WorkerReply =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'zone'; pAgreementZone: number; stdError: number; samples: number; ms: number }
  | { id: number; type: 'plane'; svg: string }
  | { id: number; type: 'evaluate'; evaluations: Evaluation[] }
  | { id: number; type: 'report'; html: string }
  | { id: number; type: 'error'; message: string };
