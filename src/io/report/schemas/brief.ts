import { z } from 'zod';
import { open } from './common.js';

const concessionsSchema = open({
  zoneExists: z.boolean(),
  blocking: z.array(z.unknown()),
  singles: z.array(z.unknown()),
  pairs: z.array(z.unknown()),
});

/** `concord brief --json`: the answers first, then the numbers each rests on. */
export const briefJsonSchema = z
  .object({
    scenario: z.string(),
    /** Lever levels set with `--set` (empty: the baseline). */
    levers: z.record(z.string(), z.string()),
    answers: z.array(
      z.object({
        id: z.string(),
        question: z.string(),
        answer: z.array(z.string()),
        evidence: z.array(z.string()),
        assumptions: z.array(z.string()),
      }),
    ),
    uncertainty: open({
      samples: z.number().int().positive(),
      seed: z.number(),
      pAgreementZone: z.number().min(0).max(1),
      stdError: z.number().nonnegative(),
      drafts: z.array(open({ name: z.string(), pAll: z.number().min(0).max(1) })),
    }),
    concessions: concessionsSchema.nullable(),
    draftConcessions: concessionsSchema.extend({ draft: z.string() }).nullable().optional(),
    drafts: z.array(open({ name: z.string(), pointCount: z.number().int() })),
    diff: open({ before: z.string(), after: z.string() }).nullable().optional(),
    lens: open({}).nullable().optional(),
    elapsedMs: z.number().nonnegative(),
    /** The day the model stands at (`--as-of`, or the scenario's `asOf`); null: every event. */
    asOf: z.string().nullable().optional(),
    /** Ids of the events whose effects were applied, in date order. */
    eventsApplied: z.array(z.string()).optional(),
  })
  .strict();
