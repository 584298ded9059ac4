import { z } from 'zod';

/**
 * The shape of a scenario file (YAML or JSON), as one zod schema. Types are derived from it with
 * `z.infer`; `schema/scenario.schema.json` is generated from it (scripts/gen-schema.ts).
 *
 * The schema checks the *shape* only (keys, types, per-field ranges); it has no transforms or
 * defaults, so a value that passes is also a valid raw input (the parser relies on that).
 * Checks that relate fields (min ≤ max, known issue names, duplicates) live in `check-*.ts`.
 *
 * Every object is strict: an unknown key is reported (typos must be caught). To add a top-level
 * section (evidence, drafts, …): add its schema to {@link scenarioSections}, a check to
 * `check.ts` and a step to `build.ts`.
 */

/** Descriptions and `$defs` names for the published JSON Schema (kept out of zod's global registry). */
export const scenarioRegistry = z.registry<{ id?: string; description?: string }>();

function doc<T extends z.ZodType>(schema: T, description: string, id?: string): T {
  scenarioRegistry.add(schema, id === undefined ? { description } : { id, description });
  return schema;
}

const text = (description: string) => doc(z.string(), description);
const name = (description: string) => doc(z.string().min(1, { error: 'must not be empty' }), description);

// ── Issues ──────────────────────────────────────────────────────────────────────────────────────

const discreteIssue = doc(
  z.strictObject({
    name: name('Unique issue name, used to refer to the issue in values, weights and red lines.'),
    kind: doc(z.literal('discrete'), 'Optional: an issue with `options` is discrete.').optional(),
    description: text('What the issue is about.').optional(),
    options: doc(
      z
        .array(z.string().min(1, { error: 'an option name must not be empty' }))
        .min(1, { error: 'a discrete issue needs at least one option' }),
      'The named options, in order.',
    ),
  }),
  'An issue with named options, e.g. `options: [remote, hybrid, office]`.',
  'DiscreteIssue',
);

const integerIssue = doc(
  z.strictObject({
    name: name('Unique issue name.'),
    kind: z.literal('integer'),
    description: text('What the issue is about.').optional(),
    min: doc(z.int(), 'Smallest value.'),
    max: doc(z.int(), 'Largest value (included when a whole number of steps from `min`).'),
    step: doc(z.int().positive(), 'Distance between consecutive values; default 1.').optional(),
    unit: text('Unit shown in reports, e.g. `EUR`.').optional(),
  }),
  'Whole numbers from `min` to `max` in steps of `step`.',
  'IntegerIssue',
);

const realIssue = doc(
  z.strictObject({
    name: name('Unique issue name.'),
    kind: z.literal('real'),
    description: text('What the issue is about.').optional(),
    min: doc(z.number(), 'Smallest value.'),
    max: doc(z.number(), 'Largest value.'),
    resolution: doc(
      z.int().min(2),
      'Number of evenly spaced points analysis uses, ends included; default 11.',
    ).optional(),
    unit: text('Unit shown in reports, e.g. `%`.').optional(),
  }),
  'A continuous range; analysis uses `resolution` evenly spaced points.',
  'RealIssue',
);

export const issueSchema = z.discriminatedUnion('kind', [discreteIssue, integerIssue, realIssue]);

// ── Values (how a party scores one issue) ──────────────────────────────────────────────────────

/** A fresh schema per use, so each use keeps its own description. */
const point = (description: string) =>
  doc(z.tuple([z.number(), z.number()], { error: 'a point is [x, y], two numbers' }), description);

const linearSpec = doc(
  z.strictObject({
    linear: z.strictObject({
      from: point('A point [x, y] on the line: value x scores y.'),
      to: point('A second point on the line (or give `slope`).').optional(),
      slope: doc(z.number(), 'Score change per unit (or give `to`).').optional(),
      clamp: doc(
        z.tuple([z.number().nullable(), z.number().nullable()], {
          error: 'clamp is [lowest, highest]; use null for no bound',
        }),
        'Scores are kept within [lowest, highest]; null for no bound.',
      ).optional(),
    }),
  }),
  'A straight line through `from` and `to` (or from `from` with `slope`); numeric issues only.',
  'LinearValues',
);

const piecewiseSpec = doc(
  z.strictObject({
    piecewise: z
      .array(point('A point [x, y]: value x scores y.'))
      .min(1, { error: 'piecewise needs at least one point' }),
  }),
  'Straight lines between points sorted by x, flat beyond the ends; numeric issues only.',
  'PiecewiseValues',
);

const scoreTable = doc(
  z.record(z.string(), z.number()),
  'A score per option (discrete issues) or per value (numeric issues); a value not listed scores 0.',
  'ScoreTable',
);

export const valueSpecSchema = z.union([linearSpec, piecewiseSpec, scoreTable]);

// ── Conditions and red lines ───────────────────────────────────────────────────────────────────

const issueValue = doc(z.union([z.string(), z.number()]), 'An option name or a number.');

const issueCondition = doc(
  z.strictObject({
    issue: doc(z.string(), 'The issue the condition reads.'),
    in: doc(z.array(issueValue), 'Matches these values.').optional(),
    notIn: doc(z.array(issueValue), 'Matches any value but these.').optional(),
    below: doc(z.number(), 'Matches values < this (numeric issues).').optional(),
    above: doc(z.number(), 'Matches values > this (numeric issues).').optional(),
    atMost: doc(z.number(), 'Matches values ≤ this (numeric issues).').optional(),
    atLeast: doc(z.number(), 'Matches values ≥ this (numeric issues).').optional(),
  }),
  'Outcomes whose value of `issue` meets every bound given.',
  'IssueCondition',
);

const allCondition = doc(
  z.strictObject({
    get all() {
      return z.array(conditionSchema).min(1, { error: 'all needs at least one condition' });
    },
  }),
  'Outcomes that meet every condition.',
  'AllCondition',
);
const anyCondition = doc(
  z.strictObject({
    get any() {
      return z.array(conditionSchema).min(1, { error: 'any needs at least one condition' });
    },
  }),
  'Outcomes that meet at least one condition.',
  'AnyCondition',
);
const notCondition = doc(
  z.strictObject({
    get not() {
      return conditionSchema;
    },
  }),
  'Outcomes that do not meet the condition.',
  'NotCondition',
);

export const conditionSchema: z.ZodUnion<
  [typeof issueCondition, typeof allCondition, typeof anyCondition, typeof notCondition]
> = doc(
  z.union([issueCondition, allCondition, anyCondition, notCondition]),
  'A set of outcomes.',
  'Condition',
);

export const redLineSchema = doc(
  z.strictObject({
    id: name('Unique id of the red line in the scenario.'),
    description: text('The red line in words.').optional(),
    forbid: conditionSchema,
  }),
  'A hard constraint: outcomes matching `forbid` are unacceptable to the party whatever their utility.',
  'RedLine',
);

// ── Utility given as hyper-rectangles ──────────────────────────────────────────────────────────

const bound = doc(
  z.union([issueValue, z.strictObject({ from: issueValue, to: issueValue })]),
  'One value, or an inclusive range `{ from, to }` in the issue’s order.',
);

export const utilitySchema = doc(
  z.strictObject({
    hyperrectangle: z.strictObject({
      scale: doc(z.number().positive(), 'Divisor applied to the summed utility; default 1.').optional(),
      cap: doc(
        z.number(),
        'Utilities above this count as this (GENIUS caps at 1); default no cap.',
      ).optional(),
      rectangles: z.array(
        z.strictObject({
          utility: doc(z.number(), 'Added when the outcome is inside the rectangle.'),
          where: doc(z.record(z.string(), bound), 'Issue name → value or range; issues not listed are free.'),
        }),
      ),
    }),
  }),
  'A non-additive utility: the sum of the utilities of the rectangles an outcome lies in, divided by `scale`, at most `cap`.',
  'HyperRectangleUtility',
);

// ── Parties ────────────────────────────────────────────────────────────────────────────────────

export const partySchema = doc(
  z.strictObject({
    name: name('Unique party name.'),
    role: doc(z.enum(['principal', 'mediator', 'stakeholder']), 'Default principal.').optional(),
    description: text('Who the party is.').optional(),
    reservation: doc(
      z.number(),
      'Utility of walking away (the BATNA), on the same 0–1 scale as values; default 0.',
    ).optional(),
    discount: doc(z.number().gt(0).lte(1), 'Per-round discount factor in (0, 1]; default none.').optional(),
    values: doc(
      z.record(z.string(), valueSpecSchema),
      'Issue name → how the party scores that issue. Issues not listed do not matter to the party.',
    ).optional(),
    weights: doc(
      z.record(z.string(), z.number().nonnegative()),
      'Issue name → relative importance (≥ 0); divided by their sum. Default: equal over the issues in values.',
    ).optional(),
    normalizeWeights: doc(
      z.boolean(),
      'Default true: weights are divided by their sum. false: used as written (files converted from GENIUS).',
    ).optional(),
    utility: doc(utilitySchema, 'Instead of values and weights: a hyper-rectangle utility.').optional(),
    redLines: doc(z.array(redLineSchema), 'Hard constraints.').optional(),
  }),
  'A side at the table (principal), a mediator or a stakeholder.',
  'Party',
);

// ── The file ───────────────────────────────────────────────────────────────────────────────────

/** Top-level sections; add new ones here (each optional, so older files stay valid). */
export const scenarioSections = {
  $schema: text('Optional link to this JSON Schema, for editors.').optional(),
  name: name('Name of the negotiation.'),
  description: text('What is being negotiated.').optional(),
  issues: doc(
    z.array(issueSchema).min(1, { error: 'a scenario needs at least one issue' }),
    'The issues; together they span the outcome space.',
  ),
  parties: doc(
    z.array(partySchema).min(2, {
      error: (iss) =>
        `a negotiation needs at least 2 parties, got ${Array.isArray(iss.input) ? iss.input.length : 0}`,
    }),
    'The parties (at least 2).',
  ),
};

export const scenarioFileSchema = doc(
  z.strictObject(scenarioSections),
  'A negotiation for Concord: issues and parties with their preferences and red lines.',
);

export type ScenarioFile = z.infer<typeof scenarioFileSchema>;
export type IssueFile = z.infer<typeof issueSchema>;
export type PartyFile = z.infer<typeof partySchema>;
export type ValueSpecFile = z.infer<typeof valueSpecSchema>;
export type ConditionFile = z.infer<typeof conditionSchema>;
export type RedLineFile = z.infer<typeof redLineSchema>;
export type UtilityFile = z.infer<typeof utilitySchema>;
export type BoundFile = z.infer<typeof bound>;
