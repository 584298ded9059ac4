import { z } from 'zod';
import { END_REASONS, PROTOCOL_NAMES, SINGLE_TEXT_VARIANTS } from '../../../protocols/index.js';
import { namedOutcomeSchema } from './common.js';

const statSchema = z.object({ mean: z.number(), max: z.number() }).nullable();

/** `concord simulate --json` (agreements spelled out by issue name). */
export const simulationJsonSchema = z
  .object({
    scenario: z.string(),
    protocol: z.enum(PROTOCOL_NAMES),
    variant: z.enum(SINGLE_TEXT_VARIANTS).optional(),
    parties: z.array(z.string()),
    agents: z.array(z.string()),
    mediator: z.string().optional(),
    steps: z.number().int().positive().optional(),
    runs: z.number().int().nonnegative(),
    seed: z.number(),
    agreements: z.number().int().nonnegative(),
    agreementRate: z.number().min(0).max(1),
    meanRounds: z.number(),
    meanTime: z.number(),
    endedBy: z.partialRecord(z.enum(END_REASONS), z.number().int()),
    perParty: z.array(
      z.object({
        name: z.string(),
        agent: z.string(),
        reservation: z.number().nullable(),
        discount: z.number(),
        meanUtility: z.number().nullable(),
        meanDiscounted: z.number().nullable(),
      }),
    ),
    frontierDistance: statSchema,
    nashDistance: statSchema,
    nash: z.array(z.number()).nullable(),
    perRun: z.array(
      z.object({
        run: z.number().int(),
        seed: z.number(),
        agreement: namedOutcomeSchema.nullable(),
        endedBy: z.enum(END_REASONS),
        problem: z.string().optional(),
        utilities: z.array(z.number().nullable()),
        discounted: z.array(z.number().nullable()),
        rounds: z.number().int(),
        time: z.number(),
        frontierDistance: z.number().optional(),
        nashDistance: z.number().optional(),
      }),
    ),
    traces: z.array(z.object({ run: z.number().int(), events: z.array(z.unknown()) })).optional(),
    problems: z.array(z.string()).optional(),
    prepareMs: z.number().nonnegative(),
    elapsedMs: z.number().nonnegative(),
  })
  .strict();
