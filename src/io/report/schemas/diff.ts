import { z } from 'zod';
import { issueValueSchema, open } from './common.js';

const partySideSchema = z.object({
  utility: z.number().nullable(),
  accepts: z.boolean(),
  pAccept: z.number().min(0).max(1).nullable(),
});

/** `concord diff --json`: points and issues that changed, and who gained. */
export const diffJsonSchema = z
  .object({
    scenario: z.string(),
    diff: z.object({
      before: z.string(),
      after: z.string(),
      pointCount: z.object({ before: z.number().int(), after: z.number().int() }),
      points: z.array(open({ change: z.string() })),
      issues: z.array(
        open({
          issue: z.string(),
          before: issueValueSchema.optional(),
          after: issueValueSchema.optional(),
          change: z.string(),
        }),
      ),
    }),
    /** Points the source details, and points modelled by us, in each draft. */
    knowledge: z.object({
      before: open({ known: z.number().int() }),
      after: open({ known: z.number().int() }),
    }),
    /** How each draft's open issues were filled in (the rule, the values, the red lines crossed). */
    completions: z.object({ before: open({ rule: z.string() }), after: open({ rule: z.string() }) }),
    parties: z.array(z.object({ party: z.string(), before: partySideSchema, after: partySideSchema })),
    /** Per party: change in utility and in acceptance, with its standard error and the verdict. */
    shifts: z.array(
      open({
        party: z.string(),
        dUtility: z.number(),
        dAccept: z.number(),
        stdError: z.number(),
        verdict: z.string(),
      }),
    ),
    pAll: z.object({ before: z.number().nullable(), after: z.number().nullable() }),
    gained: z.array(z.string()),
    lost: z.array(z.string()),
    /** Parties whose utility and acceptance move in opposite directions. */
    mixed: z.array(z.string()),
    samples: z.number().int().positive(),
    seed: z.number(),
    elapsedMs: z.number().nonnegative(),
  })
  .strict();
