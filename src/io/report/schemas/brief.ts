import { z } from 'zod';
import { open } from './common.js';

const shareSchema = z.number().min(0).max(1);
const driverBinSchema = z.object({
  /** The assumption's values in this group of draws (a red line: [0, 0] not real, [1, 1] real). */
  range: z.tuple([z.number(), z.number()]),
  draws: z.number().int().nonnegative(),
  pAccept: z.record(z.string(), shareSchema),
  pAll: shareSchema,
  stdErrors: z.object({
    pAccept: z.record(z.string(), z.number().nonnegative()),
    pAll: z.number().nonnegative(),
  }),
});

/** One bar of a draft's acceptance tornado: the main run's draws split by one assumption. */
const acceptanceDriverSchema = z.object({
  assumption: z.string(),
  parameter: z.string(),
  /** `value`: a red line not real / real; `fifths`: the lowest / highest fifth of the distribution. */
  split: z.enum(['value', 'fifths']),
  low: driverBinSchema,
  high: driverBinSchema,
  /** Per party (and `*all`: every party accepts): high − low of P(accept), with its standard error. */
  effect: z.record(z.string(), z.object({ delta: z.number(), stdError: z.number().nonnegative() })),
});

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
      drafts: z.array(
        open({
          name: z.string(),
          pAll: z.number().min(0).max(1),
          /** The draft's acceptance tornado: what moves each party's P(accept) most. */
          drivers: z.array(acceptanceDriverSchema),
        }),
      ),
    }),
    concessions: concessionsSchema.nullable(),
    draftConcessions: concessionsSchema.extend({ draft: z.string() }).nullable().optional(),
    drafts: z.array(
      open({ name: z.string(), pointCount: z.number().int(), drivers: z.array(acceptanceDriverSchema) }),
    ),
    diff: open({ before: z.string(), after: z.string() }).nullable().optional(),
    lens: open({}).nullable().optional(),
    elapsedMs: z.number().nonnegative(),
    /** The day the model stands at (`--as-of`, or the scenario's `asOf`); null: every event. */
    asOf: z.string().nullable().optional(),
    /** Ids of the events whose effects were applied, in date order. */
    eventsApplied: z.array(z.string()).optional(),
  })
  .strict();
