import { z } from 'zod';
import { fail, ok, type Problem, type Result } from '../core/errors.js';
import { PROTOCOL_NAMES, SINGLE_TEXT_VARIANTS } from '../protocols/index.js';
import type { TournamentPlan } from './plan.js';

/**
 * What a tournament was asked to run, as saved in its folder (`tournament.json`), so that
 * `--resume` needs nothing but the folder. Scenario references are kept as given (relative paths
 * resolve from where the tournament is run).
 */
export const tournamentSettingsSchema = z.strictObject({
  format: z.literal('concord-tournament/1'),
  strategies: z.array(z.string()).min(1),
  scenarios: z
    .array(
      z.union([
        z.string(),
        z.strictObject({
          ref: z.string(),
          seats: z.int().positive().optional(),
          parties: z.array(z.string()).optional(),
        }),
      ]),
    )
    .min(1),
  permutations: z.enum(['all', 'none']),
  selfPlay: z.boolean(),
  repetitions: z.int().positive(),
  protocol: z.enum(PROTOCOL_NAMES),
  variant: z.enum(SINGLE_TEXT_VARIANTS).optional(),
  steps: z.int().positive(),
  seed: z.int(),
});

export type TournamentSettings = z.infer<typeof tournamentSettingsSchema>;

/** The settings of a plan, ready to save. */
export function settingsOf(plan: TournamentPlan): TournamentSettings {
  return {
    format: 'concord-tournament/1',
    strategies: [...plan.strategies],
    scenarios: plan.scenarios.map((s) => (s.parties ? { ref: s.ref, parties: [...s.parties] } : s.ref)),
    permutations: plan.permutations,
    selfPlay: plan.selfPlay,
    repetitions: plan.repetitions,
    protocol: plan.protocol,
    ...(plan.variant ? { variant: plan.variant } : {}),
    steps: plan.steps,
    seed: plan.seed,
  };
}

/** Reads saved settings; every problem at once, located by path. */
export function readTournamentSettings(text: string, file?: string): Result<TournamentSettings> {
  const at = file ? { file } : {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fail([
      { code: 'bad-settings', message: `not JSON (${e instanceof Error ? e.message : e})`, ...at },
    ]);
  }
  const r = tournamentSettingsSchema.safeParse(value);
  if (r.success) return ok(r.data);
  return fail(
    r.error.issues.map(
      (issue): Problem => ({
        code: 'bad-settings',
        message: issue.message,
        path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
        ...at,
      }),
    ),
  );
}
