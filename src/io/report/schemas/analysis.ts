import { z } from 'zod';
import { jsonPointSchema, open } from './common.js';

const solutionsSchema = z.object({
  nash: z.array(jsonPointSchema),
  kalaiSmorodinsky: z.array(jsonPointSchema),
  kalaiEgalitarian: z.array(jsonPointSchema),
  modifiedKalaiSmorodinsky: z.array(jsonPointSchema),
  modifiedKalaiEgalitarian: z.array(jsonPointSchema),
  maxWelfare: z.array(jsonPointSchema),
  maxRelativeWelfare: z.array(jsonPointSchema),
});

/**
 * `concord analyze --json`. For a scenario with a record, `evidence`, `assumptions`, `drafts`,
 * `events`, `levers` and `uncertainty` follow; `--evaluate` adds `evaluation`.
 */
export const analysisJsonSchema = z
  .object({
    scenario: z.string(),
    parties: z.array(
      z.object({
        name: z.string(),
        role: z.string(),
        /** null: no walk-away value (−∞). */
        reservationValue: z.number().nullable(),
        utility: z.string(),
        redLines: z.array(z.string()),
        worst: z.number(),
        best: z.number(),
      }),
    ),
    issues: z.array(z.object({ name: z.string(), kind: z.string(), values: z.number().int() })),
    /** A number when it is a safe integer, else a decimal string. */
    outcomeCount: z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]),
    method: z.string(),
    exact: z.boolean(),
    inexact: z.array(z.string()),
    notes: z.array(z.string()),
    frontier: z.array(jsonPointSchema),
    solutions: solutionsSchema,
    disagreement: z.array(z.number()),
    agreementZone: open({
      count: z.string().regex(/^\d+$/),
      share: z.number().min(0).max(1),
      exact: z.boolean(),
      method: z.string(),
    }).nullable(),
    issueZones: z
      .array(
        open({
          issue: z.string(),
          kind: z.string(),
          feasibleIndices: z.array(z.number().int()),
          feasible: z.array(z.unknown()),
          excluded: z.array(z.unknown()),
        }),
      )
      .nullable(),
    elapsedMs: z.number().nonnegative(),
    /** NegMAS's opposition level (distance to the ideal point); null when no outcome is rational. */
    opposition: z.number().nonnegative().nullable(),
    evaluation: open({}).optional(),
    evidence: z.array(open({ id: z.string(), kind: z.string() })).optional(),
    assumptions: z.array(open({ id: z.string(), parameter: z.string() })).optional(),
    drafts: z.array(open({ name: z.string(), pointCount: z.number().int() })).optional(),
    events: z.array(open({})).optional(),
    levers: z.unknown().optional(),
    uncertainty: open({
      samples: z.number().int(),
      seed: z.number(),
      pAgreementZone: z.number().min(0).max(1),
      stdError: z.number(),
    }).optional(),
  })
  .strict();
