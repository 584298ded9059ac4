import { z } from 'zod';

const sideSchema = z.object({
  /** Outcomes in the agreement zone, as a decimal string (it may exceed 2^53). */
  zoneOutcomes: z.string().regex(/^\d+$/),
  frontier: z.number().int().nonnegative(),
  nash: z.array(z.number()).nullable(),
  reservations: z.array(z.number().nullable()),
  drafts: z.array(
    z.object({ name: z.string(), acceptedByAll: z.boolean(), pAll: z.number().min(0).max(1).nullable() }),
  ),
  pAgreementZone: z.number().min(0).max(1).nullable(),
  stdError: z.number().nonnegative().nullable(),
});

/** `concord whatif --json`: the baseline and the changed scenario side by side (same seed). */
export const whatifJsonSchema = z
  .object({
    scenario: z.string(),
    set: z.array(z.string()),
    samples: z.number().int().positive(),
    seed: z.number(),
    baseline: sideSchema,
    whatIf: sideSchema,
    elapsedMs: z.number().nonnegative(),
  })
  .strict();
