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
    parties: z.array(z.object({ party: z.string(), before: partySideSchema, after: partySideSchema })),
    pAll: z.object({ before: z.number().nullable(), after: z.number().nullable() }),
    gained: z.array(z.string()),
    lost: z.array(z.string()),
    samples: z.number().int().positive(),
    seed: z.number(),
    elapsedMs: z.number().nonnegative(),
  })
  .strict();
