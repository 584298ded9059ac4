import { z } from 'zod';
import { intervalSchema } from './common.js';

/** `concord tournament --json`: what ran, where the files are, and the ranking. */
export const tournamentJsonSchema = z
  .object({
    runs: z.number().int().nonnegative(),
    finished: z.number().int().nonnegative(),
    ran: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
    complete: z.boolean(),
    files: z.object({ results: z.string(), csv: z.string(), ranking: z.string(), settings: z.string() }),
    ranking: z.looseObject({
      score: z.string(),
      runs: z.number().int().nonnegative(),
      standings: z.array(
        z.looseObject({
          rank: z.number().int().positive(),
          strategy: z.string(),
          seats: z.number().int(),
          utility: intervalSchema,
          discounted: intervalSchema,
          agreementRate: intervalSchema,
          rounds: intervalSchema,
        }),
      ),
    }),
  })
  .strict();
