import { z } from 'zod';

/** An issue's value as written in JSON: a name (discrete) or a number. */
export const issueValueSchema = z.union([z.string(), z.number()]);

/** An outcome spelled out by issue name. */
export const namedOutcomeSchema = z.record(z.string(), issueValueSchema);

/** A point for machines: the outcome by issue name and every party's utility. */
export const jsonPointSchema = z.object({
  outcome: namedOutcomeSchema,
  utilities: z.array(z.number()),
  frontierIndex: z.number().int().optional(),
});

/** A mean with its 95% interval over `n` values. */
export const intervalSchema = z.object({
  mean: z.number(),
  low: z.number(),
  high: z.number(),
  n: z.number().int(),
});

/** An object whose listed keys are checked and whose other keys are allowed (nested detail). */
export const open = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);
